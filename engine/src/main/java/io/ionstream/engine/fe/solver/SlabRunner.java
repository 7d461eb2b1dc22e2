package io.ionstream.engine.fe.solver;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;

/**
 * Runs a loop body over contiguous chunks of z-layers on a fixed number of threads. Callers
 * make results independent of the chunking (per-layer partial sums added in layer order), so a
 * solve gives bit-identical numbers on 1 or 2 threads.
 */
public final class SlabRunner implements AutoCloseable {
    /** Work on layers [k0, k1) as chunk number {@code chunk}. */
    @FunctionalInterface
    public interface Body {
        void run(int chunk, int k0, int k1);
    }

    private final int threads;
    private final ForkJoinPool pool;

    public SlabRunner(int threads) {
        if (threads < 1) throw new IllegalArgumentException("threads must be ≥ 1, got " + threads);
        this.threads = threads;
        this.pool = threads > 1 ? new ForkJoinPool(threads) : null;
    }

    public int threads() { return threads; }

    /** Number of chunks {@link #run} uses for {@code layers} layers. */
    public int chunks(int layers) { return Math.max(1, Math.min(threads, layers)); }

    /** Runs {@code body} over {@code layers} layers split into {@link #chunks} contiguous chunks. */
    public void run(int layers, Body body) {
        int chunks = chunks(layers);
        if (chunks == 1 || pool == null) {
            int[] b = bounds(layers, chunks);
            for (int c = 0; c < chunks; c++) body.run(c, b[c], b[c + 1]);
            return;
        }
        int[] b = bounds(layers, chunks);
        List<Future<?>> futures = new ArrayList<>(chunks);
        for (int c = 1; c < chunks; c++) {
            final int cc = c;
            futures.add(pool.submit(() -> body.run(cc, b[cc], b[cc + 1])));
        }
        body.run(0, b[0], b[1]);
        for (Future<?> f : futures) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while solving", e);
            } catch (ExecutionException e) {
                Throwable c = e.getCause();
                if (c instanceof RuntimeException re) throw re;
                if (c instanceof Error er) throw er;
                throw new IllegalStateException(c);
            }
        }
    }

    private static int[] bounds(int layers, int chunks) {
        int[] b = new int[chunks + 1];
        for (int c = 0; c <= chunks; c++) b[c] = (int) ((long) layers * c / chunks);
        return b;
    }

    @Override
    public void close() {
        if (pool != null) pool.shutdown();
    }
}
