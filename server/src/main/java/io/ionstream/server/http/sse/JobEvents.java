package io.ionstream.server.http.sse;

import io.ionstream.actors.jobs.JobEntry;
import io.ionstream.actors.stream.StreamCursor;
import io.ionstream.actors.stream.StreamLog;
import io.ionstream.proto.v1.Sample;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executor;
import org.apache.pekko.NotUsed;
import org.apache.pekko.http.javadsl.model.sse.ServerSentEvent;
import org.apache.pekko.stream.javadsl.Source;

/**
 * Opens event streams on jobs: admission through {@link EventStreams}, a {@link JobEventFeed}
 * on the job's shared sample stream, an on-demand {@link EventStreamSource}, and comment lines
 * while the stream is idle.
 */
public final class JobEvents {
    private final EventStreams streams;
    private final Executor executor;
    private final int batch;
    private final Duration keepAlive;

    public JobEvents(EventStreams streams, Executor executor, int batch, Duration keepAlive) {
        this.streams = streams;
        this.executor = executor;
        this.batch = batch;
        this.keepAlive = keepAlive;
    }

    public EventStreams streams() { return streams; }

    /**
     * The events of {@code job} from sample {@code from} on, or empty when there is nothing left
     * to send (the job has ended and {@code from} is at or past its last sample: answered with
     * 204, which tells an EventSource to stop reconnecting). 429 when too many streams are open.
     */
    public Optional<Source<ServerSentEvent, NotUsed>> open(JobEntry job, long from, StreamCursor.Mode mode) {
        StreamLog<Sample> log = job.streams().samples();
        if (job.ended() && from >= log.count()) return Optional.empty();
        EventStreams.Subscription s = streams.open(job.id());
        try {
            JobEventFeed feed = new JobEventFeed(job, mode, from, s);
            return Optional.of(Source.fromGraph(new EventStreamSource(feed, log, executor, batch, s::close))
                .keepAlive(keepAlive, ServerSentEvent::heartbeat));
        } catch (RuntimeException e) {
            s.close();
            throw e;
        }
    }
}
