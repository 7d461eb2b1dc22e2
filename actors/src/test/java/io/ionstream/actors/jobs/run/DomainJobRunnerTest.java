package io.ionstream.actors.jobs.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ionstream.actors.cluster.ClusterPlacement;
import io.ionstream.actors.jobs.plan.PreparedJob;
import io.ionstream.actors.testing.JobPlans;
import io.ionstream.proto.v1.Barostat;
import io.ionstream.proto.v1.Ensemble;
import io.ionstream.proto.v1.Frame;
import io.ionstream.proto.v1.JobSpec;
import io.ionstream.proto.v1.MdStage;
import io.ionstream.proto.v1.MinimizeStage;
import io.ionstream.proto.v1.ObservableRequest;
import io.ionstream.proto.v1.Protocol;
import io.ionstream.proto.v1.Sample;
import io.ionstream.proto.v1.Stage;
import io.ionstream.proto.v1.StageList;
import io.ionstream.proto.v1.Thermostat;
import com.typesafe.config.ConfigFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Jobs on the actor layer ({@link DomainJobRunner}, 3 subdomains in this process), planned from
 * job specs as the server plans them: the decomposed run gives the serial runner's samples (same
 * sequence numbers, steps, stages and observables; values to round-off), and a run resumed from
 * any of its checkpoints (written to bytes and read back) continues it bit for bit, with the same
 * samples and frames. Covered: checkpoints inside a rescaled NVT stage, inside an NPT ramp
 * (thermostat and barostat state, MSD origins carried by the atoms) and at a stage boundary; a
 * minimisation stage; cancellation.
 */
class DomainJobRunnerTest {
    @TempDir static Path dir;
    private static JobPlans plans;
    private static DomainJobRunner runner;

    @BeforeAll
    static void start() throws Exception {
        plans = new JobPlans(dir);
        runner = new DomainJobRunner(ClusterPlacement.fromConfig(ConfigFactory.load()), false, Duration.ofMillis(100));
    }

    @AfterAll
    static void stop() throws Exception {
        runner.close();
        plans.close();
    }

    private static Stage npt(String name, long steps) {
        return Stage.newBuilder().setName(name).setMd(MdStage.newBuilder().setEnsemble(Ensemble.NPT).setSteps(steps)
            .setThermostat(Thermostat.newBuilder().setTemperatureK(120).setStopTemperatureK(150).setDampingPs(0.5))
            .setBarostat(Barostat.newBuilder().setPressureBar(200).setDampingPs(2.0))).build();
    }

    private static JobSpec spec(int subdomains, long checkpointEvery) {
        Stage nvt = JobPlans.nvt("nvt", 60, 120, 0.5);
        nvt = nvt.toBuilder().setMd(nvt.getMd().toBuilder().setRescaleEvery(20)).build();
        Protocol p = Protocol.newBuilder().setTimestepPs(0.005).setStages(StageList.newBuilder()
            .addStages(JobPlans.velocities(240)).addStages(nvt).addStages(npt("npt", 90)).addStages(JobPlans.nve("nve", 50))).build();
        return JobSpec.newBuilder().setName("decomposed").setMd(JobPlans.argon(4).setProtocol(p)
            .addObservables(ObservableRequest.newBuilder().setName("thermo").setEvery(5))
            .addObservables(ObservableRequest.newBuilder().setName("msd").setEvery(5).setStage("npt"))
            .addObservables(ObservableRequest.newBuilder().setName("rdf").setEvery(25))
            .addObservables(ObservableRequest.newBuilder().setName("cell").setEvery(10))
            .setCheckpointEvery(checkpointEvery).setFrameEvery(20)
            .setDecomposition(io.ionstream.proto.v1.Decomposition.newBuilder().setSubdomains(subdomains))).build();
    }


