package io.ionstream.engine.min;

/**
 * Whether a minimisation also relaxes the cell length along z, as LAMMPS {@code fix box/relax z
 * P}: Lz becomes one more degree of freedom, driven by Pzz − P (the minimised quantity is the
 * enthalpy E + P·V), Lx, Ly and the tilts' ratios to Lz stay fixed, and atoms follow the cell
 * affinely. {@code vmax} is the largest relative change of Lz in one step (LAMMPS's
 * {@code vmax}). Used to relax grain-boundary cells.
 */
public record BoxRelax(boolean z, double pressure, double vmax) {
    public BoxRelax {
        if (!Double.isFinite(pressure)) throw new IllegalArgumentException("box/relax target pressure must be finite, got " + pressure + " bar");
        if (!(vmax > 0) || !Double.isFinite(vmax)) throw new IllegalArgumentException("box/relax vmax must be positive, got " + vmax);
    }

    private static final BoxRelax NONE = new BoxRelax(false, 0.0, 0.001);

    /** Positions only. */
    public static BoxRelax none() {
        return NONE;
    }

    /** Relax Lz to the target Pzz (bar) with at most 0.1 % change per step. */
    public static BoxRelax z(double pressure) {
        return new BoxRelax(true, pressure, 0.001);
    }

    public BoxRelax withVmax(double v) {
        return new BoxRelax(z, pressure, v);
    }
}
