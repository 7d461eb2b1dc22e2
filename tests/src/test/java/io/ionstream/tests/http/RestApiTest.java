package io.ionstream.tests.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.ionstream.actors.catalog.PresetStructures;
import io.ionstream.actors.stream.StreamLog;
import io.ionstream.proto.v1.BuildStructureRequest;
import io.ionstream.proto.v1.Job;
import io.ionstream.proto.v1.JobResults;
import io.ionstream.proto.v1.JobState;
import io.ionstream.proto.v1.ListJobsResponse;
import io.ionstream.proto.v1.ListPotentialsResponse;
import io.ionstream.proto.v1.ListPresetsResponse;
import io.ionstream.proto.v1.ListStructuresResponse;
import io.ionstream.proto.v1.PotentialInfo;
import io.ionstream.proto.v1.PresetStructure;
import io.ionstream.proto.v1.Sample;
import io.ionstream.proto.v1.StructureInfo;
import io.ionstream.server.grpc.IonstreamServer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.Message;
import com.google.protobuf.util.JsonFormat;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The REST/JSON API against the service it mirrors: every read answers what the service holds
 * (parsed back from JSON into the API messages and compared), submit and cancel work, and every
 * bad request answers a problem document with the right status, naming what is wrong.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RestApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private IonstreamServer server;
    private String done;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        // a small upload limit so that a too-large body is cheap to send
        server = HttpFixtures.start(dir.resolve("data"), "limits.max-upload-size=4KiB", "limits.max-running-jobs=1");
        done = submitOverHttp(HttpFixtures.argonJob("rest", 3, 100, 100, 10)).getJobId();
        awaitEnd(done);
    }

    @AfterAll
    void stop() {
        if (server != null) server.close();
    }

    @Test
    void jobsResultsSamplesAndFilesMirrorTheService() throws Exception {
        Job viaHttp = parse(ok("/api/v1/jobs/" + done), Job.getDefaultInstance());
        Job direct = server.service().jobs().get(done);
        assertEquals(direct, viaHttp.toBuilder().setSubscribers(direct.getSubscribers()).build());
        assertEquals(JobState.COMPLETED, viaHttp.getState(), viaHttp.getMessage());

        ListJobsResponse all = parse(ok("/api/v1/jobs"), ListJobsResponse.getDefaultInstance());
        assertTrue(all.getJobsList().stream().anyMatch(j -> j.getJobId().equals(done)));
        ListJobsResponse completed = parse(ok("/api/v1/jobs?state=completed,FAILED"), ListJobsResponse.getDefaultInstance());
        assertTrue(completed.getJobsList().stream().allMatch(j -> j.getState() == JobState.COMPLETED || j.getState() == JobState.FAILED));
        assertTrue(completed.getJobsList().stream().anyMatch(j -> j.getJobId().equals(done)));
        ListJobsResponse running = parse(ok("/api/v1/jobs?state=RUNNING"), ListJobsResponse.getDefaultInstance());
        assertTrue(running.getJobsList().stream().noneMatch(j -> j.getJobId().equals(done)));

        JobResults results = parse(ok("/api/v1/jobs/" + done + "/results"), JobResults.getDefaultInstance());
        JobResults expected = server.service().results(done);
        assertEquals(expected.toBuilder().clearJob().build(), results.toBuilder().clearJob().build());
        assertEquals(3, results.getStagesCount());

        StreamLog<Sample> log = server.service().jobs().entry(done).streams().samples();
        JsonNode page = JSON.readTree(ok("/api/v1/jobs/" + done + "/samples?from=5&limit=3").body());
        assertEquals(5, page.get("from").asLong());
        assertEquals(8, page.get("next").asLong());
        assertEquals(log.count(), page.get("published").asLong());
        assertTrue(page.get("ended").asBoolean());
        assertEquals(3, page.get("samples").size());
        for (int k = 0; k < 3; k++) assertEquals(log.get(5 + k), parse(page.get("samples").get(k).toString(), Sample.getDefaultInstance()));
        JsonNode whole = JSON.readTree(ok("/api/v1/jobs/" + done + "/samples").body());
        assertEquals(log.count(), whole.get("samples").size(), "without parameters, the first page holds all of a short job");
        JsonNode past = JSON.readTree(ok("/api/v1/jobs/" + done + "/samples?from=" + (log.count() + 5)).body());
        assertEquals(0, past.get("samples").size());

        HttpResponse<String> csv = ok("/api/v1/jobs/" + done + "/files/observables.csv");
        assertEquals(Files.readString(server.service().file(done, "observables.csv")), csv.body());
        assertTrue(csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
        assertTrue(csv.headers().firstValue("Content-Disposition").orElse("").contains("observables.csv"));
    }

    @Test
    void cataloguesMirrorTheService() throws Exception {
        StructureInfo built = server.service().structures().build(BuildStructureRequest.newBuilder().setName("argon")
            .setPreset(PresetStructure.newBuilder().setName("lj-argon-fcc").addSupercell(2).addSupercell(2).addSupercell(2)).build());
        ListStructuresResponse structures = parse(ok("/api/v1/structures"), ListStructuresResponse.getDefaultInstance());
        assertEquals(server.service().structures().list(), structures.getStructuresList());
        assertEquals(built, parse(ok("/api/v1/structures/" + built.getStructureId()), StructureInfo.getDefaultInstance()));
        assertEquals(PresetStructures.list(), parse(ok("/api/v1/presets"), ListPresetsResponse.getDefaultInstance()).getPresetsList());
        ListPotentialsResponse potentials = parse(ok("/api/v1/potentials"), ListPotentialsResponse.getDefaultInstance());
        assertEquals(server.service().potentials().list(), potentials.getPotentialsList());
        assertEquals(server.service().potentials().describe("lj-argon"), parse(ok("/api/v1/potentials/lj-argon"), PotentialInfo.getDefaultInstance()));
        assertTrue(JSON.readTree(ok("/api/v1").body()).get("endpoints").size() > 5, "the API index lists the endpoints");
    }

    @Test
    void submitCancelAndTheStateRules() throws Exception {
        // a long job occupies the only running slot; a second one waits
        Job running = submitOverHttp(HttpFixtures.argonJob("long", 3, 1_000_000, 1, 1000));
        Job queued = submitOverHttp(HttpFixtures.argonJob("waiting", 3, 10, 10, 10));
        assertEquals(JobState.QUEUED, queued.getState());
        try {
            Problems.assertProblem(get("/api/v1/jobs/" + queued.getJobId() + "/results"), 409, "FAILED_PRECONDITION", "results come when it ends");
            Job cancelled = parse(post("/api/v1/jobs/" + queued.getJobId() + "/cancel", ""), Job.getDefaultInstance());
            assertEquals(JobState.CANCELLED, cancelled.getState());
            Problems.assertProblem(post("/api/v1/jobs/" + queued.getJobId() + "/cancel", ""), 409, "FAILED_PRECONDITION", "already ended");
            assertEquals(200, get("/api/v1/jobs/" + queued.getJobId() + "/results").statusCode(), "a cancelled job has results");
        } finally {
            assertEquals(JobState.CANCELLED, parse(post("/api/v1/jobs/" + running.getJobId() + "/cancel", ""), Job.getDefaultInstance()).getState());
        }
    }

    @Test
    void everyBadRequestIsAProblemDocument() throws Exception {
        // unknown job, whatever is asked of it
        for (String p : new String[] {"", "/results", "/samples", "/events", "/files/observables.csv"}) {
            Problems.assertProblem(get("/api/v1/jobs/no-such-job" + p), 404, "NOT_FOUND", "no-such-job");
        }
        Problems.assertProblem(post("/api/v1/jobs/no-such-job/cancel", ""), 404, "NOT_FOUND", "no-such-job");
        Problems.assertProblem(get("/api/v1/jobs/" + done + "/files/secret.txt"), 404, "NOT_FOUND", "secret.txt");
        Problems.assertProblem(get("/api/v1/jobs/" + done + "/files/..%2Fspec.pb"), 404, "NOT_FOUND", "spec.pb");
        Problems.assertProblem(get("/api/v1/structures/str-nope"), 404, "NOT_FOUND", "str-nope");
        Problems.assertProblem(get("/api/v1/potentials/nope"), 404, "NOT_FOUND", "nope");
        // bad parameters
        String s = "/api/v1/jobs/" + done + "/samples";
        Problems.assertProblem(get(s + "?from=abc"), 400, "INVALID_ARGUMENT", "'from'");
        Problems.assertProblem(get(s + "?from=-1"), 400, "INVALID_ARGUMENT", "'from'");
        Problems.assertProblem(get(s + "?limit=0"), 400, "INVALID_ARGUMENT", "'limit'");
        Problems.assertProblem(get(s + "?limit=10001"), 400, "INVALID_ARGUMENT", "max-page");
        String e = "/api/v1/jobs/" + done + "/events";
        Problems.assertProblem(get(e + "?from=1.5"), 400, "INVALID_ARGUMENT", "'from'");
        Problems.assertProblem(get(e + "?mode=fastest"), 400, "INVALID_ARGUMENT", "'mode'");
        Problems.assertProblem(get(e, "Last-Event-ID", "seven"), 400, "INVALID_ARGUMENT", "Last-Event-ID");
        Problems.assertProblem(get("/api/v1/jobs?state=SLEEPING"), 400, "INVALID_ARGUMENT", "SLEEPING");
        // bad bodies
        Problems.assertProblem(post("/api/v1/jobs", ""), 400, "INVALID_ARGUMENT", "JobSpec");
        Problems.assertProblem(post("/api/v1/jobs", "{not json"), 400, "INVALID_ARGUMENT", "JobSpec");
        Problems.assertProblem(post("/api/v1/jobs", "{\"md\":{\"frobnicate\":1}}"), 400, "INVALID_ARGUMENT", "frobnicate");
        String unknownObservable = JsonFormat.printer().print(HttpFixtures.argonJob("x", 2, 1, 1, 1).toBuilder()
            .setMd(HttpFixtures.argonJob("x", 2, 1, 1, 1).getMd().toBuilder().clearObservables()
                .addObservables(io.ionstream.proto.v1.ObservableRequest.newBuilder().setName("viscosity"))));
        Problems.assertProblem(post("/api/v1/jobs", unknownObservable), 400, "INVALID_ARGUMENT", "viscosity");
        // on a connection of its own: the server closes it without reading the body
        HttpResponse<String> tooLarge = HttpClient.newHttpClient().send(HttpRequest.newBuilder(HttpFixtures.uri(server, "/api/v1/jobs"))
            .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"" + "x".repeat((1 << 20) + 8192) + "\"}")).build(),
            HttpResponse.BodyHandlers.ofString());
        Problems.assertProblem(tooLarge, 413, "RESOURCE_EXHAUSTED", "max-upload-size");
        // no such route, wrong method
        Problems.assertProblem(get("/api/v1/nothing-here"), 404, "NOT_FOUND", "could not be found");
        HttpResponse<String> wrongMethod = HttpFixtures.CLIENT.send(HttpRequest.newBuilder(HttpFixtures.uri(server, "/api/v1/jobs/" + done))
            .DELETE().build(), HttpResponse.BodyHandlers.ofString());
        Problems.assertProblem(wrongMethod, 405, "UNIMPLEMENTED", "GET");
        // the server is still fine
        assertEquals(200, get("/health").statusCode());
    }

    @Test
    void healthReadinessAndTheMonitorFiles() throws Exception {
        assertEquals("UP", JSON.readTree(ok("/health").body()).get("status").asText());
        JsonNode ready = JSON.readTree(ok("/ready").body());
        assertEquals("READY", ready.get("status").asText());
        assertTrue(ready.get("knownJobs").asInt() >= 1);
        HttpResponse<String> page = ok("/");
        assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        assertTrue(page.body().contains("monitor/monitor.js"));
        for (String f : new String[] {"", "monitor/monitor.js", "monitor/charts.js", "monitor/monitor.css"}) {
            String body = ok("/" + f).body().replace("http://www.w3.org/2000/svg", ""); // a namespace name, not an address
            assertFalse(body.isBlank(), f);
            assertFalse(body.contains("http://") || body.contains("https://") || body.contains("//cdn"), "/" + f + " must load nothing from elsewhere");
        }
        Problems.assertProblem(get("/monitor/nothing.js"), 404, "NOT_FOUND", "");
    }

    // ------------------------------------------------------------------------------------------

    private Job submitOverHttp(io.ionstream.proto.v1.JobSpec spec) throws Exception {
        HttpResponse<String> r = post("/api/v1/jobs", JsonFormat.printer().print(spec));
        assertEquals(200, r.statusCode(), r.body());
        return parse(r.body(), Job.getDefaultInstance());
    }

    private void awaitEnd(String id) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            Job j = parse(ok("/api/v1/jobs/" + id), Job.getDefaultInstance());
            if (j.getState() != JobState.QUEUED && j.getState() != JobState.RUNNING) return;
            Thread.sleep(50);
        }
        fail("job " + id + " did not end within 60 s");
    }

    private HttpResponse<String> get(String path, String... headers) throws Exception {
        return HttpFixtures.get(server, path, headers);
    }

    private HttpResponse<String> ok(String path) throws Exception {
        HttpResponse<String> r = get(path);
        assertEquals(200, r.statusCode(), path + ": " + r.body());
        return r;
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return HttpFixtures.CLIENT.send(HttpRequest.newBuilder(HttpFixtures.uri(server, path)).header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static <M extends Message> M parse(HttpResponse<String> r, M prototype) throws Exception {
        return parse(r.body(), prototype);
    }

    @SuppressWarnings("unchecked")
    private static <M extends Message> M parse(String json, M prototype) throws Exception {
        Message.Builder b = prototype.newBuilderForType();
        JsonFormat.parser().merge(json, b);
        return (M) b.build();
    }
}
