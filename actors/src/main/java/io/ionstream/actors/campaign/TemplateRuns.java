package io.ionstream.actors.campaign;

import io.ionstream.actors.service.ServiceException;
import io.ionstream.proto.v1.EquilibrateThenSample;
import io.ionstream.proto.v1.JobSpec;
import io.ionstream.proto.v1.MdJob;
import io.ionstream.proto.v1.ObservableRequest;
import io.ionstream.proto.v1.Protocol;
import io.ionstream.proto.v1.Stage;
import io.ionstream.proto.v1.StageList;
import io.ionstream.proto.v1.StructureSource;
import java.util.Locale;

/**
 * Makes each run's MD job from the campaign's template: the run's structure, its temperature
 * (equilibrate_then_sample: temperature_k = T, an initial temperature scaled by T / the
 * template's; stage lists: every velocity and thermostat temperature scaled by T / the reference
 * temperature), and what the analysis needs (frames and an msd observable of the sampling stage).
 */
final class TemplateRuns {
    private TemplateRuns() {}

    /** The temperature a template's temperatures are written for. */
    static double referenceTemperature(MdJob template, double given) {
        if (given > 0) return given;
        Protocol p = template.getProtocol();
        if (p.hasEquilibrateThenSample()) return p.getEquilibrateThenSample().getTemperatureK();
        double velocities = 0;
        for (Stage s : p.getStages().getStagesList()) {
            if (s.hasMd() && s.getMd().hasThermostat() && s.getMd().getThermostat().getTemperatureK() > 0) {
                return s.getMd().getThermostat().getTemperatureK();
            }
            if (s.hasVelocities() && velocities == 0) velocities = s.getVelocities().getTemperatureK();
        }
        if (velocities > 0) return velocities;
        throw ServiceException.invalid("campaign.reference_temperature_k: the template's stages have no thermostat or velocity "
            + "temperature to scale; give reference_temperature_k");
    }

    /** Checks that the template can be made into runs (no structure, a protocol with one run temperature). */
    static void check(MdJob template) {
        if (template.hasStructure()) {
            throw ServiceException.invalid("campaign.template.structure must be empty: each run's structure comes from the campaign's structures");
        }
        if (!template.hasProtocol()) throw ServiceException.invalid("campaign.template.protocol is missing");
        switch (template.getProtocol().getKindCase()) {
            case EQUILIBRATE_THEN_SAMPLE, STAGES -> { }
            default -> throw ServiceException.invalid("campaign.template.protocol must be equilibrate_then_sample or stages (got "
                + template.getProtocol().getKindCase().name().toLowerCase(Locale.ROOT) + ", which has no single run temperature)");
        }
    }

    /** The run's job: the template with the structure and the temperature of the run. */
    static JobSpec child(String name, MdJob template, String structureId, double t, double reference) {
        MdJob.Builder md = template.toBuilder().setStructure(StructureSource.newBuilder().setStructureId(structureId));
        md.setProtocol(scaled(template.getProtocol(), t, reference));
        return JobSpec.newBuilder().setName(name).setMd(md).build();
    }

    /** A run's job with frames every {@code frameEvery} steps and an msd of the species in the sampling stage (unless it has one). */
    static JobSpec withSampling(JobSpec spec, String stage, String[] species, long frameEvery) {
        MdJob.Builder md = spec.getMd().toBuilder().setFrameEvery(frameEvery);
        boolean hasMsd = md.getObservablesList().stream().anyMatch(o -> o.getName().strip().equals("msd"));
        if (!hasMsd) {
            ObservableRequest.Builder msd = ObservableRequest.newBuilder().setName("msd").setStage(stage)
                .setEvery((int) Math.min(Integer.MAX_VALUE, frameEvery));
            for (String s : species) msd.addSpecies(s);
            md.addObservables(msd);
        }
        return spec.toBuilder().setMd(md).build();
    }

    private static Protocol scaled(Protocol p, double t, double reference) {
        double f = t / reference;
        if (p.hasEquilibrateThenSample()) {
            EquilibrateThenSample e = p.getEquilibrateThenSample();
            EquilibrateThenSample.Builder b = e.toBuilder().setTemperatureK(t);
            if (e.hasInitialTemperatureK()) b.setInitialTemperatureK(e.getInitialTemperatureK() * (e.getTemperatureK() > 0 ? t / e.getTemperatureK() : 1));
            return p.toBuilder().setEquilibrateThenSample(b).build();
        }
        StageList.Builder stages = StageList.newBuilder();
        for (Stage s : p.getStages().getStagesList()) {
            Stage.Builder b = s.toBuilder();
            if (s.hasVelocities()) b.getVelocitiesBuilder().setTemperatureK(s.getVelocities().getTemperatureK() * f);
            if (s.hasMd() && s.getMd().hasThermostat()) {
                var th = b.getMdBuilder().getThermostatBuilder();
                th.setTemperatureK(th.getTemperatureK() * f);
                if (th.hasStopTemperatureK()) th.setStopTemperatureK(th.getStopTemperatureK() * f);
            }
            stages.addStages(b);
        }
        return p.toBuilder().setStages(stages).build();
    }
}
