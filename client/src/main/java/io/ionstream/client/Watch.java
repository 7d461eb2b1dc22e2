package io.ionstream.client;

import io.ionstream.proto.v1.Job;
import io.ionstream.proto.v1.JobServiceGrpc;
import io.ionstream.proto.v1.WatchEvent;
import io.ionstream.proto.v1.WatchMode;
import io.ionstream.proto.v1.WatchRequest;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A running watch of one job's observables. When the connection breaks (server restart, network)
 * it reconnects with back-off and asks for the samples after the last one it delivered, so the
 * listener sees every sample exactly once, in order (in ALL mode). It ends when the job has
 * ended, when {@link #close()} is called, or when reconnecting fails for longer than the retry
 * window.
 */
public final class Watch implements AutoCloseable {
    private final JobServiceGrpc.JobServiceStub stub;
    private final String jobId;
    private final WatchMode mode;
    private final WatchListener listener;
    private final ScheduledExecutorService scheduler;
    private final Duration retryWindow;
    private final CompletableFuture<Job> done = new CompletableFuture<>();
    private volatile ClientCallStreamObserver<WatchRequest> call;
    private volatile long next;
    private volatile boolean closed;
    private volatile long duplicates;
    private volatile Job lastJob;
    private int attempt;
    private long firstFailureNanos;

    Watch(JobServiceGrpc.JobServiceStub stub, String jobId, long fromSequence, WatchMode mode, WatchListener listener,
          ScheduledExecutorService scheduler, Duration retryWindow) {
        this.stub = stub;
        this.jobId = jobId;
        this.mode = mode;
        this.listener = listener;
        this.scheduler = scheduler;
        this.retryWindow = retryWindow;
        this.next = fromSequence;
    }

    void start() {
        connect();
    }

    /** The sequence number the next delivered sample will have (ALL mode). */
    public long nextSequence() { return next; }

    /** Samples the server sent again after a reconnect and this watch dropped (should stay 0). */
    public long duplicatesDropped() { return duplicates; }

    /** Completes with the job's final record, or exceptionally when the watch failed. */
    public CompletableFuture<Job> done() { return done; }

    /** Waits for the job to end; returns its final record. */
    public Job await(Duration timeout) throws InterruptedException, TimeoutException {
        try {
            return done.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof StatusRuntimeException s) throw s;
            throw new IllegalStateException(c);
        }
    }

    @Override
    public void close() {
        closed = true;
        ClientCallStreamObserver<WatchRequest> c = call;
        if (c != null) c.cancel("watch closed by the client", null);
        done.completeExceptionally(Status.CANCELLED.withDescription("watch closed").asRuntimeException());
    }

    private void connect() {
        if (closed) return;
        WatchRequest req = WatchRequest.newBuilder().setJobId(jobId).setFromSequence(mode == WatchMode.WATCH_MODE_ALL ? next : 0)
            .setMode(mode).build();
        stub.watch(req, new ClientResponseObserver<WatchRequest, WatchEvent>() {
            @Override
            public void beforeStart(ClientCallStreamObserver<WatchRequest> requestStream) {
                call = requestStream;
            }

            @Override
            public void onNext(WatchEvent e) {
                synchronized (Watch.this) {
                    attempt = 0;
                    firstFailureNanos = 0;
                }
                switch (e.getEventCase()) {
                    case JOB -> listener.job(e.getJob());
                    case SAMPLE -> {
                        long seq = e.getSample().getSequence();
                        if (mode == WatchMode.WATCH_MODE_ALL && seq < next) {
                            duplicates++;
                            return;
                        }
                        next = seq + 1;
                        listener.sample(e.getSample(), e.getDropped());
                    }
                    default -> { }
                }
                lastJob = e.hasJob() ? e.getJob() : lastJob;
            }

            @Override
            public void onError(Throwable t) {
                Status s = Status.fromThrowable(t);
                if (closed) return;
                if (!retryable(s)) {
                    listener.failed(s);
                    done.completeExceptionally(s.asRuntimeException());
                    return;
                }
                int a;
                long delay;
                synchronized (Watch.this) {
                    long now = System.nanoTime();
                    if (firstFailureNanos == 0) firstFailureNanos = now;
                    if (now - firstFailureNanos > retryWindow.toNanos()) {
                        Status gaveUp = s.augmentDescription("gave up reconnecting after " + retryWindow.toSeconds() + " s");
                        listener.failed(gaveUp);
                        done.completeExceptionally(gaveUp.asRuntimeException());
                        return;
                    }
                    a = ++attempt;
                    delay = Math.min(2000, 50L << Math.min(a, 6));
                }
                listener.reconnecting(a, s);
                scheduler.schedule(Watch.this::connect, delay, TimeUnit.MILLISECONDS);
            }

            @Override
            public void onCompleted() {
                listener.ended(lastJob);
                done.complete(lastJob);
            }
        });
    }

    private static boolean retryable(Status s) {
        return switch (s.getCode()) {
            case UNAVAILABLE, UNKNOWN, INTERNAL, DEADLINE_EXCEEDED, ABORTED, CANCELLED -> true;
            default -> false;
        };
    }
}
