package io.ionstream.engine.fe.model;

/**
 * Diffusivities of the three transport channels in one consistent unit (the effective tensor
 * comes out in the same unit): bulk (isotropic), along the boundary plane (D∥) and across it (D⊥).
 */
public record GbDiffusivities(double bulk, double parallel, double perpendicular) {
    public GbDiffusivities {
        check("bulk", bulk);
        check("grain-boundary parallel", parallel);
        check("grain-boundary perpendicular", perpendicular);
    }

    private static void check(String what, double d) {
        if (!(d > 0) || !Double.isFinite(d)) throw new IllegalArgumentException(what + " diffusivity must be positive and finite, got " + d);
    }

    /** Isotropic boundary: D∥ = D⊥ = dGb. */
    public static GbDiffusivities isotropic(double bulk, double dGb) {
        return new GbDiffusivities(bulk, dGb, dGb);
    }

    /** The orientation-averaged boundary diffusivity (2D∥ + D⊥)/3. */
    public double gbMean() { return (2 * parallel + perpendicular) / 3; }

    public GbDiffusivities scaled(double f) {
        return new GbDiffusivities(bulk * f, parallel * f, perpendicular * f);
    }
}
