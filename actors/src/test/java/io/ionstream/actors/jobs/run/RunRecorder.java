package io.ionstream.actors.jobs.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.ionstream.actors.jobs.store.CheckpointCodec;
import io.ionstream.proto.v1.Frame;
import io.ionstream.proto.v1.Sample;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** What one run of a {@link JobRunner} reported, and the check that a resumed run continues it bit for bit. */
class RunRecorder implements RunListener {
    final List<Sample> samples = new ArrayList<>();
    final List<Frame> frames = new ArrayList<>();
    final List<Snapshot> checkpoints = new ArrayList<>();
    final List<Long> progress = new ArrayList<>();

    @Override public void sample(Sample s) { samples.add(s); }
    @Override public void frame(Frame f) { frames.add(f); }
    @Override public void checkpoint(Snapshot s) { checkpoints.add(s); }
    @Override public void progress(long step) { progress.add(step); }

    /**
     * Resumes {@code plan} from checkpoint {@code cp} (through the checkpoint codec) and checks
     * that it ends where the uninterrupted run {@code whole} (reported to {@code full}) ended:
     * same atoms, cell and images, the same samples and frames after the checkpoint, the same
     * stage results.
     */
    static void assertResumesBitForBit(JobRunner runner, JobPlan plan, RunRecorder full, RunOutcome whole, Snapshot cp)
        throws IOException {
        Snapshot restored = CheckpointCodec.decode(CheckpointCodec.encode(cp), "test");
        RunRecorder rest = new RunRecorder();
        RunOutcome b = runner.run(plan, restored, rest, () -> false);
        assertInstanceOf(RunOutcome.Completed.class, b);
        AtomState x = whole.last().atoms(), y = b.last().atoms();
        assertArrayEquals(x.x(), y.x(), "positions after resuming at step " + cp.step());
        assertArrayEquals(x.v(), y.v(), "velocities after resuming at step " + cp.step());
        assertArrayEquals(x.box(), y.box(), "cell after resuming at step " + cp.step());
        assertArrayEquals(x.image(), y.image());
        List<Sample> tail = full.samples.subList((int) cp.samples(), full.samples.size());
        assertEquals(tail.size(), rest.samples.size());
        for (int k = 0; k < tail.size(); k++) {
            Sample s = tail.get(k), r = rest.samples.get(k);
            assertEquals(s.getSequence(), r.getSequence());
            assertEquals(s.getStep(), r.getStep());
            assertEquals(s.getObservablesList(), r.getObservablesList(), "sample " + s.getSequence() + " bit for bit");
        }
        assertEquals(full.frames.subList((int) cp.frames(), full.frames.size()), rest.frames, "frames after step " + cp.step());
        assertEquals(whole.last().stages(), b.last().stages(), "stage results");
    }
}
