package io.ionstream.tests.http;

import io.ionstream.proto.v1.Ensemble;
import io.ionstream.proto.v1.InitialVelocities;
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
import io.ionstream.proto.v1.Thermostat;
import io.ionstream.server.config.ServerConfig;
import io.ionstream.server.grpc.IonstreamServer;
import io.ionstream.server.http.HttpServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** In-process servers with HTTP on free loopback ports, small argon jobs, and an HTTP client for them. */
final class HttpFixtures {
    static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private HttpFixtures() {}

    /** A server (gRPC and HTTP on free ports) with a fresh data directory; {@code overrides} are extra key=value settings. */
    static IonstreamServer start(Path dataDir, String... overrides) throws IOException {
        List<String> o = new ArrayList<>(List.of("data-dir=\"" + dataDir + "\"", "grpc.host=127.0.0.1", "grpc.port=0", "http.port=0"));
        o.addAll(List.of(overrides));
        return IonstreamServer.start(ServerConfig.load(o, null));
    }

    static HttpServer http(IonstreamServer s) {
        return s.http().orElseThrow(() -> new AssertionError("the server started without HTTP"));
    }

    static URI uri(IonstreamServer s, String pathAndQuery) {
        return URI.create(http(s).url() + pathAndQuery.replaceFirst("^/", ""));
    }

    static HttpResponse<String> get(IonstreamServer s, String path, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(s, path)).timeout(Duration.ofSeconds(30)).GET();
        if (headers.length > 0) b.headers(headers);
        return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** fcc argon, {@code cells}³ cells (4 cells³ atoms), bundled Lennard-Jones; 240 K velocities, NVT at 120 K then NVE. */
    static JobSpec argonJob(String name, int cells, long nvt, long nve, int every) {
        Protocol p = Protocol.newBuilder().setTimestepPs(0.005).setStages(StageList.newBuilder()
            .addStages(Stage.newBuilder().setVelocities(InitialVelocities.newBuilder().setTemperatureK(240)))
            .addStages(Stage.newBuilder().setName("nvt").setMd(MdStage.newBuilder().setEnsemble(Ensemble.NVT).setSteps(nvt)
                .setThermostat(Thermostat.newBuilder().setTemperatureK(120).setDampingPs(0.5))))
            .addStages(Stage.newBuilder().setName("nve").setMd(MdStage.newBuilder().setEnsemble(Ensemble.NVE).setSteps(nve))))
            .build();
        MdJob md = MdJob.newBuilder()
            .setStructure(StructureSource.newBuilder().setPreset(PresetStructure.newBuilder().setName("lj-argon-fcc")
                .addSupercell(cells).addSupercell(cells).addSupercell(cells)))
            .setPotential(PotentialSource.newBuilder().setBundled("lj-argon"))
            .setNeighborSkin(1.0).setSeed(7).setProtocol(p)
            .addObservables(ObservableRequest.newBuilder().setName("thermo").setEvery(every))
            .build();
        return JobSpec.newBuilder().setName(name).setMd(md).build();
    }
}
