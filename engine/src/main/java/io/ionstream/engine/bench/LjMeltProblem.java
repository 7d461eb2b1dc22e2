package io.ionstream.engine.bench;

import io.ionstream.engine.md.Velocities;
import io.ionstream.engine.neighbor.NeighborSettings;
import io.ionstream.engine.potential.ForceField;
import io.ionstream.engine.potential.pair.LjCut;
import io.ionstream.engine.system.AtomSystem;
import io.ionstream.engine.system.Box;
import io.ionstream.engine.system.SpeciesTable;
import io.ionstream.engine.units.MetalUnits;
import java.util.Locale;

/**
 * LAMMPS's {@code bench/in.lj} problem (3d Lennard-Jones melt) in metal units: an fcc lattice at
 * reduced density 0.8442 σ⁻³ ({@code cells}³ conventional cells, 4 atoms each; 20³ = 32 000 in
 * the original), cut-off 2.5σ, skin 0.3σ, NVE with time step 0.005τ starting at T* = 1.44,
 * lists rebuilt every 20 steps without a displacement check ({@code neigh_modify delay 0 every 20
 * check no}). Reduced units are mapped onto argon (ε = 0.0104 eV, σ = 3.405 Å, m = 39.948 amu),
 * which changes no number of the dynamics in reduced form. Shared by {@code bin/ionstream bench lj}
 * and tests, and it writes the equivalent LAMMPS input.
 */
public final class LjMeltProblem {
    private LjMeltProblem() {}

    public static final double EPSILON = 0.0104;
    public static final double SIGMA = 3.405;
    public static final double MASS = 39.948;
    public static final double REDUCED_DENSITY = 0.8442;
    public static final double REDUCED_TEMPERATURE = 1.44;
    public static final double REDUCED_CUTOFF = 2.5;
    public static final double REDUCED_SKIN = 0.3;
    public static final double REDUCED_TIMESTEP = 0.005;
    public static final int REBUILD_EVERY = 20;
    /** The velocity seed of LAMMPS's in.lj. */
    public static final long SEED = 87287;

    /** The LJ time unit τ = σ √(m/ε) in ps. */
    public static double tau() {
        return SIGMA * Math.sqrt(MASS * MetalUnits.MVV2E / EPSILON);
    }

    public static double timestep() { return REDUCED_TIMESTEP * tau(); }

    public static double temperature() { return REDUCED_TEMPERATURE * EPSILON / MetalUnits.BOLTZ; }

    public static double cutoff() { return REDUCED_CUTOFF * SIGMA; }

    public static double skin() { return REDUCED_SKIN * SIGMA; }

    /** fcc lattice constant (Å): 4 atoms per a³ at the reduced density. */
    public static double latticeConstant() {
        return Math.cbrt(4.0 / REDUCED_DENSITY) * SIGMA;
    }

    public static ForceField forceField() {
        return ForceField.of(new LjCut(1, cutoff()).coeff(0, 0, EPSILON, SIGMA));
    }

    /** Rebuild every 20 steps, no displacement check, spatial sort at every 10th build. */
    public static NeighborSettings neighborSettings() {
        return new NeighborSettings(skin(), REBUILD_EVERY, 0, false, 10);
    }

    /** The fcc crystal of {@code cells}³ conventional cells with Maxwell-Boltzmann velocities at T*. */
    public static AtomSystem system(int cells, long seed) {
        if (cells < 1) throw new IllegalArgumentException("lj melt: need at least one cell per edge, got " + cells);
        double a = latticeConstant();
        SpeciesTable species = new SpeciesTable(new String[] {"Ar"}, new double[] {MASS});
        AtomSystem sys = new AtomSystem(species, Box.orthorhombic(cells * a, cells * a, cells * a), 4 * cells * cells * cells);
        double[][] basis = {{0, 0, 0}, {0.5, 0.5, 0}, {0.5, 0, 0.5}, {0, 0.5, 0.5}};
        for (int iz = 0; iz < cells; iz++) {
            for (int iy = 0; iy < cells; iy++) {
                for (int ix = 0; ix < cells; ix++) {
                    for (double[] b : basis) sys.add(0, (ix + b[0]) * a, (iy + b[1]) * a, (iz + b[2]) * a);
                }
            }
        }
        Velocities.maxwellBoltzmann(sys, temperature(), seed);
        return sys;
    }

    /** The same problem as a LAMMPS input (metal units, single run of {@code steps} steps). */
    public static String lammpsInput(int cells, long steps) {
        return String.format(Locale.ROOT, String.join("\n",
            "# bench/in.lj (3d Lennard-Jones melt) in metal units: argon epsilon, sigma, mass",
            "units metal",
            "atom_style atomic",
            "lattice fcc %.12g",
            "region box block 0 %d 0 %d 0 %d",
            "create_box 1 box",
            "create_atoms 1 box",
            "mass 1 %.12g",
            "velocity all create %.12g %d loop geom",
            "pair_style lj/cut %.12g",
            "pair_coeff 1 1 %.12g %.12g",
            "neighbor %.12g bin",
            "neigh_modify delay 0 every %d check no",
            "fix 1 all nve",
            "timestep %.12g",
            "thermo_style custom step temp pe ke etotal press",
            "thermo_modify format float %%.12e",
            "run %d",
            ""),
            latticeConstant(), cells, cells, cells, MASS, temperature(), SEED, cutoff(), EPSILON, SIGMA, skin(),
            REBUILD_EVERY, timestep(), steps);
    }
}
