package io.ionstream.engine.protocol;

import io.ionstream.engine.potential.ForceField;
import io.ionstream.engine.potential.pair.LjCut;
import io.ionstream.engine.system.AtomSystem;
import io.ionstream.engine.system.Box;
import io.ionstream.engine.system.SpeciesTable;

/**
 * Argon as a Lennard-Jones model with the parameters of the LAMMPS reference liquid
 * ({@code ../shared/lammps-reference/in.msd}: ε = 0.0104 eV, σ = 3.405 Å, m = 39.948 amu), and
 * fcc crystals to start from: the self-contained system of the engine demo and of the ensemble
 * tests.
 */
public final class LjArgon {
    /** ε (eV). */
    public static final double EPSILON = 0.0104;
    /** σ (Å). */
    public static final double SIGMA = 3.405;
    /** Mass (amu), as in the reference input. */
    public static final double MASS = 39.948;
    /** The reference cut-off (Å). */
    public static final double CUTOFF = 8.5;
    /** fcc lattice constant of the reference liquid's start (Å): ρ = 4/5.8³ Å⁻³. */
    public static final double LIQUID_LATTICE = 5.8;

    private LjArgon() {}

    public static SpeciesTable species() {
        return new SpeciesTable(new String[] {"Ar"}, new double[] {MASS});
    }

    /** lj/cut with the argon parameters at the given cut-off (Å). */
    public static ForceField forceField(double cutoff) {
        return ForceField.of(new LjCut(1, cutoff).coeff(0, 0, EPSILON, SIGMA));
    }

    /** An fcc crystal of {@code na × nb × nc} cubic cells with lattice constant {@code a} (Å), atoms at rest. */
    public static AtomSystem fcc(int na, int nb, int nc, double a) {
        if (na < 1 || nb < 1 || nc < 1) throw new IllegalArgumentException("fcc needs at least one cell per direction, got " + na + "x" + nb + "x" + nc);
        if (!(a > 0) || !Double.isFinite(a)) throw new IllegalArgumentException("fcc lattice constant must be positive, got " + a);
        double[][] basis = {{0, 0, 0}, {0.5, 0.5, 0}, {0.5, 0, 0.5}, {0, 0.5, 0.5}};
        AtomSystem s = new AtomSystem(species(), Box.orthorhombic(na * a, nb * a, nc * a), 4 * na * nb * nc);
        for (int k = 0; k < nc; k++) {
            for (int j = 0; j < nb; j++) {
                for (int i = 0; i < na; i++) {
                    for (double[] b : basis) s.add(0, (i + b[0]) * a, (j + b[1]) * a, (k + b[2]) * a);
                }
            }
        }
        return s;
    }

    /** A cubic fcc crystal of {@code n³} cells. */
    public static AtomSystem fcc(int n, double a) {
        return fcc(n, n, n, a);
    }
}
