package io.ionstream.actors.jobs.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ionstream.actors.jobs.run.AtomState;
import io.ionstream.actors.jobs.run.Snapshot;
import io.ionstream.actors.testing.TestSystems;
import io.ionstream.engine.system.AtomSystem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A job keeps its last two checkpoints: a latest checkpoint that was truncated, had a byte
 * flipped, or is missing (a crash between the rotation and the write) is detected by its
 * checksum and the previous one is used; with both damaged the job has none (and starts over).
 */
class CheckpointFilesTest {
    @TempDir Path dir;

    private static Snapshot at(long step) {
        AtomSystem sys = TestSystems.argonCrystal(2, 100, step);
        return new Snapshot(AtomState.capture(sys), 1, step, step, 0.005 * step, new double[] {step, -1.5, 1e-300}, true,
            step / 10, step / 20, 1.25, List.of());
    }

    private Path latest() { return dir.resolve("checkpoint.ckpt"); }
    private Path previous() { return dir.resolve("checkpoint.previous.ckpt"); }

    private static void assertSame(Snapshot want, Snapshot got) {
        assertEquals(want.step(), got.step());
        assertArrayEquals(want.globals(), got.globals());
        assertArrayEquals(want.atoms().x(), got.atoms().x());
        assertArrayEquals(want.atoms().v(), got.atoms().v());
    }

    @Test
    void theNewestIntactCheckpointIsUsed() throws IOException {
        JobFiles f = new JobFiles(dir);
        f.create();
        assertTrue(f.readCheckpoint().snapshot().isEmpty(), "no checkpoint yet");
        for (long step : new long[] {100, 200, 300}) f.writeCheckpoint(at(step));
        JobFiles.CheckpointRead r = f.readCheckpoint();
        assertSame(at(300), r.snapshot().orElseThrow());
        assertTrue(r.skipped().isEmpty());
        assertSame(at(200), CheckpointCodec.decode(Files.readAllBytes(previous()), "previous"));

        // truncated newest: the previous one
        byte[] good = Files.readAllBytes(latest());
        Files.write(latest(), Arrays.copyOf(good, good.length - 37));
        r = f.readCheckpoint();
        assertSame(at(200), r.snapshot().orElseThrow());
        assertEquals(1, r.skipped().size());
        assertTrue(r.skipped().get(0).contains("checkpoint.ckpt") && r.skipped().get(0).contains("checksum"), r.skipped().get(0));

        // one flipped bit in the middle of the newest: the previous one
        byte[] flipped = good.clone();
        flipped[flipped.length / 2] ^= 0x10;
        Files.write(latest(), flipped);
        r = f.readCheckpoint();
        assertSame(at(200), r.snapshot().orElseThrow());
        assertEquals(1, r.skipped().size());

        // the newest gone (a crash right after the rotation): the previous one
        Files.delete(latest());
        assertSame(at(200), f.readCheckpoint().snapshot().orElseThrow());
        assertTrue(f.readCheckpoint().skipped().isEmpty());

        // both damaged: none, and both reported
        Files.write(latest(), Arrays.copyOf(good, 10));
        Files.write(previous(), flipped);
        r = f.readCheckpoint();
        assertTrue(r.snapshot().isEmpty());
        assertEquals(2, r.skipped().size(), r.skipped().toString());
    }
}
