package io.ionstream.engine.md;

import io.ionstream.engine.units.MetalUnits;

/** Temperature and pressure from reduced step sums, with LAMMPS's definitions. */
public final class Thermo {
    private Thermo() {}

    /** Instantaneous temperature (K) with 3N − 3 degrees of freedom. */
    public static double temperature(StepSums s) {
        return (s.mvv[0] + s.mvv[1] + s.mvv[2]) / (s.degreesOfFreedom() * MetalUnits.BOLTZ);
    }

    /** Scalar pressure (bar), kinetic plus virial part: (2 KE + tr W) / 3V. */
    public static double pressure(StepSums s, double volume) {
        return (s.mvv[0] + s.mvv[1] + s.mvv[2] + s.virial[0] + s.virial[1] + s.virial[2])
            / (3.0 * volume) * MetalUnits.NKTV2P;
    }

    /** Pressure tensor component k (bar), LAMMPS order xx, yy, zz, xy, xz, yz. */
    public static double pressureComponent(StepSums s, double volume, int k) {
        return (s.mvv[k] + s.virial[k]) / volume * MetalUnits.NKTV2P;
    }

    /** Pressure tensor (bar), LAMMPS order, into {@code out}. */
    public static void pressureTensor(StepSums s, double volume, double[] out) {
        for (int k = 0; k < 6; k++) out[k] = pressureComponent(s, volume, k);
    }
}
