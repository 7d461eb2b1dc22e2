package io.ionstream.engine.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ionstream.engine.SharedData;
import io.ionstream.engine.system.AtomSystem;
import io.ionstream.engine.system.Box;
import io.ionstream.engine.system.SpeciesTable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What we write, LAMMPS reads: a triclinic charge-style data file through {@code read_data} +
 * {@code run 0} (atom count and cell as LAMMPS prints them, and its own {@code write_data}
 * read back by us), and an unwrapped dump through {@code read_dump ... wrapped no}, written out
 * again by LAMMPS and compared atom by atom.
 */
class LammpsCrossCheckTest {
    @TempDir
    Path dir;

    @Test
    void lammpsReadsOurDataFileAndDump() throws Exception {
        Path lmp = SharedData.requireLammps();
        Box box = Box.triclinic(10.25, 11.5, 9.75, 1.25, -0.75, 0.5);
        AtomSystem sys = TestSystems.random(17, box, SpeciesTable.of("Li", "Cl"), 40);
        LammpsData.write(sys, dir.resolve("ours.data"), LammpsData.Style.CHARGE);
        try (LammpsDumpWriter w = LammpsDumpWriter.open(dir.resolve("ours.dump"))) {
            w.write(sys, 0, Double.NaN);
        }
        Files.writeString(dir.resolve("in.check"), """
            units metal
            atom_style charge
            boundary p p p
            read_data ours.data
            pair_style zero 3.0
            pair_coeff * *
            thermo_style custom step atoms lx ly lz xy xz yz
            thermo_modify format float %.15g
            run 0
            write_data lmp.data
            read_dump ours.dump 0 x y z wrapped no box yes
            write_dump all custom lmp.dump id type xu yu zu modify sort id format float %.17g
            """);
        Process p = new ProcessBuilder(lmp.toString(), "-in", "in.check", "-log", "log.lammps", "-screen", "none")
            .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(dir.resolve("out.txt").toFile()).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "LAMMPS did not finish");
        String log = Files.readString(dir.resolve("log.lammps"));
        assertEquals(0, p.exitValue(), "LAMMPS failed:\n" + log + Files.readString(dir.resolve("out.txt")));

        List<String> lines = List.of(log.split("\n"));
        int header = -1;
        for (int k = 0; k < lines.size(); k++) if (lines.get(k).strip().startsWith("Step")) header = k;
        assertTrue(header >= 0, "no thermo output in the LAMMPS log");
        String[] names = lines.get(header).strip().split("\\s+");
        String[] values = lines.get(header + 1).strip().split("\\s+");
        assertEquals("Atoms", names[1]);
        assertEquals(sys.size(), Integer.parseInt(values[1]), "atoms LAMMPS counted");
        double[] ours = {box.lx(), box.ly(), box.lz(), box.xy(), box.xz(), box.yz()};
        for (int k = 0; k < 6; k++) {
            assertEquals(ours[k], Double.parseDouble(values[2 + k]), 1e-13 * Math.max(1, Math.abs(ours[k])), names[2 + k]);
        }

        // LAMMPS remapped the atoms into its box: compare unwrapped positions, and everything else
        AtomSystem back = LammpsData.read(dir.resolve("lmp.data"), new String[] {"Li", "Cl"});
        assertEquals(sys.size(), back.size());
        double[] u = new double[3], w = new double[3];
        for (int i = 0; i < sys.size(); i++) {
            int k = back.indexOfId(sys.id()[i]);
            assertEquals(sys.type()[i], back.type()[k]);
            assertEquals(sys.q()[i], back.q()[k], 0.0);
            sys.unwrapped(i, u, 0);
            back.unwrapped(k, w, 0);
            for (int d = 0; d < 3; d++) {
                assertEquals(u[d], w[d], 1e-10, "unwrapped position of atom " + sys.id()[i]);
                assertEquals(sys.v()[3 * i + d], back.v()[3 * k + d], 1e-12 * Math.abs(sys.v()[3 * i + d]), "velocity");
            }
        }

        try (TrajectoryReader r = LammpsDumpTrajectory.open(dir.resolve("lmp.dump"), new String[] {"Li", "Cl"})) {
            TrajectoryFrame f = r.next();
            assertEquals(sys.size(), f.atoms());
            for (int k = 0; k < f.atoms(); k++) {
                int i = sys.indexOfId(f.id()[k]);
                sys.unwrapped(i, u, 0);
                for (int d = 0; d < 3; d++) assertEquals(u[d], f.x()[3 * k + d], 1e-10, "LAMMPS's xu of atom " + f.id()[k]);
            }
        }
    }
}
