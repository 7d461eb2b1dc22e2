package io.ionstream.actors.jobs.store;

import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * The one place a job's files are written from: tasks (log appends, checkpoints, the job record)
 * run one at a time in submission order on a shared pool, so a checkpoint written after a batch
 * of samples is on disk after them, and the MD thread never waits for the disk.
 */
public final class JobWriter implements Executor {
    private final Executor pool;
    private final ArrayDeque<Runnable> queue = new ArrayDeque<>();
    private boolean running;
    private volatile RuntimeException failure;

    public JobWriter(Executor pool) {
        this.pool = pool;
    }

    @Override
    public void execute(Runnable task) {
        synchronized (queue) {
            queue.add(task);
            if (running) return;
            running = true;
        }
        pool.execute(this::drain);
    }

    private void drain() {
        while (true) {
            Runnable next;
            synchronized (queue) {
                next = queue.poll();
                if (next == null) {
                    running = false;
                    return;
                }
            }
            try {
                next.run();
            } catch (RuntimeException e) {
                // tasks report their own failures; one that escapes must not stop the queue
                failure = e;
            }
        }
    }

    /** The last exception a task let escape, or null. */
    public RuntimeException failure() { return failure; }

    /** Tasks waiting to run (a measure of how far the disk is behind). */
    public int backlog() {
        synchronized (queue) {
            return queue.size();
        }
    }

    /** Completes when every task submitted before this call has run. */
    public CompletableFuture<Void> barrier() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        execute(() -> done.complete(null));
        return done;
    }
}
