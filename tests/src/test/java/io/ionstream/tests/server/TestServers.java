package io.ionstream.tests.server;

import io.ionstream.client.IonstreamClient;
import io.ionstream.proto.v1.Ensemble;
import io.ionstream.proto.v1.JobSpec;
import io.ionstream.proto.v1.MdJob;
import io.ionstream.proto.v1.MdStage;
import io.ionstream.proto.v1.ObservableRequest;
import io.ionstream.proto.v1.PotentialSource;
import io.ionstream.proto.v1.PresetStructure;
import io.ionstream.proto.v1.Protocol;
import io.ionstream.proto.v1.Stage;
import io.ionstream.proto.v1.StageList;
import io.ionstream.proto.v1.StructureSource;
import io.ionstream.proto.v1.InitialVelocities;
import io.ionstream.proto.v1.Thermostat;
import io.ionstream.server.config.ServerConfig;
import io.ionstream.server.grpc.IonstreamServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** In-process servers on loopback with a fresh data directory, and small jobs for them. */
final class TestServers {
    private TestServers() {}

    /** A server on a free loopback port; {@code overrides} are extra {@code key=value} settings. */
    static IonstreamServer start(Path dataDir, String... overrides) throws IOException {
        List<String> o = new ArrayList<>(List.of("data-dir=\"" + dataDir + "\"", "grpc.host=127.0.0.1", "grpc.port=0"));
        o.addAll(List.of(overrides));
        return IonstreamServer.start(ServerConfig.load(o, null));
    }

    static IonstreamClient client(IonstreamServer s) {
        try {
            return IonstreamClient.connect(s.target()).build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** fcc argon, n³ cells (4 n³ atoms), with the bundled Lennard-Jones potential. */
    static MdJob.Builder argon(int cells) {
        return MdJob.newBuilder()
            .setStructure(StructureSource.newBuilder().setPreset(PresetStructure.newBuilder().setName("lj-argon-fcc")
                .addSupercell(cells).addSupercell(cells).addSupercell(cells)))
            .setPotential(PotentialSource.newBuilder().setBundled("lj-argon"))
            .setNeighborSkin(1.0)
            .setSeed(7);
    }

    /** Velocities at 240 K, NVT at 120 K for {@code nvt} steps, then NVE for {@code nve} steps (dt 5 fs). */
    static Protocol nvtThenNve(long nvt, long nve) {
        return Protocol.newBuilder().setTimestepPs(0.005).setStages(StageList.newBuilder()
            .addStages(Stage.newBuilder().setVelocities(InitialVelocities.newBuilder().setTemperatureK(240)))
            .addStages(Stage.newBuilder().setName("nvt").setMd(MdStage.newBuilder().setEnsemble(Ensemble.NVT).setSteps(nvt)
                .setThermostat(Thermostat.newBuilder().setTemperatureK(120).setDampingPs(0.5))))
            .addStages(Stage.newBuilder().setName("nve").setMd(MdStage.newBuilder().setEnsemble(Ensemble.NVE).setSteps(nve))))
            .build();
    }

    /** A small argon job: 108 atoms, {@code steps} steps in all, thermo every {@code every} steps. */
    static JobSpec argonJob(String name, long steps, int every, long checkpointEvery) {
        return JobSpec.newBuilder().setName(name).setMd(argon(3).setProtocol(nvtThenNve(steps / 2, steps - steps / 2))
            .addObservables(ObservableRequest.newBuilder().setName("thermo").setEvery(every))
            .setCheckpointEvery(checkpointEvery)).build();
    }

}
