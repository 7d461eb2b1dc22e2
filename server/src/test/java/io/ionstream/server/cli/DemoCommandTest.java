package io.ionstream.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** {@code bin/ionstream demo} driven in-process: JSON summary, determinism by seed, usage errors. */
class DemoCommandTest {

    record Run(int code, String out, String err) {}

    static Run run(String... argv) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int code = Main.run(argv, new Console(new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8), false));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void smallRunPrintsAJsonSummaryAndProgress() throws Exception {
        Run r = run("demo", "--steps", "60", "--cells", "3", "--seed", "4", "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertEquals(108, j.get("atoms").asInt());
        assertEquals(60, j.get("steps").asInt());
        for (String k : new String[] {"atom_steps_per_s", "energy_drift_ev_per_atom_per_ps", "mean_temperature_k", "mean_pressure_bar"}) {
            assertTrue(j.get(k).isNumber(), k + " is a number in " + r.out());
        }
        assertTrue(j.get("mean_temperature_k").asDouble() > 50 && j.get("mean_temperature_k").asDouble() < 250, r.out());
        assertTrue(r.err().contains("demo [") && r.err().contains("T "), "progress with observables on stderr: " + r.err());
        // the same seed gives the same run
        JsonNode again = new ObjectMapper().readTree(run("demo", "--steps", "60", "--cells", "3", "--seed", "4", "--json").out());
        assertEquals(j.get("final_total_energy_ev").asDouble(), again.get("final_total_energy_ev").asDouble(), 0.0);
    }

    @Test
    void badOptionsAreUsageErrors() {
        assertEquals(2, run("demo", "--steps", "abc").code());
        assertEquals(2, run("demo", "--cells", "1").code());
        assertEquals(2, run("demo", "--bogus").code());
        Run help = run("demo", "--help");
        assertEquals(0, help.code());
        assertTrue(help.out().contains("--steps") && help.out().contains("--seed"), help.out());
    }
}
