package io.ionstream.engine.analysis.diffusion;

/**
 * A diffusion coefficient from an MSD: D and its standard error (cm²/s), the exponent α of
 * MSD ∝ t^α on the same window and whether the motion is normal diffusion (0.9 ≤ α ≤ 1.1), the
 * intercept (Å²), the window actually used (ps), the lags fitted and the projection.
 */
public record DiffusionResult(double d, double dError, double alpha, double alphaError, boolean normal,
                              double interceptA2, double windowStart, double windowEnd, int points, int atoms,
                              Projection projection, String errorMethod) {

    /** D in Å²/ps. */
    public double dA2PerPs() { return d / io.ionstream.engine.units.MetalUnits.A2_PER_PS_TO_CM2_PER_S; }

    public String verdict() {
        if (normal) return "normal diffusion (α within [0.9, 1.1])";
        return alpha < 0.9 ? "sub-diffusive on this window (α < 0.9): D is not meaningful"
            : "super-diffusive on this window (α > 1.1): D is not meaningful";
    }
}
