package io.ionstream.engine.structure;

/**
 * Structural parameters of Li6PS5X in F-43m with the free S on 4c (¼, ¼, ¼).
 *
 * <p>Defaults (SCIENCE.md §1, fitted to Morgan's public PBE AIMD of Li6PS5Cl in this setting):
 * S 16e x = 0.617 (P–S 2.06 Å), Li 48h (x, x, z) with x = 0.204 and z = +0.024 (positive z puts
 * the Li cage around the 4c S), and Li 24g (x, ¼, ¼) with x = 0.024, the midpoint of each 48h
 * pair (the 48h pair (0.204, 0.204, z), (0.296, 0.296, z) is symmetric about (¼, ¼, z)).
 *
 * @param halide        X
 * @param lattice       cubic lattice constant a (Å)
 * @param sulfur16eX    x of S on 16e (x, x, x)
 * @param lithium       24g or split 48h
 * @param lithium24gX   x of Li on 24g (x, ¼, ¼)
 * @param lithium48hX   x of Li on 48h (x, x, z)
 * @param lithium48hZ   z of Li on 48h (x, x, z)
 */
public record ArgyroditeParameters(Halide halide, double lattice, double sulfur16eX, LithiumSites lithium,
                                   double lithium24gX, double lithium48hX, double lithium48hZ) {
    public static final double S16E_X = 0.617;
    public static final double LI48H_X = 0.204;
    public static final double LI48H_Z = 0.024;

    public ArgyroditeParameters {
        if (!(lattice > 0) || !Double.isFinite(lattice)) {
            throw new IllegalArgumentException("argyrodite lattice constant must be positive, got " + lattice);
        }
        for (double v : new double[] {sulfur16eX, lithium24gX, lithium48hX, lithium48hZ}) {
            if (!Double.isFinite(v)) throw new IllegalArgumentException("argyrodite site parameter is not finite: " + v);
        }
    }

    /** The defaults for a halide: its default lattice constant, Li on 24g. */
    public static ArgyroditeParameters defaults(Halide halide) {
        return new ArgyroditeParameters(halide, halide.defaultLattice(), S16E_X, LithiumSites.G24, LI48H_Z, LI48H_X, LI48H_Z);
    }

    public ArgyroditeParameters withLattice(double a) {
        return new ArgyroditeParameters(halide, a, sulfur16eX, lithium, lithium24gX, lithium48hX, lithium48hZ);
    }

    public ArgyroditeParameters withLithium(LithiumSites sites) {
        return new ArgyroditeParameters(halide, lattice, sulfur16eX, sites, lithium24gX, lithium48hX, lithium48hZ);
    }

    public ArgyroditeParameters with48h(double x, double z) {
        return new ArgyroditeParameters(halide, lattice, sulfur16eX, lithium, lithium24gX, x, z);
    }
}
