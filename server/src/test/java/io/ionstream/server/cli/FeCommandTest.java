package io.ionstream.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code fe} command driven in-process: JSON results, voxel-file round trip, usage and input errors. */
class FeCommandTest {
    @TempDir Path dir;

    private record Run(int code, String out, String err) {}

    private static Run run(String... argv) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        Console c = new Console(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), false);
        int code = Main.run(argv, c);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static JsonNode json(Run r) throws Exception {
        assertEquals(0, r.code(), r.err());
        return new ObjectMapper().readTree(r.out());
    }

    @Test
    void homogenizeJsonGivesTensorFractionAndIterations() throws Exception {
        JsonNode j = json(run("fe", "homogenize", "--grains", "6", "--grid", "16", "--grain-size-nm", "12", "--gb-width-nm", "2.5",
            "--d-bulk", "1", "--d-gb-par", "8", "--d-gb-perp", "2", "--model", "resolved", "--seed", "3", "--json"));
        JsonNode d = j.get("D_eff");
        assertEquals(3, d.size());
        for (int i = 0; i < 3; i++) {
            assertEquals(3, d.get(i).size());
            assertTrue(d.get(i).get(i).asDouble() > 1 && d.get(i).get(i).asDouble() < 8);
        }
        double f = j.get("f_gb").asDouble();
        assertTrue(f > 0.1 && f < 0.8, "f_gb " + f);
        assertTrue(j.get("iterations").asInt() > 0);
        assertTrue(j.get("converged").asBoolean());
    }

    @Test
    void voxelFileRoundTripGivesTheSameTensor() throws Exception {
        Path vox = dir.resolve("m.vox.gz");
        Run w = run("fe", "microstructure", "--grains", "5", "--grid", "16", "--grain-size-nm", "15", "--seed", "2", "-o", vox.toString());
        assertEquals(0, w.code(), w.err());
        assertTrue(Files.size(vox) > 0);
        String[] common = {"--d-bulk", "2", "--d-gb", "0.2", "--gb-width-nm", "3", "--json"};
        JsonNode a = json(run(concat(new String[] {"fe", "homogenize", "--grains", "5", "--grid", "16", "--grain-size-nm", "15", "--seed", "2"}, common)));
        JsonNode b = json(run(concat(new String[] {"fe", "homogenize", "--voxels", vox.toString()}, common)));
        assertEquals(a.get("D_eff").toString(), b.get("D_eff").toString());
    }

    private static String[] concat(String[] x, String[] y) {
        String[] r = java.util.Arrays.copyOf(x, x.length + y.length);
        System.arraycopy(y, 0, r, x.length, y.length);
        return r;
    }

    @Test
    void usageErrorsExitTwoAndNameTheOption() {
        Run r = run("fe", "homogenize", "--grains", "4", "--grid", "16", "--grain-size-nm", "10", "--d-bulk", "1");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--d-gb"), r.err());
        r = run("fe", "map", "--d-bulk", "1");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--d-bulk does not apply to 'fe map'"), r.err());
        r = run("fe", "homogenize", "--grains", "4", "--grid", "16", "--grain-size-nm", "10", "--d-bulk", "1", "--d-gb", "1", "--model", "thin");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--model"), r.err());
        r = run("fe", "nonsense");
        assertEquals(2, r.code());
    }

    @Test
    void badVoxelFileFailsWithFileAndProblem() throws Exception {
        Path bad = dir.resolve("bad.vox");
        Files.writeString(bad, "ionstream-voxels 1\ngrid 4 4 4\nvoxel_nm 1\ngrains 2\nencoding uint8\ndata\nxx");
        Run r = run("fe", "homogenize", "--voxels", bad.toString(), "--d-bulk", "1", "--d-gb", "2");
        assertEquals(1, r.code());
        assertTrue(r.err().contains(bad.toString()) && r.err().contains("truncated"), r.err());
    }

    @Test
    void helpListsSubCommands() {
        Run r = run("fe", "--help");
        assertEquals(0, r.code());
        for (String s : new String[] {"homogenize", "microstructure", "transition", "map", "arrhenius"}) assertTrue(r.out().contains(s));
        Run h = run("fe", "homogenize", "--help");
        assertTrue(h.out().contains("--d-gb-perp"));
    }
}
