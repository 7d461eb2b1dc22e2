package io.ionstream.tests.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ionstream.client.IonstreamClient;
import io.ionstream.proto.v1.CampaignJob;
import io.ionstream.proto.v1.JobSpec;
import io.ionstream.proto.v1.JobState;
import io.ionstream.proto.v1.ObservableRequest;
import io.ionstream.proto.v1.PotentialSource;
import io.ionstream.proto.v1.PresetStructure;
import io.ionstream.proto.v1.Problem;
import io.ionstream.proto.v1.StructureInfo;
import io.ionstream.proto.v1.StructureSource;
import io.ionstream.proto.v1.ValidationReport;
import io.ionstream.server.grpc.IonstreamServer;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthGrpc;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every kind of bad input answers with its status and a message naming the problem, and the
 * server keeps serving: malformed files, unknown species, overlapping atoms, NaN, absurd sizes,
 * unknown ids, broken specs, limits.
 */
class BadInputTest {
    @TempDir static Path dir;
    private static IonstreamServer server;
    private static IonstreamClient client;

    @BeforeAll
    static void start() throws Exception {
        server = TestServers.start(dir.resolve("data"), "limits.max-atoms=5000", "limits.max-upload-size=20000", "limits.max-jobs=2");
        client = TestServers.client(server);
    }

    @AfterAll
    static void stop() {
        client.close();
        server.close();
    }

    private static void expect(Status.Code code, String fragment, Executable call) {
        StatusRuntimeException e = assertThrows(StatusRuntimeException.class, call);
        assertEquals(code, e.getStatus().getCode(), e.getStatus().toString());
        String d = e.getStatus().getDescription();
        assertTrue(d != null && d.contains(fragment), "'" + fragment + "' in: " + d);
    }

