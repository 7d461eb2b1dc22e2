package io.ionstream.server.http.sse;

import io.ionstream.actors.jobs.JobEntry;
import io.ionstream.actors.stream.StreamCursor;
import io.ionstream.proto.v1.Job;
import io.ionstream.proto.v1.JobState;
import io.ionstream.proto.v1.Sample;
import io.ionstream.server.http.ProtoJson;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.apache.pekko.http.javadsl.model.sse.ServerSentEvent;

/**
 * What one event stream sends, in order: the job ({@code event: job}, with a reconnection delay
 * for EventSource), then its samples from the requested sequence on ({@code event: sample}, the
 * sequence number as the event {@code id:} so that a reconnecting client's
 * {@code Last-Event-ID} resumes right after it), a {@code job} event whenever the job's state
 * changes, and {@code event: end} with the final job once it has ended and every sample is out.
 * In LATEST mode an {@code event: dropped} before a sample says how many were skipped.
 *
 * <p>Samples come from the job's shared stream through a cursor, so the job computes each sample
 * once whoever listens, and a client behind by more than the in-memory ring reads the job's log
 * file. A feed is used by one thread at a time.
 */
public final class JobEventFeed {
    /** How long an EventSource waits before reconnecting (ms). */
    static final int RETRY_MS = 2000;

    private final JobEntry job;
    private final StreamCursor<Sample> cursor;
    private final EventStreams.Subscription subscription;
    private JobState sentState;
    private boolean finished;

    public JobEventFeed(JobEntry job, StreamCursor.Mode mode, long from, EventStreams.Subscription subscription) {
        this.job = job;
        this.cursor = new StreamCursor<>(job.streams().samples(), mode, from, 1);
        this.subscription = subscription;
        subscription.startsAt(from);
    }

    /** True once the end event was produced: nothing follows. */
    public boolean finished() { return finished; }

    /** Up to {@code max} next events; empty when there is nothing to send now. */
    public List<ServerSentEvent> next(int max) {
        List<ServerSentEvent> out = new ArrayList<>(Math.min(max, 16));
        if (sentState == null) {
            Job j = job.job();
            sentState = j.getState();
            out.add(ServerSentEvent.create(ProtoJson.print(j), Optional.of("job"), Optional.empty(), OptionalInt.of(RETRY_MS)));
        }
        while (out.size() < max && !finished) {
            JobState state = job.state(); // read before the cursor: once ended, the sample count is final
            StreamCursor.Delivery<Sample> d = cursor.poll();
            if (d != null) {
                if (d.dropped() > 0) {
                    out.add(ServerSentEvent.create("{\"dropped\":" + d.dropped() + ",\"next\":" + d.sequence() + "}", "dropped"));
                }
                out.add(ServerSentEvent.create(ProtoJson.print(d.item()), "sample", Long.toString(d.sequence())));
                subscription.sent(d.sequence(), d.dropped());
            } else if (state != sentState) {
                sentState = state;
                out.add(ServerSentEvent.create(ProtoJson.print(job.job()), "job"));
            } else if (JobEntry.isEnded(state) && cursor.caughtUp()) {
                out.add(ServerSentEvent.create(ProtoJson.print(job.job()), "end"));
                finished = true;
            } else {
                break;
            }
        }
        return out;
    }
}
