package io.ionstream.server.http.sse;

import io.ionstream.actors.jobs.JobEntry;
import io.ionstream.actors.stream.StreamCursor;
import io.ionstream.actors.stream.StreamLog;
import io.ionstream.proto.v1.Sample;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import org.apache.pekko.NotUsed;
import org.apache.pekko.stream.javadsl.Source;
import org.apache.pekko.util.ByteString;

/**
 * Opens event streams on jobs: admission through {@link EventStreams}, a {@link JobEventFeed}
 * on the job's shared sample stream (with the job's sample events encoded once for all its
 * streams), an on-demand {@link EventStreamSource}, and comment lines while the stream is idle.
 * The result is the body of a {@code text/event-stream} response.
 */
public final class JobEvents {
    private final EventStreams streams;
    private final Executor executor;
    private final int batch;
    private final Duration keepAlive;
    private final Duration linger;
    private final ConcurrentHashMap<String, Shared> encoded = new ConcurrentHashMap<>();

    /** Sample events encoded once per job: enough for streams that follow a running job closely. */
    private static final int SHARED_EVENTS = 256;

    private record Shared(SampleEvents events, int users) {}

    public JobEvents(EventStreams streams, Executor executor, int batch, Duration keepAlive, Duration linger) {
        this.streams = streams;
        this.executor = executor;
        this.batch = batch;
        this.keepAlive = keepAlive;
        this.linger = linger;
    }

    public EventStreams streams() { return streams; }

    /**
     * The events of {@code job} from sample {@code from} on, or empty when there is nothing left
     * to send (the job has ended and {@code from} is at or past its last sample: answered with
     * 204, which tells an EventSource to stop reconnecting). 429 when too many streams are open.
     */
    public Optional<Source<ByteString, NotUsed>> open(JobEntry job, long from, StreamCursor.Mode mode) {
        StreamLog<Sample> log = job.streams().samples();
        if (job.ended() && from >= log.count()) return Optional.empty();
        EventStreams.Subscription s = streams.open(job.id());
        try {
            SampleEvents shared = sharedEvents(job.id(), log);
            JobEventFeed feed = new JobEventFeed(job, mode, from, s, shared);
            Runnable stop = () -> {
                s.close();
                release(job.id());
            };
            return Optional.of(Source.fromGraph(new EventStreamSource(feed, log, executor, batch, linger, stop))
                .keepAlive(keepAlive, () -> SseEncoding.HEARTBEAT));
        } catch (RuntimeException e) {
            s.close();
            throw e;
        }
    }

    /** The job's shared sample events, kept while it has streams. */
    private SampleEvents sharedEvents(String jobId, StreamLog<Sample> log) {
        return encoded.compute(jobId, (k, v) -> v == null ? new Shared(new SampleEvents(log, SHARED_EVENTS), 1) : new Shared(v.events(), v.users() + 1))
            .events();
    }

    private void release(String jobId) {
        encoded.computeIfPresent(jobId, (k, v) -> v.users() <= 1 ? null : new Shared(v.events(), v.users() - 1));
    }
}
