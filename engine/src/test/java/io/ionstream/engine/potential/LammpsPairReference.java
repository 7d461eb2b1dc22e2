package io.ionstream.engine.potential;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ionstream.engine.SharedData;
import io.ionstream.engine.io.DumpFrame;
import io.ionstream.engine.io.LammpsData;
import io.ionstream.engine.io.LammpsDumpReader;
import io.ionstream.engine.system.AtomSystem;
import io.ionstream.engine.units.MetalUnits;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

/**
 * The LAMMPS pair-style reference of {@code ../shared/lammps-reference} ({@code in.pairs} on
 * {@code ionic.data}): loads the system, the dumps and the thermo rows, and compares our
 * results with them. Every expected number is read from those files.
 */
public final class LammpsPairReference {
    /** Runs of {@code in.pairs} in the order of {@code pairs_thermo.txt}. */
    public static final int LJ = 0, BUCK_COUL_DSF = 1, BUCK_COUL_EWALD = 2;

    private LammpsPairReference() {}

    public static AtomSystem ionicSystem() {
        return LammpsData.read(SharedData.file("lammps-reference/ionic.data"), null);
    }

    public static DumpFrame dump(String name) {
        return LammpsDumpReader.readAll(SharedData.file("lammps-reference/" + name)).get(0);
    }

    /** Thermo row of one run: step, pe, press, pxx, pyy, pzz, pxy, pxz, pyz, vol. */
    public static double[] thermo(int run) {
        List<double[]> rows = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(SharedData.file("lammps-reference/pairs_thermo.txt"))) {
                String t = line.strip();
                if (t.isEmpty() || t.startsWith("Step")) continue;
                String[] f = t.split("\\s+");
                double[] row = new double[f.length];
                for (int k = 0; k < f.length; k++) row[k] = Double.parseDouble(f[k]);
                rows.add(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows.get(run);
    }

    /** Largest force component magnitude in a dump (the scale for force tolerances). */
    public static double maxForce(DumpFrame ref) {
        double m = 0;
        for (String c : new String[] {"fx", "fy", "fz"}) for (double v : ref.column(c)) m = Math.max(m, Math.abs(v));
        return m;
    }

    /** Every force component of every atom within {@code absTol} (eV/Å), atoms matched by id. */
    public static void assertForces(DumpFrame ref, AtomSystem sys, double absTol) {
        double[] ids = ref.column("id"), fx = ref.column("fx"), fy = ref.column("fy"), fz = ref.column("fz");
        assertEquals(ref.atoms(), sys.size(), "atom count");
        for (int r = 0; r < ref.atoms(); r++) {
            long id = (long) ids[r];
            int i = sys.indexOfId(id);
            assertEquals(fx[r], sys.f()[3 * i], absTol, "fx of atom " + id);
            assertEquals(fy[r], sys.f()[3 * i + 1], absTol, "fy of atom " + id);
            assertEquals(fz[r], sys.f()[3 * i + 2], absTol, "fz of atom " + id);
        }
    }

    /** Per-atom energies (column c_pe) to a relative tolerance, atoms matched by id. */
    public static void assertPerAtomEnergies(DumpFrame ref, AtomSystem sys, double[] eatom, double relTol) {
        double[] ids = ref.column("id"), pe = ref.column("c_pe");
        double scale = 0;
        for (double e : pe) scale = Math.max(scale, Math.abs(e));
        for (int r = 0; r < ref.atoms(); r++) {
            long id = (long) ids[r];
            int i = sys.indexOfId(id);
            assertEquals(pe[r], eatom[i], relTol * Math.abs(pe[r]) + 1e-3 * relTol * scale, "pe of atom " + id);
        }
    }

    /**
     * Potential energy and the six pressure components (bar; LAMMPS's has no kinetic part here)
     * from our virial. Components are compared relative to the largest one: an off-diagonal
     * component is a sum of terms as large as the diagonal ones, so that is its round-off scale.
     */
    public static void assertEnergyAndPressure(double[] row, double energy, double[] virial, double volume,
                                               double relTol) {
        assertEquals(row[9], volume, 1e-12 * volume, "volume");
        assertEquals(row[1], energy, relTol * Math.abs(row[1]), "potential energy");
        double scale = 0;
        for (int k = 0; k < 6; k++) scale = Math.max(scale, Math.abs(row[3 + k]));
        double[] p = new double[6];
        for (int k = 0; k < 6; k++) p[k] = virial[k] / volume * MetalUnits.NKTV2P;
        String[] names = {"pxx", "pyy", "pzz", "pxy", "pxz", "pyz"};
        for (int k = 0; k < 6; k++) assertEquals(row[3 + k], p[k], relTol * scale, names[k]);
        assertEquals(row[2], (p[0] + p[1] + p[2]) / 3.0, relTol * scale, "scalar pressure");
    }
}
