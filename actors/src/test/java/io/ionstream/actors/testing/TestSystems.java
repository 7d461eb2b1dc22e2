package io.ionstream.actors.testing;

import io.ionstream.engine.md.Velocities;
import io.ionstream.engine.potential.ForceField;
import io.ionstream.engine.potential.pair.LjCut;
import io.ionstream.engine.system.AtomSystem;
import io.ionstream.engine.system.Box;
import io.ionstream.engine.system.SpeciesTable;
import java.util.Random;

/** Small systems for decomposition tests. */
public final class TestSystems {
    private TestSystems() {}

    /** Argon-like LJ (ε = 0.0104 eV, σ = 3.4 Å, r_c = 8.5 Å). */
    public static ForceField argon() {
        return ForceField.of(new LjCut(1, 8.5).coeff(0, 0, 0.0104, 3.4));
    }

    /** Two-species LJ with unequal pairs and a short cut-off. */
    public static ForceField binaryLj() {
        return ForceField.of(new LjCut(2, 6.0).coeff(0, 0, 0.010, 3.0).coeff(1, 1, 0.020, 3.3).coeff(0, 1, 0.015, 3.1));
    }

    /**
     * An fcc lattice of {@code k³} cubic cells (lattice constant a), atoms displaced randomly by
     * up to {@code jitter} Å, with Maxwell-Boltzmann velocities at {@code temperature}; ids are
     * shuffled so that id order is not space order.
     */
    public static AtomSystem fcc(SpeciesTable species, int ka, int kb, int kc, double a, double jitter,
                                 double temperature, long seed, Box shape) {
        Box box = shape != null ? shape : Box.orthorhombic(ka * a, kb * a, kc * a);
        int n = 4 * ka * kb * kc;
        AtomSystem sys = new AtomSystem(species, box, n);
        Random r = new Random(seed);
        double[][] basis = {{0, 0, 0}, {0.5, 0.5, 0}, {0.5, 0, 0.5}, {0, 0.5, 0.5}};
        double[] c = new double[3];
        for (int i = 0; i < ka; i++) for (int j = 0; j < kb; j++) for (int k = 0; k < kc; k++) {
            for (double[] b : basis) {
                double sa = (i + b[0]) / ka, sb = (j + b[1]) / kb, sc = (k + b[2]) / kc;
                box.toCartesian(sa, sb, sc, c, 0);
                int t = species.size() > 1 ? r.nextInt(species.size()) : 0;
                sys.add(t, c[0] + jitter * (2 * r.nextDouble() - 1), c[1] + jitter * (2 * r.nextDouble() - 1),
                    c[2] + jitter * (2 * r.nextDouble() - 1));
            }
        }
        long[] ids = sys.id();
        for (int i = n - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            long tmp = ids[i]; ids[i] = ids[j]; ids[j] = tmp;
        }
        if (temperature > 0) Velocities.maxwellBoltzmann(sys, temperature, seed);
        return sys;
    }

    public static AtomSystem argonCrystal(int k, double temperature, long seed) {
        return fcc(SpeciesTable.of("Ar"), k, k, k, 5.26, 0.1, temperature, seed, null);
    }
}
