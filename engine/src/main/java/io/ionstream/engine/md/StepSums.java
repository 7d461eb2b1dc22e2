package io.ionstream.engine.md;

import java.util.Arrays;

/**
 * The global sums one MD step needs, reduced over all atoms (or over subdomains as partial sums
 * in a fixed order): twice the kinetic-energy tensor Σ m v_a v_b (eV, LAMMPS order xx, yy, zz,
 * xy, xz, yz), the virial (eV), the potential energy, the atom count, and a free vector of
 * observable partial sums that rides along in the same message, plus the stepper's own sums and
 * maxima.
 */
public final class StepSums {
    public final double[] mvv = new double[6];
    public final double[] virial = new double[6];
    public double potentialEnergy;
    public long atoms;
    public double[] extra = new double[0];
    /**
     * Partial sums the stepper itself needs (a minimiser's dot products such as F·v, F·F),
     * summed like the rest; kept apart from {@link #extra}, which belongs to observables.
     */
    public double[] stepper = new double[0];
    /** Partial maxima the stepper needs (largest force component ...), combined by max. */
    public double[] stepperMax = new double[0];

    public void clear() {
        Arrays.fill(mvv, 0);
        Arrays.fill(virial, 0);
        potentialEnergy = 0;
        atoms = 0;
        Arrays.fill(extra, 0);
        Arrays.fill(stepper, 0);
        Arrays.fill(stepperMax, 0);
    }

    /** Adds another partial sum into this one. */
    public void add(StepSums o) {
        for (int k = 0; k < 6; k++) {
            mvv[k] += o.mvv[k];
            virial[k] += o.virial[k];
        }
        potentialEnergy += o.potentialEnergy;
        atoms += o.atoms;
        if (o.extra.length > extra.length) extra = Arrays.copyOf(extra, o.extra.length);
        for (int k = 0; k < o.extra.length; k++) extra[k] += o.extra[k];
        if (o.stepper.length > stepper.length) stepper = Arrays.copyOf(stepper, o.stepper.length);
        for (int k = 0; k < o.stepper.length; k++) stepper[k] += o.stepper[k];
        if (o.stepperMax.length > stepperMax.length) stepperMax = Arrays.copyOf(stepperMax, o.stepperMax.length);
        for (int k = 0; k < o.stepperMax.length; k++) stepperMax[k] = Math.max(stepperMax[k], o.stepperMax[k]);
    }

    /**
     * Makes {@link #stepper} hold at least {@code sums} and {@link #stepperMax} at least
     * {@code maxima} entries (allocates only when growing; contents are cleared by {@link #clear()}).
     */
    public void ensureStepper(int sums, int maxima) {
        if (stepper.length < sums) stepper = new double[sums];
        if (stepperMax.length < maxima) stepperMax = new double[maxima];
    }

    public void copyFrom(StepSums o) {
        clear();
        add(o);
    }

    /** Kinetic energy (eV). */
    public double kineticEnergy() {
        return 0.5 * (mvv[0] + mvv[1] + mvv[2]);
    }

    /** Degrees of freedom of the temperature: 3N − 3 (centre-of-mass momentum removed), as LAMMPS. */
    public double degreesOfFreedom() {
        return Math.max(3.0 * atoms - 3.0, 1.0);
    }

    /** Adds Σ m v_a v_b of the first {@code n} atoms (the kinetic-energy tensor, doubled) into {@link #mvv}. */
    public void addKinetic(double[] v, int[] type, double[] massByType, int n) {
        double xx = 0, yy = 0, zz = 0, xy = 0, xz = 0, yz = 0;
        for (int i = 0, k = 0; i < n; i++, k += 3) {
            double m = massByType[type[i]];
            double vx = v[k], vy = v[k + 1], vz = v[k + 2];
            xx += m * vx * vx; yy += m * vy * vy; zz += m * vz * vz;
            xy += m * vx * vy; xz += m * vx * vz; yz += m * vy * vz;
        }
        double c = io.ionstream.engine.units.MetalUnits.MVV2E;
        mvv[0] += c * xx; mvv[1] += c * yy; mvv[2] += c * zz;
        mvv[3] += c * xy; mvv[4] += c * xz; mvv[5] += c * yz;
        atoms += n;
    }
}
