package io.ionstream.actors.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ionstream.actors.service.ServiceException;
import io.ionstream.proto.v1.Ensemble;
import io.ionstream.proto.v1.EquilibrateThenSample;
import io.ionstream.proto.v1.InitialVelocities;
import io.ionstream.proto.v1.JobSpec;
import io.ionstream.proto.v1.MdJob;
import io.ionstream.proto.v1.MdStage;
import io.ionstream.proto.v1.ObservableRequest;
import io.ionstream.proto.v1.Protocol;
import io.ionstream.proto.v1.Stage;
import io.ionstream.proto.v1.StageList;
import io.ionstream.proto.v1.Thermostat;
import org.junit.jupiter.api.Test;

/** Each run's job is the template at the run's temperature, with the frames and MSD the analysis needs. */
class TemplateRunsTest {
    private static MdJob stages() {
        return MdJob.newBuilder().setProtocol(Protocol.newBuilder().setTimestepPs(0.002).setStages(StageList.newBuilder()
            .addStages(Stage.newBuilder().setVelocities(InitialVelocities.newBuilder().setTemperatureK(800)))
            .addStages(Stage.newBuilder().setName("heat").setMd(MdStage.newBuilder().setEnsemble(Ensemble.NVT).setSteps(10)
                .setThermostat(Thermostat.newBuilder().setTemperatureK(400).setStopTemperatureK(500))))
            .addStages(Stage.newBuilder().setName("sample").setMd(MdStage.newBuilder().setEnsemble(Ensemble.NVE).setSteps(10))))).build();
    }

    @Test
    void stageListsScaleEveryTemperature() {
        MdJob t = stages();
        assertEquals(400, TemplateRuns.referenceTemperature(t, 0), "the first thermostat temperature");
        assertEquals(250, TemplateRuns.referenceTemperature(t, 250), "unless one is given");
        JobSpec run = TemplateRuns.child("x @ 600 K", t, "str-0123456789ab", 600, 400);
        var s = run.getMd().getProtocol().getStages().getStagesList();
        assertEquals(1200, s.get(0).getVelocities().getTemperatureK(), 1e-12);
        assertEquals(600, s.get(1).getMd().getThermostat().getTemperatureK(), 1e-12);
        assertEquals(750, s.get(1).getMd().getThermostat().getStopTemperatureK(), 1e-12);
        assertEquals("str-0123456789ab", run.getMd().getStructure().getStructureId());
        assertEquals("x @ 600 K", run.getName());
        assertEquals(t.getProtocol().getTimestepPs(), run.getMd().getProtocol().getTimestepPs());
    }

    @Test
    void equilibrateThenSampleTakesTheRunTemperature() {
        MdJob t = MdJob.newBuilder().setProtocol(Protocol.newBuilder().setTimestepPs(0.002).setEquilibrateThenSample(
            EquilibrateThenSample.newBuilder().setTemperatureK(300).setInitialTemperatureK(600).setEquilibratePs(1).setSamplePs(2))).build();
        var e = TemplateRuns.child("r", t, "str-0123456789ab", 450, 300).getMd().getProtocol().getEquilibrateThenSample();
        assertEquals(450, e.getTemperatureK());
        assertEquals(900, e.getInitialTemperatureK(), 1e-12, "the hot start keeps its ratio");
        assertEquals(2, e.getSamplePs());
    }

    @Test
    void samplingAddsFramesAndAnMsdUnlessThereIsOne() {
        JobSpec run = TemplateRuns.child("r", stages(), "str-0123456789ab", 400, 400);
        JobSpec s = TemplateRuns.withSampling(run, "sample", new String[] {"Li"}, 5);
        assertEquals(5, s.getMd().getFrameEvery());
        ObservableRequest msd = s.getMd().getObservables(0);
        assertEquals("msd", msd.getName());
        assertEquals("sample", msd.getStage());
        assertEquals(java.util.List.of("Li"), msd.getSpeciesList());
        JobSpec again = TemplateRuns.withSampling(s, "sample", new String[] {"Li"}, 5);
        assertEquals(1, again.getMd().getObservablesCount(), "an msd already requested is kept as it is");
    }

    @Test
    void templatesThatCannotBeRunsAreRefused() {
        MdJob ramp = MdJob.newBuilder().setProtocol(Protocol.newBuilder().setTimestepPs(0.002).setTemperatureRamp(
            io.ionstream.proto.v1.TemperatureRamp.newBuilder().setStartK(1).setStopK(2).setDurationPs(1))).build();
        ServiceException e = assertThrows(ServiceException.class, () -> TemplateRuns.check(ramp));
        assertTrue(e.getMessage().contains("campaign.template.protocol"), e.getMessage());
        MdJob cold = MdJob.newBuilder().setProtocol(Protocol.newBuilder().setTimestepPs(0.002).setStages(StageList.newBuilder()
            .addStages(Stage.newBuilder().setName("nve").setMd(MdStage.newBuilder().setEnsemble(Ensemble.NVE).setSteps(5))))).build();
        e = assertThrows(ServiceException.class, () -> TemplateRuns.referenceTemperature(cold, 0));
        assertTrue(e.getMessage().contains("reference_temperature_k"), e.getMessage());
        assertFalse(e.getMessage().isBlank());
    }
}
