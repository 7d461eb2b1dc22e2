package io.ionstream.engine.learn.fit;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * Runs work over fixed blocks of configurations on a few threads. Blocks are the unit of
 * reduction: each block's partial result is computed by one thread in configuration order and
 * the caller sums blocks in block order, so results are bit-identical for any thread count.
 */
final class Blocks implements AutoCloseable {
    static final int BLOCK = 4;
    private final int threads;
    private final ExecutorService pool;

    Blocks(int threads) {
        if (threads < 1) throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        this.threads = threads;
        this.pool = threads == 1 ? null : Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "mtp-fit");
            t.setDaemon(true);
            return t;
        });
    }

    int threads() { return threads; }

    static int count(int configs) { return (configs + BLOCK - 1) / BLOCK; }

    /** Calls {@code work.accept(block)} for every block, each on some thread; {@code worker} gives per-thread state. */
    void run(int blocks, java.util.function.IntFunction<IntConsumer> worker) {
        if (pool == null) {
            IntConsumer w = worker.apply(0);
            for (int b = 0; b < blocks; b++) w.accept(b);
            return;
        }
        AtomicInteger next = new AtomicInteger();
        Future<?>[] fs = new Future<?>[threads];
        for (int t = 0; t < threads; t++) {
            final int id = t;
            fs[t] = pool.submit(() -> {
                IntConsumer w = worker.apply(id);
                for (int b; (b = next.getAndIncrement()) < blocks; ) w.accept(b);
            });
        }
        for (Future<?> f : fs) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("fit interrupted", e);
            } catch (java.util.concurrent.ExecutionException e) {
                Throwable c = e.getCause();
                if (c instanceof RuntimeException re) throw re;
                if (c instanceof Error er) throw er;
                throw new IllegalStateException(c);
            }
        }
    }

    @Override
    public void close() {
        if (pool != null) pool.shutdownNow();
    }
}