    private static Path file(String name, String content) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, content);
        return p;
    }

    private static String data(String atoms, int n) {
        return "test\n\n" + n + " atoms\n2 atom types\n\n0 10 xlo xhi\n0 10 ylo yhi\n0 10 zlo zhi\n\nMasses\n\n1 6.94\n2 32.06\n\nAtoms # atomic\n\n" + atoms;
    }

    @Test
    void malformedFiles() throws Exception {
        expect(Status.Code.INVALID_ARGUMENT, "bad.data", () -> client.uploadStructure(file("bad.data", data("1 1 0.0 0.0\n", 1)), List.of()));
        expect(Status.Code.INVALID_ARGUMENT, "cannot tell the format", () -> client.uploadStructure(file("x.foo", "hello"), List.of()));
        expect(Status.Code.INVALID_ARGUMENT, "is empty", () -> client.uploadStructure(file("empty.data", ""), List.of()));
        ValidationReport r = client.validate(file("bad2.data", data("1 1 0.0 zero 0.0\n", 1)), List.of());
        assertFalse(r.getOk());
        assertTrue(r.getProblems(0).getMessage().contains("bad2.data"), r.toString());
    }

    @Test
    void overlappingAtomsAndNaN() throws Exception {
        expect(Status.Code.INVALID_ARGUMENT, "overlapping atoms", () -> client.uploadStructure(file("close.data",
            data("1 1 1.0 1.0 1.0\n2 2 1.1 1.0 1.0\n", 2)), List.of()));
        ValidationReport r = client.validate(file("close.data", data("1 1 1.0 1.0 1.0\n2 2 1.1 1.0 1.0\n", 2)), List.of());
        assertFalse(r.getOk());
        Problem p = r.getProblemsList().stream().filter(x -> x.getSeverity() == Problem.Severity.ERROR).findFirst().orElseThrow();
        assertTrue(p.getMessage().contains("atoms 1 (Li) and 2 (S)"), p.getMessage());
        StatusRuntimeException nan = assertThrows(StatusRuntimeException.class,
            () -> client.uploadStructure(file("nan.data", data("1 1 NaN 1.0 1.0\n2 2 5.0 5.0 5.0\n", 2)), List.of()));
        assertEquals(Status.Code.INVALID_ARGUMENT, nan.getStatus().getCode());
        assertTrue(nan.getStatus().getDescription().contains("nan.data"), nan.getStatus().getDescription());
        StructureInfo ok = client.uploadStructure(file("ok.data", data("1 1 1.0 1.0 1.0\n2 2 4.0 1.0 1.0\n", 2)), List.of());
        assertEquals(2, ok.getReport().getAtoms());
        assertEquals("Li1 S1", ok.getReport().getFormula());
    }

    @Test
    void unknownSpeciesAndMismatchedPotential() throws Exception {
        expect(Status.Code.INVALID_ARGUMENT, "Xx", () -> client.uploadStructure(file("xx.data", data("1 1 1.0 1.0 1.0\n2 2 4.0 1.0 1.0\n", 2)),
            List.of("Li", "Xx")));
        // the argon potential cannot describe Li6PS5Cl
        JobSpec spec = JobSpec.newBuilder().setMd(TestServers.argon(3)
            .setStructure(StructureSource.newBuilder().setPreset(PresetStructure.newBuilder().setName("li6ps5cl")))
            .setProtocol(TestServers.nvtThenNve(10, 10))).build();
        expect(Status.Code.INVALID_ARGUMENT, "describes Ar; the structure has Li, P, S, Cl", () -> client.submit(spec));
        expect(Status.Code.INVALID_ARGUMENT, "no bundled potential 'lj-neon'", () -> client.submit(spec.toBuilder()
            .setMd(spec.getMd().toBuilder().setPotential(PotentialSource.newBuilder().setBundled("lj-neon"))).build()));
    }

    @Test
    void absurdSizesAndLimits() throws Exception {
        JobSpec big = JobSpec.newBuilder().setMd(TestServers.argon(1000).setProtocol(TestServers.nvtThenNve(10, 10))).build();
        expect(Status.Code.RESOURCE_EXHAUSTED, "max-atoms", () -> client.submit(big));
        expect(Status.Code.RESOURCE_EXHAUSTED, "max-atoms", () -> client.build(PresetStructure.newBuilder().setName("li6ps5cl")
            .addSupercell(100000).addSupercell(100000).addSupercell(100000).build(), null));
        expect(Status.Code.RESOURCE_EXHAUSTED, "spacing", () -> client.build(PresetStructure.newBuilder().setName("gb-sigma3-112")
            .setSpacing(1e12).build(), null));
        expect(Status.Code.RESOURCE_EXHAUSTED, "declares 9000000 atoms", () -> client.uploadStructure(file("huge.data",
            data("1 1 1.0 1.0 1.0\n", 9_000_000)), List.of()));
        expect(Status.Code.RESOURCE_EXHAUSTED, "max-upload-size", () -> client.uploadStructure(file("long.data",
            data("1 1 1.0 1.0 1.0\n", 1) + "#".repeat(30_000)), List.of()));
        expect(Status.Code.INVALID_ARGUMENT, "supercell", () -> client.build(PresetStructure.newBuilder().setName("li6ps5cl")
            .addSupercell(0).addSupercell(1).addSupercell(1).build(), null));
    }

    @Test
    void unknownIds() throws Exception {
        expect(Status.Code.NOT_FOUND, "no job with id 'job-000000000000'", () -> client.job("job-000000000000"));
        expect(Status.Code.NOT_FOUND, "no job", () -> client.cancel("nonsense/../../etc"));
        expect(Status.Code.NOT_FOUND, "no job", () -> client.results("job-ffffffffffff"));
        expect(Status.Code.NOT_FOUND, "no job", () -> client.watch("job-ffffffffffff", new io.ionstream.client.WatchListener() {})
            .await(Duration.ofSeconds(10)));
        expect(Status.Code.NOT_FOUND, "no job", () -> client.fetchFile("job-ffffffffffff", "observables.csv", new ByteArrayOutputStream()));
        expect(Status.Code.NOT_FOUND, "no structure", () -> client.submit(JobSpec.newBuilder().setMd(TestServers.argon(3)
            .setStructure(StructureSource.newBuilder().setStructureId("str-000000000000")).setProtocol(TestServers.nvtThenNve(5, 5))).build()));
        expect(Status.Code.NOT_FOUND, "no potential", () -> client.describePotential("pot-000000000000"));
    }

    @Test
    void brokenSpecs() {
        Supplier<io.ionstream.proto.v1.MdJob.Builder> ok = () -> TestServers.argon(3).setProtocol(TestServers.nvtThenNve(10, 10));
        expect(Status.Code.INVALID_ARGUMENT, "timestep_ps", () -> client.submit(JobSpec.newBuilder().setMd(ok.get()
            .setProtocol(TestServers.nvtThenNve(10, 10).toBuilder().setTimestepPs(0))).build()));
        expect(Status.Code.INVALID_ARGUMENT, "timestep_ps", () -> client.submit(JobSpec.newBuilder().setMd(ok.get()
            .setProtocol(TestServers.nvtThenNve(10, 10).toBuilder().setTimestepPs(Double.NaN))).build()));
        var p = TestServers.nvtThenNve(10, 10).toBuilder();
        p.getStagesBuilder().getStagesBuilder(1).getMdBuilder().getThermostatBuilder().setTemperatureK(Double.NaN);
        expect(Status.Code.INVALID_ARGUMENT, "protocol.stages[1] (nvt)", () -> client.submit(JobSpec.newBuilder().setMd(ok.get().setProtocol(p)).build()));
        expect(Status.Code.INVALID_ARGUMENT, "unknown observable 'rdf-of-doom'", () -> client.submit(JobSpec.newBuilder().setMd(ok.get()
            .addObservables(ObservableRequest.newBuilder().setName("rdf-of-doom"))).build()));
        expect(Status.Code.INVALID_ARGUMENT, "no stage named 'npt'", () -> client.submit(JobSpec.newBuilder().setMd(ok.get()
            .addObservables(ObservableRequest.newBuilder().setName("thermo").setStage("npt"))).build()));
        expect(Status.Code.INVALID_ARGUMENT, "md.protocol is missing", () -> client.submit(JobSpec.newBuilder().setMd(TestServers.argon(3)).build()));
        expect(Status.Code.INVALID_ARGUMENT, "needs md", () -> client.submit(JobSpec.getDefaultInstance()));
        expect(Status.Code.INVALID_ARGUMENT, "campaign needs structures", () -> client.submit(JobSpec.newBuilder().setCampaign(CampaignJob.getDefaultInstance()).build()));
    }

    @Test
    void theServerKeepsServing() throws Exception {
        // after all of the above (in any order), health says SERVING and a job still runs to the end
        HealthCheckResponse h = HealthGrpc.newBlockingStub(client.channel()).check(HealthCheckRequest.getDefaultInstance());
        assertEquals(HealthCheckResponse.ServingStatus.SERVING, h.getStatus());
        var job = client.submit(TestServers.argonJob("still fine", 40, 10, 20));
        assertEquals(JobState.COMPLETED, client.watch(job.getJobId(), new io.ionstream.client.WatchListener() {}).await(Duration.ofSeconds(60)).getState());
        // the job limit: two slow jobs fill max-jobs = 2, a third is refused, cancelling one makes room
        var a = client.submit(TestServers.argonJob("long a", 2_000_000, 1000, 100_000));
        var b = client.submit(TestServers.argonJob("long b", 2_000_000, 1000, 100_000));
        expect(Status.Code.RESOURCE_EXHAUSTED, "max-jobs", () -> client.submit(TestServers.argonJob("third", 40, 10, 20)));
        assertEquals(JobState.CANCELLED, client.cancel(a.getJobId()).getState());
        assertEquals(JobState.CANCELLED, client.cancel(b.getJobId()).getState());
        expect(Status.Code.FAILED_PRECONDITION, "already ended", () -> client.cancel(a.getJobId()));
    }
}
