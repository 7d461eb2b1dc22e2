package io.ionstream.server.http.sse;

import io.ionstream.actors.stream.StreamLog;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.Executor;
import org.apache.pekko.stream.Attributes;
import org.apache.pekko.stream.Outlet;
import org.apache.pekko.stream.SourceShape;
import org.apache.pekko.stream.stage.AbstractOutHandler;
import org.apache.pekko.stream.stage.AsyncCallback;
import org.apache.pekko.stream.stage.GraphStage;
import org.apache.pekko.stream.stage.GraphStageLogic;
import org.apache.pekko.http.javadsl.model.sse.ServerSentEvent;

/**
 * The events of one stream as a Pekko Streams source that produces only on demand: when the HTTP
 * connection pulls and nothing is prepared, it asks its {@link JobEventFeed} for at most
 * {@code batch} events on the shared stream executor (reading the job's log can touch the disk),
 * and when the feed has nothing new it waits for the job's stream to signal. A client that reads
 * slowly therefore holds at most {@code batch} prepared events plus the connection's own small
 * buffers, and never makes the job wait: the job only appends to its log, which all clients
 * share.
 */
final class EventStreamSource extends GraphStage<SourceShape<ServerSentEvent>> {
    private final Outlet<ServerSentEvent> out = Outlet.create("job-events.out");
    private final SourceShape<ServerSentEvent> shape = SourceShape.of(out);
    private final JobEventFeed feed;
    private final StreamLog<?> log;
    private final Executor executor;
    private final int batch;
    private final Runnable onStop;

    EventStreamSource(JobEventFeed feed, StreamLog<?> log, Executor executor, int batch, Runnable onStop) {
        this.feed = feed;
        this.log = log;
        this.executor = executor;
        this.batch = batch;
        this.onStop = onStop;
    }

    @Override
    public SourceShape<ServerSentEvent> shape() { return shape; }

    @Override
    public GraphStageLogic createLogic(Attributes attributes) {
        return new GraphStageLogic(shape) {
            private final ArrayDeque<ServerSentEvent> ready = new ArrayDeque<>();
            private AsyncCallback<List<ServerSentEvent>> onBatch;
            private AsyncCallback<Throwable> onFailure;
            private AsyncCallback<Boolean> onWake;
            private Runnable listener;
            private boolean fetching, signalled, last;

            {
                setHandler(out, new AbstractOutHandler() {
                    @Override
                    public void onPull() {
                        if (!ready.isEmpty()) pushReady();
                        else fetch();
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

            private void batchArrived(List<ServerSentEvent> events) {
                fetching = false;
                ready.addAll(events);
                if (feed.finished()) last = true;
                if (!isAvailable(out)) return;
                if (!ready.isEmpty()) pushReady();
                else if (last) completeStage();
                else if (signalled) fetch(); // something arrived while this batch was being read
            }

            private void woken() {
                signalled = true;
                if (!fetching && ready.isEmpty() && isAvailable(out)) fetch();
            }

            private void pushReady() {
                push(out, ready.poll());
                if (ready.isEmpty() && last) completeStage();
            }

            @Override
            public void postStop() {
                if (listener != null) log.removeListener(listener);
                onStop.run();
            }
        };
    }
}
