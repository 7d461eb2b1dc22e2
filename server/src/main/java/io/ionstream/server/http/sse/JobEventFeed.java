package io.ionstream.server.http.sse;

import io.ionstream.actors.jobs.JobEntry;
import io.ionstream.actors.stream.StreamCursor;
import io.ionstream.proto.v1.Job;
import io.ionstream.proto.v1.JobState;
import io.ionstream.proto.v1.Sample;
import io.ionstream.server.http.ProtoJson;
import org.apache.pekko.util.ByteString;
import org.apache.pekko.util.ByteStringBuilder;

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
 * file. Sample events are encoded once per job ({@link SampleEvents}). A feed is used by one
 * thread at a time.
 */
final class JobEventFeed {
    /** How long an EventSource waits before reconnecting (ms). */
    static final int RETRY_MS = 2000;

    private final JobEntry job;
    private final StreamCursor<Sample> cursor;
    private final EventStreams.Subscription subscription;
    private final SampleEvents events;
    private JobState sentState;
    private boolean finished;

    JobEventFeed(JobEntry job, StreamCursor.Mode mode, long from, EventStreams.Subscription subscription, SampleEvents events) {
        this.job = job;
        this.cursor = new StreamCursor<>(job.streams().samples(), mode, from, 1);
        this.subscription = subscription;
        this.events = events;
        subscription.startsAt(from);
    }

    /** True once the end event was produced: nothing follows. */
    boolean finished() { return finished; }

    /** The next events (at most {@code max}) as one piece of the stream; empty when there is nothing to send now. */
    ByteString next(int max) {
        ByteStringBuilder out = new ByteStringBuilder();
        int n = 0;
        if (sentState == null) {
            Job j = job.job();
            sentState = j.getState();
            out.append(SseEncoding.event("job", null, ProtoJson.print(j), RETRY_MS));
            n++;
        }
        while (n < max && !finished) {
            JobState state = job.state(); // read before the cursor: once ended, the sample count is final
            StreamCursor.Delivery<Sample> d = cursor.poll();
            if (d != null) {
                if (d.dropped() > 0) {
                    out.append(SseEncoding.event("dropped", null, "{\"dropped\":" + d.dropped() + ",\"next\":" + d.sequence() + "}", null));
                }
                out.append(events.event(d.sequence()));
                subscription.sent(d.sequence(), d.dropped());
            } else if (state != sentState) {
                sentState = state;
                out.append(SseEncoding.event("job", null, ProtoJson.print(job.job()), null));
            } else if (JobEntry.isEnded(state) && cursor.caughtUp()) {
                out.append(SseEncoding.event("end", null, ProtoJson.print(job.job()), null));
                finished = true;
            } else {
                break;
            }
            n++;
        }
        return out.result();
    }
}
