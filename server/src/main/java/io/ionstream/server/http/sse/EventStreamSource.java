package io.ionstream.server.http.sse;

import io.ionstream.actors.stream.StreamLog;
import java.time.Duration;
import java.util.concurrent.Executor;
import org.apache.pekko.stream.Attributes;
import org.apache.pekko.stream.Outlet;
import org.apache.pekko.stream.SourceShape;
import org.apache.pekko.stream.stage.AbstractOutHandler;
import org.apache.pekko.stream.stage.AsyncCallback;
import org.apache.pekko.stream.stage.GraphStage;
import org.apache.pekko.stream.stage.GraphStageLogic;
import org.apache.pekko.stream.stage.TimerGraphStageLogic;
import org.apache.pekko.util.ByteString;

/**
 * The bytes of one event stream as a Pekko Streams source that produces only on demand: when the
 * HTTP connection pulls, it asks its {@link JobEventFeed} for the next events (at most
 * {@code batch}, encoded as one piece) on the shared stream executor, since reading the job's log
 * can touch the disk; when the feed has nothing new it waits for the job's stream to signal, and
 * then {@code linger} more, so that samples arriving close together go out in one write. A client
 * that reads slowly therefore holds at most one batch plus the connection's own small buffers,
 * and never makes the job wait: the job only appends to its log, which all clients share.
 */
final class EventStreamSource extends GraphStage<SourceShape<ByteString>> {
    private static final String LINGER = "linger";
    private final Outlet<ByteString> out = Outlet.create("job-events.out");
    private final SourceShape<ByteString> shape = SourceShape.of(out);
    private final JobEventFeed feed;
    private final StreamLog<?> log;
    private final Executor executor;
    private final int batch;
    private final Duration linger;
    private final Runnable onStop;

    EventStreamSource(JobEventFeed feed, StreamLog<?> log, Executor executor, int batch, Duration linger, Runnable onStop) {
        this.feed = feed;
        this.log = log;
        this.executor = executor;
        this.batch = batch;
        this.linger = linger;
        this.onStop = onStop;
    }

    @Override
    public SourceShape<ByteString> shape() { return shape; }

    @Override
    public GraphStageLogic createLogic(Attributes attributes) {
        return new TimerGraphStageLogic(shape) {
            private ByteString ready;
            private AsyncCallback<ByteString> onBatch;
            private AsyncCallback<Throwable> onFailure;
            private AsyncCallback<Boolean> onWake;
            private Runnable listener;
            private boolean fetching, signalled, last;

            {
                setHandler(out, new AbstractOutHandler() {
                    @Override
                    public void onPull() {
                        if (ready != null) pushReady();
                        else if (!isTimerActive(LINGER)) fetch();
                    }
                });
            }

            @Override
            public void preStart() {
                onBatch = createAsyncCallback(this::batchArrived);
                onFailure = createAsyncCallback(this::failStage);
                onWake = createAsyncCallback(x -> woken());
                listener = () -> onWake.invoke(Boolean.TRUE);
                log.addListener(listener);
            }

            private void fetch() {
                if (fetching || last) return;
                fetching = true;
                signalled = false;
                try {
                    executor.execute(() -> {
                        try {
                            onBatch.invoke(feed.next(batch));
                        } catch (Throwable t) {
                            onFailure.invoke(t);
                        }
                    });
                } catch (RuntimeException rejected) {
                    failStage(rejected); // the server is shutting down
                }
            }

            private void batchArrived(ByteString bytes) {
                fetching = false;
                if (!bytes.isEmpty()) ready = bytes;
                if (feed.finished()) last = true;
                if (!isAvailable(out)) return;
                if (ready != null) pushReady();
                else if (last) completeStage();
                else if (signalled) fetch(); // something arrived while this batch was being read
            }

            private void woken() {
                signalled = true;
                if (fetching || ready != null || !isAvailable(out) || isTimerActive(LINGER)) return;
                if (linger.isZero()) fetch();
                else scheduleOnce(LINGER, linger);
            }

            @Override
            public void onTimer(Object key) {
                if (ready == null && isAvailable(out)) fetch();
            }

            private void pushReady() {
                ByteString b = ready;
                ready = null;
                push(out, b);
                if (last) completeStage();
            }

            @Override
            public void postStop() {
                if (listener != null) log.removeListener(listener);
                onStop.run();
            }
        };
    }
}
