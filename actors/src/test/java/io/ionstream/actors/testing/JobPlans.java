package io.ionstream.actors.testing;

import io.ionstream.actors.catalog.PotentialCatalog;
import io.ionstream.actors.catalog.PotentialFormat;
import io.ionstream.actors.catalog.StructureCatalog;
import io.ionstream.actors.jobs.plan.JobPlanner;
import io.ionstream.actors.jobs.plan.PreparedJob;
import io.ionstream.actors.jobs.store.DataDirectory;
import io.ionstream.actors.service.ServiceSettings;
import io.ionstream.proto.v1.Ensemble;
import io.ionstream.proto.v1.InitialVelocities;
import io.ionstream.proto.v1.JobSpec;
import io.ionstream.proto.v1.MdJob;
import io.ionstream.proto.v1.MdStage;
import io.ionstream.proto.v1.PotentialSource;
import io.ionstream.proto.v1.PresetStructure;
import io.ionstream.proto.v1.Stage;
import io.ionstream.proto.v1.StructureSource;
import io.ionstream.proto.v1.Thermostat;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

/** Job specs planned as the server plans them (data directory, catalogues, planner), for runner tests. */
public final class JobPlans implements AutoCloseable {
    private final DataDirectory data;
    private final JobPlanner planner;

    public JobPlans(Path dir) throws IOException {
        data = DataDirectory.open(dir);
        ServiceSettings settings = new ServiceSettings(dir, 100_000, 8, 1, 1 << 24, 1000, 10, 256, 4, 0.5, 1, Duration.ofSeconds(10));
        planner = new JobPlanner(settings, new StructureCatalog(data, 100_000, 1 << 24, 0.5),
            new PotentialCatalog(data, 1 << 24, PotentialFormat.standard()));
    }

    public PreparedJob prepare(JobSpec spec) {
        return planner.prepare(spec);
    }

    /** fcc argon, n³ cells, with the bundled Lennard-Jones potential (skin 1 Å, seed 7). */
    public static MdJob.Builder argon(int cells) {
        return MdJob.newBuilder()
            .setStructure(StructureSource.newBuilder().setPreset(PresetStructure.newBuilder().setName("lj-argon-fcc")
                .addSupercell(cells).addSupercell(cells).addSupercell(cells)))
            .setPotential(PotentialSource.newBuilder().setBundled("lj-argon"))
            .setNeighborSkin(1.0)
            .setSeed(7);
    }

    public static Stage velocities(double t) {
        return Stage.newBuilder().setVelocities(InitialVelocities.newBuilder().setTemperatureK(t)).build();
    }

    public static Stage nve(String name, long steps) {
        return Stage.newBuilder().setName(name).setMd(MdStage.newBuilder().setEnsemble(Ensemble.NVE).setSteps(steps)).build();
    }

    public static Stage nvt(String name, long steps, double t, double damping) {
        return Stage.newBuilder().setName(name).setMd(MdStage.newBuilder().setEnsemble(Ensemble.NVT).setSteps(steps)
            .setThermostat(Thermostat.newBuilder().setTemperatureK(t).setDampingPs(damping))).build();
    }

    @Override
    public void close() throws IOException {
        data.close();
    }
}
