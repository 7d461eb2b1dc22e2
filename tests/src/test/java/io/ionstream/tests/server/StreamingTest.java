package io.ionstream.tests.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ionstream.client.IonstreamClient;
import io.ionstream.client.Watch;
import io.ionstream.client.WatchListener;
import io.ionstream.proto.v1.Job;
import io.ionstream.proto.v1.JobState;
import io.ionstream.proto.v1.Sample;
import io.ionstream.proto.v1.WatchMode;
import io.ionstream.server.grpc.IonstreamServer;
import io.grpc.Status;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Live observable streams over real loopback sockets: reconnecting after the connection is cut
 * resumes without gaps or duplicates; a subscriber that stops reading does not hold up the job
 * and still receives everything afterwards (from the job's log: the server keeps only a small
 * ring in memory); LATEST mode skips and counts; 50 watchers share one computation.
 */
class StreamingTest {
    @TempDir static Path dir;
    private static IonstreamServer server;
    private static IonstreamClient client;

    @BeforeAll
    static void start() throws Exception {
        // a tiny ring: anything not read at once must come back from disk
        server = TestServers.start(dir.resolve("data"), "streams.sample-ring=16", "limits.max-running-jobs=2", "limits.max-jobs=8");
        client = TestServers.client(server);
    }

    @AfterAll
    static void stop() {
        client.close();
        server.close();
    }

    /** Records samples and checks order as they come. */
    static class Collector implements WatchListener {
        final List<Long> sequences = new CopyOnWriteArrayList<>();
        final AtomicLong dropped = new AtomicLong();
        final AtomicInteger reconnects = new AtomicInteger();

        @Override public void sample(Sample s, long d) {
            sequences.add(s.getSequence());
            dropped.addAndGet(d);
        }

        @Override public void reconnecting(int attempt, Status status) { reconnects.incrementAndGet(); }

        void assertComplete(long count) {
            assertEquals(count, sequences.size(), "every sample once");
            for (int k = 0; k < sequences.size(); k++) assertEquals(k, sequences.get(k), "in order, no gap, no duplicate");
        }
    }

    @Test
    void reconnectResumesWithoutGapsOrDuplicates() throws Exception {
        try (TcpProxy proxy = new TcpProxy(server.port());
             IonstreamClient viaProxy = IonstreamClient.connect(proxy.target()).retryWindow(Duration.ofSeconds(30)).build()) {
            Job job = client.submit(TestServers.argonJob("reconnect", 6000, 5, 500));
            AtomicInteger cuts = new AtomicInteger();
            Collector c = new Collector() {
                @Override public void sample(Sample s, long d) {
                    super.sample(s, d);
                    // cut the connection three times, each time on a fresh connection (samples already
                    // buffered from a cut connection arrive before its failure is noticed)
                    int done = cuts.get();
                    if (done < 3 && reconnects.get() == done && s.getSequence() >= 40 + 60L * done) {
                        proxy.cut();
                        cuts.incrementAndGet();
                    }
                }
            };
            Job last = viaProxy.watch(job.getJobId(), c).await(Duration.ofSeconds(120));
            assertEquals(JobState.COMPLETED, last.getState(), last.getMessage());
            assertEquals(3, cuts.get());
            // a cut after the server had sent the end of the stream is not noticed: at least one reconnect
            assertTrue(c.reconnects.get() >= 1, "the watch reconnected: " + c.reconnects.get());
            c.assertComplete(1201);
        }
    }

    @Test
    void aStalledSubscriberDoesNotHoldUpTheJob() throws Exception {
        // 20 001 samples, ~3 MB: more than the HTTP/2 flow-control windows hold, so the server sees isReady() false
        Job job = client.submit(TestServers.argonJob("slow", 20_000, 1, 5000));
        CountDownLatch release = new CountDownLatch(1);
        Collector slow = new Collector() {
            @Override public void sample(Sample s, long d) {
                super.sample(s, d);
                try {
                    release.await(); // stops reading after the first sample
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        Collector latest = new Collector() {
            @Override public void sample(Sample s, long d) {
                super.sample(s, d);
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        Watch w = client.watch(job.getJobId(), slow);
        Watch wl = client.watch(job.getJobId(), 0, WatchMode.WATCH_MODE_LATEST, latest);
        Job done = waitForEnd(job.getJobId(), Duration.ofSeconds(120));
        assertEquals(JobState.COMPLETED, done.getState(), "the job finished while its subscribers were stalled");
        assertTrue(slow.sequences.size() <= 1, "the stalled subscriber had read " + slow.sequences.size() + " samples");
        release.countDown();
        w.await(Duration.ofSeconds(60));
        wl.await(Duration.ofSeconds(60));
        slow.assertComplete(20_001);
        assertEquals(20_000L, latest.sequences.get(latest.sequences.size() - 1), "LATEST ends with the newest sample");
        assertEquals(20_001L, latest.sequences.size() + latest.dropped.get(), "LATEST: every sample delivered or counted as dropped");
        assertTrue(latest.dropped.get() > 0);
    }

    @Test
    void fiftyWatchersShareOneComputation() throws Exception {
        Job job = client.submit(TestServers.argonJob("fifty", 400, 2, 200));
        List<Collector> cs = new ArrayList<>();
        List<Watch> ws = new ArrayList<>();
        for (int k = 0; k < 50; k++) {
            Collector c = new Collector();
            cs.add(c);
            ws.add(client.watch(job.getJobId(), c));
        }
        int seen = 0;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            Job j = client.job(job.getJobId());
            seen = Math.max(seen, j.getSubscribers());
            if (JobStateIs.ended(j.getState())) break;
            Thread.sleep(20);
        }
        for (Watch w : ws) assertEquals(JobState.COMPLETED, w.await(Duration.ofSeconds(60)).getState());
        for (Collector c : cs) c.assertComplete(201);
        assertEquals(201, client.job(job.getJobId()).getSamples(), "the job produced each sample once");
        assertTrue(seen >= 1, "GetJob counts the open subscriptions");
    }

    static Job waitForEnd(String id, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Job j = client.job(id);
            if (JobStateIs.ended(j.getState())) return j;
            Thread.sleep(20);
        }
        throw new AssertionError("job " + id + " did not end within " + timeout);
    }
}
