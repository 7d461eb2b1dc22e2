package io.ionstream.engine.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ionstream.engine.SharedData;
import io.ionstream.engine.md.MdRunner;
import io.ionstream.engine.md.VelocityVerlet;
import io.ionstream.engine.system.AtomSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The LAMMPS input that {@code bench lj} writes describes the same problem as our
 * {@link LjMeltProblem}: run for 0 steps (skipped without {@code lmp}), LAMMPS must report our
 * atom count, our initial potential energy (same lattice, potential and units) and our initial
 * temperature (the velocities differ, being drawn by different generators, but both are scaled
 * to T* exactly).
 */
class LjMeltProblemLammpsTest {
    @Test
    void lammpsInputIsTheSameProblem(@TempDir Path dir) throws Exception {
        Path lmp = SharedData.requireLammps();
        int cells = 3;
        Files.writeString(dir.resolve("in.lj"), LjMeltProblem.lammpsInput(cells, 0));
        ProcessBuilder pb = new ProcessBuilder(lmp.toString(), "-in", "in.lj", "-log", "log.lammps", "-screen", "none")
            .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(dir.resolve("stdout").toFile());
        pb.environment().put("OMP_NUM_THREADS", "1");
        Process p = pb.start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "lmp finished");
        assertEquals(0, p.exitValue(), () -> "lmp failed: " + read(dir.resolve("stdout")));
        List<String> log = Files.readAllLines(dir.resolve("log.lammps"));
        double[] row = null;
        long atoms = -1;
        for (int k = 0; k < log.size(); k++) {
            String t = log.get(k).strip();
            if (t.startsWith("Created ") && t.endsWith(" atoms")) atoms = Long.parseLong(t.split("\\s+")[1]);
            if (t.startsWith("Step ") && row == null) {
                String[] f = log.get(k + 1).strip().split("\\s+");
                row = new double[f.length];
                for (int c = 0; c < f.length; c++) row[c] = Double.parseDouble(f[c]);
            }
        }
        assertTrue(row != null, "a thermo row in the LAMMPS log");

        AtomSystem sys = LjMeltProblem.system(cells, LjMeltProblem.SEED);
        MdRunner md = new MdRunner(sys, LjMeltProblem.forceField(), new VelocityVerlet(LjMeltProblem.timestep()),
            LjMeltProblem.neighborSettings());
        md.setup();
        assertEquals(sys.size(), atoms, "atoms created");
        // thermo_style custom step temp pe ke etotal press
        assertEquals(row[2], md.potentialEnergy(), 1e-10 * Math.abs(row[2]), "initial potential energy");
        assertEquals(row[1], md.temperature(), 1e-9 * row[1], "initial temperature");
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (Exception e) {
            return "(no output)";
        }
    }
}