    @Test
    void decomposedJobsGiveTheSerialSamplesAndResumeBitForBit() throws Exception {
        PreparedJob job = plans.prepare(spec(3, 25));
        JobPlan plan = job.plan();
        assertNotNull(plan.models(), "the planner describes the job for the actor layer");
        assertTrue(runner.description(plan).startsWith("actors: 3 subdomains"), runner.description(plan));
        Snapshot initial = Snapshot.initial(job.initial());

        RunRecorder full = new RunRecorder();
        RunOutcome a = runner.run(plan, initial, full, () -> false);
        assertInstanceOf(RunOutcome.Completed.class, a);
        assertEquals(200, a.last().step());
        assertEquals(41, full.samples.size(), "step 0 and every 5th of 200 steps");
        assertEquals(11, full.frames.size(), "step 0 and every 20th");
        for (int k = 0; k < full.frames.size(); k++) assertEquals(k, full.frames.get(k).getIndex());
        assertEquals(200, full.progress.size(), "progress after every step");

        // the same job on the serial engine: the same samples, to round-off
        RunRecorder serial = new RunRecorder();
        RunOutcome s = new SerialJobRunner().run(plan, initial, serial, () -> false);
        assertEquals(serial.samples.size(), full.samples.size());
        for (int k = 0; k < full.samples.size(); k++) {
            Sample d = full.samples.get(k), e = serial.samples.get(k);
            assertEquals(e.getSequence(), d.getSequence());
            assertEquals(e.getStep(), d.getStep());
            assertEquals(e.getTimePs(), d.getTimePs());
            assertEquals(e.getStage(), d.getStage());
            assertEquals(e.getObservablesCount(), d.getObservablesCount(), "sample " + k);
            for (int o = 0; o < d.getObservablesCount(); o++) {
                assertEquals(e.getObservables(o).getName(), d.getObservables(o).getName());
                for (int i = 0; i < d.getObservables(o).getValuesCount(); i++) {
                    double want = e.getObservables(o).getValues(i), got = d.getObservables(o).getValues(i);
                    assertEquals(want, got, 1e-7 * Math.abs(want) + 1e-9, d.getObservables(o).getName() + "[" + i + "] at step " + d.getStep());
                }
            }
        }
        assertEquals(serial.frames.size(), full.frames.size());
        Frame lastD = full.frames.get(full.frames.size() - 1), lastS = serial.frames.get(serial.frames.size() - 1);
        for (int i = 0; i < lastD.getPositionsCount(); i++) assertEquals(lastS.getPositions(i), lastD.getPositions(i), 1e-7);
        assertEquals(lastS.getImagesList(), lastD.getImagesList(), "frames in canonical order, wrapped alike");
        assertEquals(s.last().stages().size(), a.last().stages().size());

        Snapshot insideNpt = full.checkpoints.stream().filter(c -> c.stageIndex() == 2 && c.stageStep() > 0).findFirst().orElseThrow();
        Snapshot insideNvt = full.checkpoints.stream().filter(c -> c.stageIndex() == 1 && c.stageStep() > 0).findFirst().orElseThrow();
        Snapshot boundary = full.checkpoints.stream().filter(c -> c.stageIndex() == 3 && c.atStageStart()).findFirst().orElseThrow();
        assertTrue(insideNpt.observablesInitialised(), "the MSD origins travel in the checkpoint");
        for (Snapshot cp : List.of(insideNpt, insideNvt, boundary)) {
            RunRecorder.assertResumesBitForBit(runner, plan, full, a, cp);
        }
    }

    @Test
    void minimisationStagesRunDecomposed() {
        Protocol p = Protocol.newBuilder().setTimestepPs(0.005).setStages(StageList.newBuilder()
            .addStages(JobPlans.velocities(60)).addStages(JobPlans.nve("warm", 20))
            .addStages(Stage.newBuilder().setName("relax")
                .setMinimize(MinimizeStage.newBuilder().setForceTolerance(1e-4).setMaxIterations(200)))
            .addStages(JobPlans.nve("after", 10))).build();
        JobSpec spec = JobSpec.newBuilder().setName("min").setMd(JobPlans.argon(3).setProtocol(p)
            .addObservables(ObservableRequest.newBuilder().setName("thermo").setEvery(1))
            .setDecomposition(io.ionstream.proto.v1.Decomposition.newBuilder().setSubdomains(2))).build();
        PreparedJob job = plans.prepare(spec);
        RunRecorder r = new RunRecorder();
        RunOutcome o = runner.run(job.plan(), Snapshot.initial(job.initial()), r, () -> false);
        assertInstanceOf(RunOutcome.Completed.class, o);
        var relax = o.last().stages().get(2);
        assertEquals("relax", relax.getName());
        assertFalse(relax.getStopReason().isEmpty(), "the minimiser says why it stopped");
        double warm = o.last().stages().get(1).getPotentialEnergyEv();
        assertTrue(relax.getPotentialEnergyEv() < warm, "minimised: " + relax.getPotentialEnergyEv() + " < " + warm);
        assertEquals(20 + relax.getSteps() + 10, o.last().step());
        assertEquals(r.samples.size(), o.last().samples());
        for (int k = 1; k < r.samples.size(); k++) assertEquals(r.samples.get(k - 1).getStep() + 1, r.samples.get(k).getStep());
    }

    @Test
    void cancellationStopsAtTheNextStep() {
        AtomicBoolean cancel = new AtomicBoolean();
        RunRecorder r = new RunRecorder() {
            @Override public void progress(long step) {
                super.progress(step);
                if (step == 70) cancel.set(true);
            }
        };
        PreparedJob job = plans.prepare(spec(2, 1000));
        RunOutcome o = runner.run(job.plan(), Snapshot.initial(job.initial()), r, cancel::get);
        assertInstanceOf(RunOutcome.Cancelled.class, o);
        assertEquals(70, o.last().step());
        assertEquals(2, o.last().stageIndex());
        assertEquals(10, o.last().stageStep());
        assertNotNull(o.last().globals(), "a cancelled job keeps its integrator state");
        assertFalse(r.samples.stream().anyMatch(s -> s.getStep() > 70));
        assertEquals(70, r.samples.get(r.samples.size() - 1).getStep(), "the sample of the last step is delivered");
        assertTrue(r.checkpoints.stream().allMatch(Snapshot::atStageStart), "only stage boundaries before step 70 with checkpoints every 1000");
    }
}
