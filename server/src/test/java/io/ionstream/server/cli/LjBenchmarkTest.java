package io.ionstream.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** {@code bin/ionstream bench lj} driven in-process on a tiny problem (no timing asserted). */
class LjBenchmarkTest {
    private record Result(int code, String out, String err) {}

    private static Result run(String... argv) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int code = Main.run(argv, new Console(new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8), false));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void jsonReportsOurRateAndNullsForAnAbsentPeer() throws Exception {
        Result r = run("bench", "lj", "--cells", "3", "--steps", "4", "--warmup", "2", "--no-lammps", "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertEquals(108, json.get("atoms").asInt());
        assertEquals(4, json.get("steps").asInt());
        assertTrue(json.get("ours_atom_steps_per_s").asDouble() > 0);
        assertTrue(json.get("lammps_atom_steps_per_s").isNull());
        assertTrue(json.get("ratio").isNull());
        assertTrue(json.get("ours_initial_pe_ev").asDouble() < 0, "a dense LJ crystal is bound");
    }

    @Test
    void helpAndUsageErrors() {
        Result help = run("bench", "lj", "--help");
        assertEquals(0, help.code());
        assertTrue(help.out().contains("--steps") && help.out().contains("warm"), help.out());
        assertTrue(run("bench", "--help").out().contains("lj"));
        Result bad = run("bench", "lj", "--steps", "0");
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("--steps"), bad.err());
    }
}
