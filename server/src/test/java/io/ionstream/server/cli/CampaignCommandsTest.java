package io.ionstream.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ionstream.proto.v1.JobResults;
import io.ionstream.server.config.ServerConfig;
import io.ionstream.server.grpc.IonstreamServer;
import com.google.protobuf.util.JsonFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code submit --campaign FILE.json} with the README's FE-only example (given D values and a law), then
 * {@code results} (the D_macro table) and {@code results --json} (the campaign section); a
 * campaign file with a mistake is a usage error naming the file, one the server refuses names the field.
 */
class CampaignCommandsTest {
    @TempDir static Path dir;
    private static IonstreamServer server;

    /** The FE-only campaign of the README's "Campaigns (MD → FE)" section, read from the README so the example stays right. */
    static String feOnly() throws java.io.IOException {
        String readme = Files.readString(Path.of("..", "README.md"));
        int at = readme.indexOf("**The FE half alone**");
        int open = readme.indexOf("```json", at), close = readme.indexOf("```", open + 7);
        assertTrue(at > 0 && open > at && close > open, "the README has the FE-only example");
        return readme.substring(open + 7, close);
    }

    @BeforeAll
    static void start() throws Exception {
        server = IonstreamServer.start(ServerConfig.load(List.of("data-dir=\"" + dir.resolve("data") + "\"", "grpc.port=0"), null));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static ClientCommandsTest.Run run(String... argv) {
        String[] a = java.util.Arrays.copyOf(argv, argv.length + 2);
        a[argv.length] = "--server";
        a[argv.length + 1] = server.target();
        return ClientCommandsTest.run(a);
    }

    @Test
    void submitACampaignWatchItAndReadItsResults() throws Exception {
        Path file = dir.resolve("fe-only.json");
        Files.writeString(file, feOnly());
        ClientCommandsTest.Run s = run("submit", "--campaign", file.toString(), "--watch");
        assertEquals(0, s.code(), s.err());
        String id = s.out().lines().findFirst().orElseThrow();
        assertTrue(id.startsWith("cmp-"), s.out());
        assertTrue(s.out().contains(id + " COMPLETED"), s.out());
        assertTrue(s.err().contains("D_macro "), "the progress line shows D_macro: " + s.err());
        assertTrue(s.err().lines().anyMatch(l -> l.startsWith(id + ": ") && l.contains("6 FE cases") && !l.contains("atoms")),
            "the watch header describes the campaign, not atoms: " + s.err());

        ClientCommandsTest.Run r = run("results", id);
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("campaign, 0 MD runs, 3 D components, 6 FE cases"), r.out());
        assertTrue(r.out().contains("channels: bulk = bulk (arrhenius) gb_parallel = gb_par (arrhenius) gb_perpendicular = gb_perp (arrhenius)"),
            r.out());
        assertTrue(r.out().contains("collapsed") && r.out().contains("resolved"), "auto model at 20 and 200 nm: " + r.out());
        assertTrue(r.out().contains("file d_macro.csv"), r.out());

        ClientCommandsTest.Run j = run("results", id, "--json");
        JobResults.Builder jb = JobResults.newBuilder();
        JsonFormat.parser().merge(j.out(), jb);
        assertEquals(6, jb.getCampaign().getFeCount());
        assertEquals("fe-only", jb.getJob().getName(), "named after the file");

        ClientCommandsTest.Run l = run("list", "--parent", id);
        assertEquals(0, l.code(), l.err());
        assertTrue(l.err().contains("no jobs"), "an FE-only campaign has no MD runs: " + l.out() + l.err());
    }

    @Test
    void badCampaignFilesAndSpecs() throws Exception {
        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, "{\"fe\": {\"grainSizesNm\": \"many\"}}");
        ClientCommandsTest.Run b = run("submit", "--campaign", broken.toString());
        assertEquals(2, b.code());
        assertTrue(b.err().contains(broken.toString()) && b.err().contains("CampaignJob"), b.err());
        Path refused = dir.resolve("refused.json");
        Files.writeString(refused, feOnly().replace("\"gbWidthNm\": 2.5", "\"gbWidthNm\": -1"));
        ClientCommandsTest.Run r = run("submit", "--campaign", refused.toString());
        assertEquals(1, r.code(), r.out() + r.err());
        assertTrue(r.err().contains("INVALID_ARGUMENT") && r.err().contains("campaign.fe.gb_width_nm must be in (0, 1e5) nm, got -1.0"), r.err());
    }
}
