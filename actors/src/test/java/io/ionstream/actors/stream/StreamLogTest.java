package io.ionstream.actors.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ionstream.actors.jobs.store.JobWriter;
import io.ionstream.actors.jobs.store.RecordLog;
import io.ionstream.proto.v1.Sample;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A stream keeps only a bounded ring in memory, yet every item stays readable by sequence (from
 * disk once it left the ring); cursors deliver all items in order, or the newest with the count
 * of skipped ones.
 */
class StreamLogTest {
    @TempDir Path dir;
    private final ExecutorService pool = Executors.newFixedThreadPool(2);

    @AfterEach
    void stop() throws InterruptedException {
        pool.shutdown();
        pool.awaitTermination(5, TimeUnit.SECONDS);
    }

    private static Sample sample(long seq) {
        return Sample.newBuilder().setSequence(seq).setStep(10 * seq).build();
    }

    @Test
    void everyItemIsReadableAfterItLeftTheRing() throws Exception {
        JobWriter writer = new JobWriter(pool);
        try (StreamLog<Sample> log = new StreamLog<>(RecordLog.open(dir.resolve("s.log")), Sample.parser(), 8, writer, pool)) {
            for (long s = 0; s < 1000; s++) log.publish(sample(s));
            writer.barrier().get(10, TimeUnit.SECONDS);
            assertEquals(1000, log.count());
            assertEquals(1000, log.persisted());
            for (long s = 0; s < 1000; s++) assertEquals(10 * s, log.get(s).getStep());
            // a fresh stream over the same file (a restart) sees every item
            StreamCursor<Sample> c = new StreamCursor<>(new StreamLog<>(RecordLog.open(dir.resolve("s.log")), Sample.parser(), 8, null, pool),
                StreamCursor.Mode.ALL, 990, 1);
            for (long s = 990; s < 1000; s++) assertEquals(s, c.poll().item().getSequence());
            assertNull(c.poll());
            assertTrue(c.caughtUp());
        }
    }

    @Test
    void latestModeSkipsAndCounts() throws Exception {
        JobWriter writer = new JobWriter(pool);
        try (StreamLog<Sample> log = new StreamLog<>(RecordLog.open(dir.resolve("s.log")), Sample.parser(), 64, writer, pool)) {
            StreamCursor<Sample> latest = new StreamCursor<>(log, StreamCursor.Mode.LATEST, 0, 1);
            assertNull(latest.poll(), "nothing yet");
            long delivered = 0, skipped = 0;
            for (long s = 0; s < 500; s++) {
                log.publish(sample(s));
                if (s % 37 == 0) {
                    StreamCursor.Delivery<Sample> d = latest.poll();
                    assertEquals(s, d.sequence(), "LATEST delivers the newest item");
                    delivered++;
                    skipped += d.dropped();
                }
            }
            StreamCursor.Delivery<Sample> d = latest.poll();
            delivered++;
            skipped += d.dropped();
            assertEquals(499, d.sequence());
            assertEquals(500, delivered + skipped, "every item is either delivered or counted as dropped");
        }
    }

    @Test
    void strideAndListeners() throws Exception {
        JobWriter writer = new JobWriter(pool);
        try (StreamLog<Sample> log = new StreamLog<>(RecordLog.open(dir.resolve("s.log")), Sample.parser(), 16, writer, pool)) {
            AtomicInteger wakeups = new AtomicInteger();
            log.addListener(wakeups::incrementAndGet);
            for (long s = 0; s < 50; s++) log.publish(sample(s));
            StreamCursor<Sample> c = new StreamCursor<>(log, StreamCursor.Mode.ALL, 3, 5);
            long expect = 5;
            StreamCursor.Delivery<Sample> d;
            while ((d = c.poll()) != null) {
                assertEquals(expect, d.sequence(), "stride 5 from 3 starts at 5");
                expect += 5;
            }
            assertEquals(50, expect);
            writer.barrier().get(10, TimeUnit.SECONDS);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (wakeups.get() == 0 && System.nanoTime() < deadline) Thread.sleep(5);
            assertTrue(wakeups.get() >= 1 && wakeups.get() <= 50, "listeners are woken, coalesced: " + wakeups.get());
        }
    }
}
