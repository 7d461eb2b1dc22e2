package io.ionstream.engine.md;

/**
 * Martyna-Tuckerman-Klein barostat settings, as LAMMPS {@code fix npt ... iso Pstart Pstop Pdamp}
 * or {@code ... z Pstart Pstop Pdamp}, with {@code pchain} thermostats on the barostat (3 by
 * default) and the MTK correction terms. Pressures in bar, {@code pDamp} in ps (LAMMPS suggests
 * about 1000 time steps).
 */
public record Barostat(Coupling coupling, double pStart, double pStop, double pDamp, int chain) {

    /** Which cell lengths the barostat moves. */
    public enum Coupling {
        /** All three lengths scale together, driven by the scalar pressure (LAMMPS {@code iso}). */
        ISO,
        /** Only Lz changes, driven by Pzz (LAMMPS {@code z}); Lx and Ly stay exactly as they are. */
        Z
    }

    public Barostat {
        if (coupling == null) throw new IllegalArgumentException("barostat coupling must be given (ISO or Z)");
        Check.finite("Pstart", pStart);
        Check.finite("Pstop", pStop);
        Check.positive("Pdamp", pDamp, "ps");
        if (chain < 0) throw new IllegalArgumentException("barostat chain length (pchain) must be >= 0, got " + chain);
    }

    public static Barostat iso(double pStart, double pStop, double pDamp) {
        return new Barostat(Coupling.ISO, pStart, pStop, pDamp, 3);
    }

    public static Barostat z(double pStart, double pStop, double pDamp) {
        return new Barostat(Coupling.Z, pStart, pStop, pDamp, 3);
    }

    double target(double delta) {
        return pStart + delta * (pStop - pStart);
    }
}
