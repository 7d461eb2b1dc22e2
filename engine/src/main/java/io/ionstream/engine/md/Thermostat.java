package io.ionstream.engine.md;

/**
 * Nosé-Hoover chain thermostat settings, as LAMMPS {@code fix nvt/npt ... temp Tstart Tstop Tdamp
 * tchain M}: the target temperature goes linearly from {@code tStart} to {@code tStop} (K) over
 * the integrator's ramp length, {@code tDamp} (ps) is the relaxation time (LAMMPS suggests about
 * 100 time steps) and {@code chain} the number of thermostats in the chain.
 */
public record Thermostat(double tStart, double tStop, double tDamp, int chain) {
    public Thermostat {
        Check.finite("Tstart", tStart);
        Check.finite("Tstop", tStop);
        // LAMMPS accepts Tstart = 0, but a zero target gives the chain zero mass: ramp from a small T instead
        if (!(tStart > 0)) throw new IllegalArgumentException("thermostat Tstart must be > 0 K, got " + tStart);
        if (!(tStop > 0)) throw new IllegalArgumentException("thermostat Tstop must be > 0 K, got " + tStop);
        Check.positive("Tdamp", tDamp, "ps");
        if (chain < 1) throw new IllegalArgumentException("thermostat chain length (tchain) must be >= 1, got " + chain);
    }

    /** A chain of 3 (the LAMMPS default). */
    public static Thermostat of(double tStart, double tStop, double tDamp) {
        return new Thermostat(tStart, tStop, tDamp, 3);
    }

    /** Constant target temperature, chain of 3. */
    public static Thermostat at(double t, double tDamp) {
        return new Thermostat(t, t, tDamp, 3);
    }

    /** Target at ramp fraction {@code delta} in [0, 1]. */
    double target(double delta) {
        return tStart + delta * (tStop - tStart);
    }
}
