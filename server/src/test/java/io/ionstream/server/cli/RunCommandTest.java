package io.ionstream.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ionstream.engine.io.LammpsData;
import io.ionstream.engine.md.MdRunner;
import io.ionstream.engine.md.Velocities;
import io.ionstream.engine.md.VelocityVerlet;
import io.ionstream.engine.neighbor.NeighborSettings;
import io.ionstream.engine.potential.PotentialFiles;
import io.ionstream.engine.system.AtomSystem;
import io.ionstream.engine.system.Box;
import io.ionstream.engine.system.SpeciesTable;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bin/ionstream run} end to end: files in, JSON out, the plain engine's numbers. */
class RunCommandTest {
    private static final String ARGON = "pair_style lj/cut 6.0\npair_coeff * * 0.0104 3.4\n";

    private static AtomSystem crystal() {
        double a = 5.26;
        int k = 3;
        AtomSystem sys = new AtomSystem(SpeciesTable.of("Ar"), Box.orthorhombic(k * a, k * a, k * a), 4 * k * k * k);
        Random r = new Random(2);
        double[][] basis = {{0, 0, 0}, {0.5, 0.5, 0}, {0.5, 0, 0.5}, {0, 0.5, 0.5}};
        for (int i = 0; i < k; i++) for (int j = 0; j < k; j++) for (int l = 0; l < k; l++) {
            for (double[] b : basis) {
                sys.add(0, (i + b[0]) * a + 0.1 * r.nextGaussian(), (j + b[1]) * a + 0.1 * r.nextGaussian(),
                    (l + b[2]) * a + 0.1 * r.nextGaussian());
            }
        }
        return sys;
    }

    private record Out(int code, String out, String err) {}

    private static Out run(String... argv) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int code = Main.run(argv, new Console(new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8), false));
        return new Out(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void runPrintsThePlainEnginesEnergiesAsJson(@TempDir Path dir) throws Exception {
        AtomSystem sys = crystal();
        Path data = dir.resolve("argon.data"), pot = dir.resolve("argon.lmp");
        LammpsData.write(sys, data, LammpsData.Style.ATOMIC);
        Files.writeString(pot, ARGON);

        Out o = run("run", "--structure", data.toString(), "--potential", pot.toString(), "--ensemble", "nve",
            "--temperature", "80", "--dt", "0.004", "--steps", "60", "--seed", "7", "--subdomains", "3", "--json");
        assertEquals(0, o.code(), o.err());
        JsonNode j = new ObjectMapper().readTree(o.out());

        AtomSystem ref = LammpsData.read(data, null);
        Velocities.maxwellBoltzmann(ref, 80, 7);
        MdRunner serial = new MdRunner(ref, PotentialFiles.parse("argon.lmp", ARGON, io.ionstream.engine.potential.SystemSummary.of(ref)), new VelocityVerlet(0.004),
            NeighborSettings.withSkin(1.0));
        serial.run(60);
        assertEquals(60, j.get("steps").asLong());
        assertEquals(3, j.get("subdomains").asInt());
        assertEquals(serial.potentialEnergy(), j.get("potential_energy").asDouble(), 1e-9 * Math.abs(serial.potentialEnergy()));
        assertEquals(serial.kineticEnergy(), j.get("kinetic_energy").asDouble(), 1e-9 * serial.kineticEnergy());
        assertEquals(serial.totalEnergy(), j.get("total_energy").asDouble(), 1e-9 * Math.abs(serial.totalEnergy()));
        assertTrue(j.get("atom_steps_per_s").asDouble() > 0);
    }

    @Test
    void nptRunsFollowTheCellLikeThePlainEngine(@TempDir Path dir) throws Exception {
        AtomSystem sys = crystal();
        Path data = dir.resolve("argon.data"), pot = dir.resolve("argon.lmp");
        LammpsData.write(sys, data, LammpsData.Style.ATOMIC);
        Files.writeString(pot, ARGON);
        Out o = run("run", "--structure", data.toString(), "--potential", pot.toString(), "--ensemble", "npt",
            "--temperature", "100", "--pressure", "3000", "--tdamp", "0.1", "--pdamp", "0.5", "--dt", "0.004",
            "--steps", "50", "--subdomains", "2", "--json");
        assertEquals(0, o.code(), o.err());
        JsonNode j = new ObjectMapper().readTree(o.out());
        AtomSystem ref = LammpsData.read(data, null);
        Velocities.maxwellBoltzmann(ref, 100, 1);
        MdRunner serial = new MdRunner(ref, PotentialFiles.parse("argon.lmp", ARGON, io.ionstream.engine.potential.SystemSummary.of(ref)),
            io.ionstream.engine.md.NoseHoover.npt(0.004, io.ionstream.engine.md.Thermostat.at(100, 0.1),
                io.ionstream.engine.md.Barostat.iso(3000, 3000, 0.5)), NeighborSettings.withSkin(1.0));
        serial.run(50);
        assertEquals(serial.system().box().volume(), j.get("volume").asDouble(), 1e-9 * serial.system().box().volume());
        assertEquals(serial.conservedEnergy(), j.get("conserved_energy").asDouble(), 1e-9 * Math.abs(serial.conservedEnergy()));
        assertEquals(serial.totalEnergy(), j.get("total_energy").asDouble(), 1e-9 * Math.abs(serial.totalEnergy()));
    }

    @Test
    void badInputIsReportedWithExitCodes(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("argon.data"), pot = dir.resolve("bad.lmp");
        LammpsData.write(crystal(), data, LammpsData.Style.ATOMIC);
        Files.writeString(pot, "pair_style lj/cut 6.0\npair_coeff * * 0.0104 nope\n");
        Out o = run("run", "--structure", data.toString(), "--potential", pot.toString(), "--steps", "5");
        assertEquals(1, o.code());
        assertTrue(o.err().contains("bad.lmp:2") && o.err().contains("sigma"), o.err());

        o = run("run", "--structure", data.toString(), "--potential", pot.toString(), "--ensemble", "nvt");
        assertEquals(2, o.code());
        assertTrue(o.err().contains("--temperature"), o.err());
        o = run("run", "--structure", data.toString(), "--potential", pot.toString(), "--ensemble", "nph");
        assertEquals(2, o.code());
        assertTrue(o.err().contains("nph"), o.err());
        o = run("run", "--structure", dir.resolve("missing.data").toString(), "--potential", pot.toString());
        assertEquals(2, o.code());
        assertTrue(o.err().contains("missing.data"), o.err());
        o = run("run", "--structure", data.toString(), "--potential", pot.toString(), "--subdomains", "0");
        assertEquals(2, o.code());
    }
}
