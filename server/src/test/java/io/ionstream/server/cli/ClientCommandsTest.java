package io.ionstream.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ionstream.proto.v1.Job;
import io.ionstream.proto.v1.JobResults;
import io.ionstream.proto.v1.JobState;
import io.ionstream.proto.v1.JobSpec;
import io.ionstream.proto.v1.ListJobsResponse;
import io.ionstream.server.config.ServerConfig;
import io.ionstream.server.grpc.IonstreamServer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.util.JsonFormat;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The client commands against an in-process server: submit, watch, list, results, fetch, cancel, errors; and the server demo. */
class ClientCommandsTest {
    @TempDir static Path dir;
    private static IonstreamServer server;

    record Run(int code, String out, String err) {}

    static Run run(String... argv) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int code = Main.run(argv, new Console(new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8), false));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @BeforeAll
    static void start() throws Exception {
        server = IonstreamServer.start(ServerConfig.load(List.of("data-dir=\"" + dir.resolve("data") + "\"", "grpc.port=0"), null));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String[] withServer(String... argv) {
        String[] a = java.util.Arrays.copyOf(argv, argv.length + 2);
        a[argv.length] = "--server";
        a[argv.length + 1] = server.target();
        return a;
    }

    @Test
    void submitWatchListResultsFetch() throws Exception {
        Run s = run(withServer("submit", "--preset", "lj-argon-fcc", "--supercell", "3,3,3", "--potential", "lj-argon", "--ensemble", "nvt",
            "--temperature", "100", "--steps", "60", "--dt", "0.004", "--observables", "thermo:10,msd:20", "--seed", "5", "--name", "cli", "--json"));
        assertEquals(0, s.code(), s.err());
        Job.Builder jb = Job.newBuilder();
        JsonFormat.parser().merge(s.out(), jb);
        String id = jb.getJobId();
        assertEquals(108, jb.getAtoms());
        assertEquals(List.of("thermo", "msd"), jb.getObservablesList().stream().map(o -> o.getName()).toList());

        Run w = run(withServer("watch", id));
        assertEquals(0, w.code(), w.err());
        assertTrue(w.out().contains(id + " COMPLETED at step 60"), w.out());
        assertTrue(w.err().contains("T ") && w.err().contains("MSD "), "progress with observables: " + w.err());

        Run l = run(withServer("list", "--json"));
        ListJobsResponse.Builder lb = ListJobsResponse.newBuilder();
        JsonFormat.parser().merge(l.out(), lb);
        assertTrue(lb.getJobsList().stream().anyMatch(j -> j.getJobId().equals(id) && j.getState() == JobState.COMPLETED), l.out());
        Run table = run(withServer("list", "--state", "completed"));
        assertTrue(table.out().contains(id) && table.out().contains("COMPLETED"), table.out());

        Run r = run(withServer("results", id, "--json"));
        JobResults.Builder rb = JobResults.newBuilder();
        JsonFormat.parser().merge(r.out(), rb);
        assertEquals(2, rb.getStagesCount());
        Run text = run(withServer("results", id));
        assertTrue(text.out().contains("thermo over") && text.out().contains("file observables.csv"), text.out());

        Path csv = dir.resolve("obs.csv");
        Run f = run(withServer("results", id, "--fetch", "observables.csv", "-o", csv.toString()));
        assertEquals(0, f.code(), f.err());
        assertEquals(8, Files.readAllLines(csv).size(), "header and the samples of steps 0, 10, ..., 60");
    }

    @Test
    void specFilesCancelAndErrors() throws Exception {
        JobSpec spec = JobSpec.newBuilder().setName("from a file").setMd(SubmitCommand.fromOptions(Args.parse(new String[] {
            "--preset", "lj-argon-fcc", "--supercell", "3,3,3", "--potential", "lj-argon", "--steps", "5000000", "--dt", "0.002"},
            new SubmitCommand().valueOptions(), new SubmitCommand().flagOptions())).getMd()).build();
        Path file = dir.resolve("spec.json");
        Files.writeString(file, JsonFormat.printer().print(spec));
        Run s = run(withServer("submit", "--spec", file.toString()));
        assertEquals(0, s.code(), s.err());
        String id = s.out().strip();
        Run c = run(withServer("cancel", id));
        assertEquals(0, c.code(), c.err());
        assertTrue(c.out().contains("CANCELLED"), c.out());
        Run again = run(withServer("watch", id));
        assertEquals(1, again.code(), "a cancelled job is not a success");

        Run unknown = run(withServer("cancel", "job-000000000000"));
        assertEquals(1, unknown.code());
        assertTrue(unknown.err().contains("NOT_FOUND"), unknown.err());
        Run bad = run(withServer("submit", "--preset", "li6ps5cl", "--potential", "lj-argon", "--steps", "10"));
        assertEquals(1, bad.code());
        assertTrue(bad.err().contains("INVALID_ARGUMENT") && bad.err().contains("describes Ar"), bad.err());
        assertEquals(2, run(withServer("submit", "--potential", "lj-argon")).code(), "no structure: a usage error");
        assertEquals(2, run(withServer("submit", "--preset", "li6ps5cl", "--potential", "lj-argon", "--potential-id", "pot-1")).code(),
            "two potentials: a usage error");
        // without a potential the job runs on the bundled Li6PS5Cl MTP
        Run dflt = run(withServer("submit", "--preset", "li6ps5cl", "--supercell", "1,1,1", "--steps", "20", "--dt", "0.001",
            "--watch", "--json"));
        assertEquals(0, dflt.code(), dflt.err() + dflt.out());
        assertTrue(dflt.out().contains("lpscl-xtb-l10"), dflt.out());
        Files.writeString(dir.resolve("broken.json"), "{\"md\": {\"seed\": \"many\"}}");
        Run broken = run(withServer("submit", "--spec", dir.resolve("broken.json").toString()));
        assertEquals(2, broken.code());
        assertTrue(broken.err().contains("broken.json"), broken.err());
        assertEquals(2, run("serve", "--config", "no-equals-sign").code());
        assertEquals(2, run("list", "--state", "sleeping").code());
    }

    /** The main job on the bundled Li6PS5Cl MTP (short), and the argon alternative. */
    @Test
    void serverDemo() throws Exception {
        Run d = run("demo", "--steps", "60", "--seed", "2", "--json");
        assertEquals(0, d.code(), d.err());
        JsonNode j = new ObjectMapper().readTree(d.out());
        assertEquals(416, j.get("atoms").asInt());
        assertEquals(60, j.get("steps").asInt());
        assertTrue(j.get("samples").asInt() >= 3, d.out());
        for (String k : new String[] {"atom_steps_per_s", "mean_temperature_k", "latency_p99_ms"}) {
            assertTrue(j.get(k).isNumber(), k + " in " + d.out());
        }
        assertTrue(d.err().contains("Li6PS5Cl") && d.err().contains("GFN1-xTB"), "the demo says what it runs: " + d.err());

        Run a = run("demo", "--argon", "--steps", "40", "--seed", "2", "--json");
        assertEquals(0, a.code(), a.err());
        assertEquals(2916, new ObjectMapper().readTree(a.out()).get("atoms").asInt());
        assertTrue(a.err().contains("Lennard-Jones"), a.err());
        assertEquals(2, run("demo", "--engine", "--argon").code(), "--argon is a server-demo option");
    }
}
