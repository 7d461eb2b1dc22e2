package io.ionstream.engine.potential;

import java.util.Arrays;

/**
 * Where potentials accumulate ({@code +=}) their results: forces on every local and ghost atom
 * (interleaved, eV/Å), the energy (eV), the virial W_ab = Σ r_a f_b in LAMMPS order
 * (xx, yy, zz, xy, xz, yz; eV) and, when {@link #eatom} is non-null, per-atom energies.
 */
public final class ForceOutput {
    public double[] f;
    public double[] eatom;
    public double energy;
    public final double[] virial = new double[6];

    /**
     * Starts an evaluation that writes forces into {@code forces} (at least {@code 3 * nall}
     * long, typically the system's own force array) and clears the first {@code nall} atoms.
     */
    public void reset(double[] forces, int nall, boolean perAtomEnergy) {
        if (forces.length < 3 * nall) {
            throw new IllegalArgumentException("force array holds " + forces.length / 3 + " atoms, need " + nall);
        }
        f = forces;
        Arrays.fill(f, 0, 3 * nall, 0.0);
        if (perAtomEnergy) {
            if (eatom == null || eatom.length < nall) eatom = new double[nall + (nall >> 3)];
            else Arrays.fill(eatom, 0, nall, 0.0);
        } else {
            eatom = null;
        }
        energy = 0;
        Arrays.fill(virial, 0.0);
    }

    /**
     * Adds Σ_i x_i ⊗ f_i over all local and ghost atoms to the virial: the LAMMPS "fdotr" virial,
     * exact for forces computed on the flat local-plus-ghost set before ghost forces are folded
     * back (see {@link Potential#virialFromForces()}).
     */
    static void addFdotrVirial(double[] x, double[] f, int nall, double[] virial) {
        double vxx = 0, vyy = 0, vzz = 0, vxy = 0, vxz = 0, vyz = 0;
        for (int i = 0, k = 0; i < nall; i++, k += 3) {
            double px = x[k], py = x[k + 1], pz = x[k + 2];
            double fx = f[k], fy = f[k + 1], fz = f[k + 2];
            vxx += px * fx; vyy += py * fy; vzz += pz * fz;
            vxy += py * fx; vxz += pz * fx; vyz += pz * fy;
        }
        virial[0] += vxx; virial[1] += vyy; virial[2] += vzz;
        virial[3] += vxy; virial[4] += vxz; virial[5] += vyz;
    }
}
