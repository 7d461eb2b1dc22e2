package io.ionstream.server.grpc;

import io.grpc.Context;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A server-streaming call that sends only while the transport can take more
 * ({@code isReady()}), so a slow client holds up nothing and fills no memory: the call sends
 * from a drain loop that runs on a shared executor whenever there is something new or the client
 * becomes ready again ({@code onReady}), one drain at a time per call. Subclasses say what to
 * send next in {@link #sendNext()}.
 */
abstract class FlowControlledCall<T> {
    private final ServerCallStreamObserver<T> call;
    private final Executor executor;
    private final Context context;
    private final AtomicInteger wip = new AtomicInteger();
    private volatile boolean done;

    FlowControlledCall(StreamObserver<T> observer, Executor executor) {
        this.call = (ServerCallStreamObserver<T>) observer;
        this.executor = executor;
        this.context = Context.current();
        // both handlers must be set before the service method returns
        call.setOnReadyHandler(this::signal);
        call.setOnCancelHandler(this::stop);
    }

    /** Sends at most one message; false when there is nothing to send now (or the call was finished). */
    protected abstract boolean sendNext();

    /** Called once when the call ends for any reason (release subscriptions). */
    protected abstract void closed();

    protected void send(T message) {
        call.onNext(message);
    }

    /** Ends the call successfully. */
    protected void finish() {
        if (done) return;
        done = true;
        call.onCompleted();
        closed();
    }

    /** Something new may be available, or the client became ready: drain (coalesced). */
    final void signal() {
        if (done) return;
        if (wip.getAndIncrement() == 0) executor.execute(this::drain);
    }

    private void stop() {
        if (done) return;
        done = true;
        closed();
    }

    private void drain() {
        int missed = 1;
        while (true) {
            try {
                while (!done) {
                    if (context.isCancelled() || call.isCancelled()) {
                        stop();
                        break;
                    }
                    if (!call.isReady() || !sendNext()) break;
                }
            } catch (Throwable t) {
                if (!done) {
                    done = true;
                    try {
                        call.onError(GrpcErrors.status(t));
                    } catch (RuntimeException ignored) {
                        // the call is already gone
                    }
                    closed();
                }
            }
            missed = wip.addAndGet(-missed);
            if (missed == 0) return;
        }
    }
}
