package io.ionstream.server.http.sse;

import io.ionstream.server.http.ProblemException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.apache.pekko.http.javadsl.model.StatusCodes;

/**
 * The Server-Sent Event streams open now: admission (at most {@code max} at once, the rest are
 * refused with 429) and what the metrics report about them (clients per job, how far behind the
 * job each one is, samples sent and skipped).
 */
public final class EventStreams {
    private final int max;
    private final AtomicInteger open = new AtomicInteger();
    private final Set<Subscription> subscriptions = ConcurrentHashMap.newKeySet();
    private final LongAdder opened = new LongAdder(), sent = new LongAdder(), dropped = new LongAdder();

    public EventStreams(int max) {
        this.max = max;
    }

    /** Admits one more stream on a job, or refuses with 429 when {@code max} are open. */
    public Subscription open(String jobId) {
        int n = open.incrementAndGet();
        if (n > max) {
            open.decrementAndGet();
            throw new ProblemException(StatusCodes.TOO_MANY_REQUESTS, "too many event streams are open (" + max
                + ", ionstream.http.max-event-streams); close one or retry later");
        }
        opened.increment();
        Subscription s = new Subscription(jobId);
        subscriptions.add(s);
        return s;
    }

    public int openStreams() { return subscriptions.size(); }
    public long openedTotal() { return opened.sum(); }
    public long samplesSent() { return sent.sum(); }
    public long samplesDropped() { return dropped.sum(); }

    /** Open streams per job id. */
    public Map<String, Integer> streamsByJob() {
        Map<String, Integer> m = new HashMap<>();
        for (Subscription s : subscriptions) m.merge(s.jobId, 1, Integer::sum);
        return m;
    }

    /** Per job, the largest number of samples a stream on it has yet to send ({@code published(job)}: the job's sample count). */
    public Map<String, Long> largestLagByJob(java.util.function.ToLongFunction<String> published) {
        Map<String, Long> m = new HashMap<>();
        for (Subscription s : subscriptions) {
            long lag = Math.max(0, published.applyAsLong(s.jobId) - s.next);
            m.merge(s.jobId, lag, Math::max);
        }
        return m;
    }

    /** One open stream: where it is in its job's samples. Closed exactly once, when the stream ends. */
    public final class Subscription implements AutoCloseable {
        private final String jobId;
        private volatile long next;
        private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();

        private Subscription(String jobId) {
            this.jobId = jobId;
        }

        public String jobId() { return jobId; }

        /** Sample {@code sequence} went out, after {@code skipped} were left out for this client. */
        void sent(long sequence, long skipped) {
            next = sequence + 1;
            sent.increment();
            if (skipped > 0) dropped.add(skipped);
        }

        void startsAt(long sequence) { next = sequence; }

        @Override
        public void close() {
            if (!closed.compareAndSet(false, true)) return;
            subscriptions.remove(this);
            open.decrementAndGet();
        }
    }
}
