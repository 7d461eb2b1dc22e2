package io.ionstream.actors.jobs.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ionstream.engine.analysis.live.MsdObservable;
import io.ionstream.engine.analysis.live.ThermoObservable;
import io.ionstream.engine.md.Barostat;
import io.ionstream.engine.md.NoseHoover;
import io.ionstream.engine.md.RescaleEvery;
import io.ionstream.engine.md.Thermostat;
import io.ionstream.engine.md.VelocityVerlet;
import io.ionstream.engine.neighbor.NeighborSettings;
import io.ionstream.engine.potential.ForceField;
import io.ionstream.engine.protocol.LjArgon;
import io.ionstream.engine.protocol.MdStage;
import io.ionstream.engine.protocol.VelocityStage;
import io.ionstream.engine.potential.SystemSummary;
import io.ionstream.proto.v1.Sample;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * A job resumed from a checkpoint (written to bytes and read back, as after a crash) continues
 * the uninterrupted trajectory bit for bit: same positions and velocities at the end, same
 * samples under the same sequence numbers. Covered: a checkpoint inside an NPT stage with a
 * temperature ramp (thermostat and barostat state in the integrator globals, MSD origins in the
 * atoms' observable state), one inside a rescaled NVT stage (before the MSD starts), and one at
 * a stage boundary.
 */
class CheckpointRestartTest {
    private static final double DT = 0.005;

    private static JobPlan plan(long checkpointEvery) {
        ForceFieldFactory ff = new ForceFieldFactory() {
            @Override public ForceField create(SystemSummary s) { return LjArgon.forceField(LjArgon.CUTOFF); }
            @Override public String description() { return "lj argon"; }
        };
        var stages = List.of(
            new VelocityStage(240, 11),
            new MdStage("nvt", new RescaleEvery(NoseHoover.nvt(DT, Thermostat.at(120, 0.5)), 20, 120), 60),
            new MdStage("npt", NoseHoover.npt(DT, Thermostat.of(120, 150, 0.5), Barostat.iso(200, 200, 2.0), 90), 90),
            new MdStage("nve", new VelocityVerlet(DT), 50));
        // MSD has per-atom state (its origins, set at its first sample in the NPT stage) that must survive checkpoints
        ObservablePlan obs = new ObservablePlan(List.of(new ObservablePlan.Entry("thermo", ThermoObservable::new, 5, null),
            new ObservablePlan.Entry("msd", () -> new MsdObservable(new String[] {"Ar"}, null, MsdObservable.Drift.ALL_ATOMS), 5, "npt")));
        return new JobPlan("test", SystemSummary.of(initial().atoms().toSystem()), ff, NeighborSettings.withSkin(1.0), stages, obs,
            checkpointEvery, 0, 1, 1);
    }

    private static Snapshot initial() {
        return Snapshot.initial(AtomState.capture(LjArgon.fcc(3, LjArgon.LIQUID_LATTICE)));
    }


    @Test
    void resumedRunsContinueBitForBit() throws Exception {
        JobPlan plan = plan(25);
        RunRecorder full = new RunRecorder();
        RunOutcome a = new SerialJobRunner().run(plan, initial(), full, () -> false);
        assertInstanceOf(RunOutcome.Completed.class, a);
        assertEquals(200, a.last().step());
        assertEquals(41, full.samples.size(), "step 0 and every 5th of 200 steps");
        long withMsd = full.samples.stream().filter(x -> x.getObservablesCount() == 2).count();
        assertEquals(18, withMsd, "MSD in the NPT stage only (steps 65..150)");
        Sample firstMsd = full.samples.stream().filter(x -> x.getObservablesCount() == 2).findFirst().orElseThrow();
        assertEquals(0.0, firstMsd.getObservables(1).getValues(3), "MSD is zero at its origin");

        Snapshot insideNpt = full.checkpoints.stream().filter(s -> s.stageIndex() == 2 && s.stageStep() > 0).findFirst().orElseThrow();
        Snapshot insideNvt = full.checkpoints.stream().filter(s -> s.stageIndex() == 1 && s.stageStep() > 0).findFirst().orElseThrow();
        Snapshot boundary = full.checkpoints.stream().filter(s -> s.stageIndex() == 3 && s.atStageStart()).findFirst().orElseThrow();
        assertNotNull(insideNpt.globals(), "a checkpoint inside a stage carries the integrator's state");
        for (Snapshot cp : List.of(insideNpt, insideNvt, boundary)) {
            RunRecorder.assertResumesBitForBit(new SerialJobRunner(), plan, full, a, cp);
        }
    }

    @Test
    void cancellationStopsAtTheNextStep() {
        AtomicBoolean cancel = new AtomicBoolean();
        RunRecorder r = new RunRecorder() {
            @Override public void sample(Sample s) {
                super.sample(s);
                if (s.getStep() == 70) cancel.set(true);
            }
        };
        RunOutcome o = new SerialJobRunner().run(plan(1000), initial(), r, cancel::get);
        assertInstanceOf(RunOutcome.Cancelled.class, o);
        assertEquals(70, o.last().step());
        assertFalse(r.samples.stream().anyMatch(s -> s.getStep() > 70));
        assertTrue(r.checkpoints.stream().allMatch(s -> s.atStageStart()), "only stage boundaries before step 70 with checkpoints every 1000");
    }
}
