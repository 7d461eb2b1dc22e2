package io.ionstream.engine.analysis.structure;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ionstream.engine.SharedData;
import io.ionstream.engine.analysis.live.LocalAtoms;
import io.ionstream.engine.analysis.live.SerialView;
import io.ionstream.engine.io.DumpFrame;
import io.ionstream.engine.io.LammpsData;
import io.ionstream.engine.io.LammpsDumpReader;
import io.ionstream.engine.system.AtomSystem;
import io.ionstream.engine.system.Box;
import io.ionstream.engine.system.SpeciesTable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Steinhardt q4, q6 against LAMMPS {@code compute orientorder/atom} (skips without lmp). */
class SteinhardtLammpsTest {

    @Test
    void perfectFccValues() {
        AtomSystem s = anionsOnly(TestStructures.antifluorite(3, 5.7, 0, 0, 0, 0, 1));
        LocalAtoms v = new SerialView().build(s, 5.0);
        double[] q = new double[2];
        new Steinhardt(12).compute(v, 0, new boolean[] {true}, 5.0, new int[] {4, 6}, q);
        // the fcc first shell (Steinhardt, Nelson and Ronchetti 1983): q4 = sqrt(7/192), q6 = 0.574524…
        assertEquals(Math.sqrt(7.0 / 192.0), q[0], 1e-12);
        assertEquals(0.574524259714, q[1], 1e-10);
    }

    @Test
    void matchesLammpsOrientorderOnVibratingCrystalAndLiquid(@TempDir Path dir) throws Exception {
        Path lmp = SharedData.requireLammps();
        for (String name : new String[] {"crystal", "liquid"}) {
            AtomSystem s = name.equals("crystal")
                ? anionsOnly(TestStructures.antifluorite(4, 5.7, 0, 0, 0.3, 0, 11))
                : TestStructures.ljLiquid("S");
            double cut = name.equals("crystal") ? 5.0 : 5.6; // liquid argon: first g(r) minimum ≈ 5.3 Å
            Path data = dir.resolve(name + ".data");
            LammpsData.write(s, data, LammpsData.Style.ATOMIC);
            String input = String.join("\n",
                "units metal", "atom_style atomic", "boundary p p p",
                "read_data " + data.getFileName(),
                "pair_style zero 6.0", "pair_coeff * *",
                "compute q all orientorder/atom degrees 2 4 6 nnn 12 cutoff " + cut,
                "dump d all custom 1 " + name + ".dump id c_q[1] c_q[2]",
                "dump_modify d sort id format float %.15g",
                "run 0", "");
            Files.writeString(dir.resolve("in." + name), input);
            Process p = new ProcessBuilder(lmp.toString(), "-in", "in." + name, "-log", "none", "-screen", "none")
                .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(dir.resolve(name + ".out").toFile()).start();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("lmp did not finish");
            }
            assertEquals(0, p.exitValue(), "lmp failed: " + Files.readString(dir.resolve(name + ".out")));
            DumpFrame ref = LammpsDumpReader.readAll(dir.resolve(name + ".dump")).get(0);
            double[] ids = ref.column("id"), q4 = ref.column("c_q[1]"), q6 = ref.column("c_q[2]");

            LocalAtoms v = new SerialView().build(s, cut);
            Steinhardt st = new Steinhardt(12);
            double[] q = new double[2];
            boolean[] all = new boolean[s.species().size()];
            java.util.Arrays.fill(all, true);
            int nonzero = 0;
            for (int r = 0; r < ref.atoms(); r++) {
                int i = indexOf(v, (long) ids[r]);
                st.compute(v, i, all, cut, new int[] {4, 6}, q);
                assertEquals(q4[r], q[0], 1e-9, name + ": q4 of atom " + (long) ids[r]);
                assertEquals(q6[r], q[1], 1e-9, name + ": q6 of atom " + (long) ids[r]);
                if (q[1] > 0) nonzero++;
            }
            assertEquals(true, nonzero > ref.atoms() / 2, name + ": most atoms have 12 neighbours within the cut-off");
        }
    }

    private static int indexOf(LocalAtoms v, long id) {
        for (int i = 0; i < v.nlocal; i++) if (v.id[i] == id) return i;
        throw new AssertionError("no atom " + id);
    }

    /** The anion sublattice alone, as one species. */
    static AtomSystem anionsOnly(AtomSystem s) {
        AtomSystem out = new AtomSystem(SpeciesTable.of("S"), s.box().copy(), s.size());
        for (int i = 0; i < s.size(); i++) {
            if (s.species().symbol(s.type()[i]).equals("Li")) continue;
            out.add(0, s.x()[3 * i], s.x()[3 * i + 1], s.x()[3 * i + 2]);
        }
        return out;
    }
}
