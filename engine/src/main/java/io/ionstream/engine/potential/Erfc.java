package io.ionstream.engine.potential;

/**
 * The complementary error function to double precision, for screened Coulomb terms (Java's
 * {@code Math} has none). Below x = 1.5 it sums the Taylor series of erf (at most ~25 terms, no
 * harmful cancellation there); above, it evaluates the Laplace continued fraction of erfc
 * backwards from a depth that suffices for that x. Relative error stays near 1e-15 over the
 * whole range that matters for Ewald and damped Coulomb sums (x up to ~6).
 */
public final class Erfc {
    private Erfc() {}

    private static final double TWO_OVER_SQRT_PI = 2.0 / Math.sqrt(Math.PI);
    private static final double INV_SQRT_PI = 1.0 / Math.sqrt(Math.PI);
    /** Below: 1 − erf series (cancellation grows with x); above: continued fraction. */
    private static final double SWITCH = 1.5;

    /** erfc(x) = 1 − erf(x). */
    public static double erfc(double x) {
        if (Double.isNaN(x)) return Double.NaN;
        if (x < 0) return 2.0 - erfc(-x);
        if (x < SWITCH) return 1.0 - erfSeries(x);
        if (x > 27.3) return 0.0; // below the smallest subnormal
        return Math.exp(-x * x) * continuedFraction(x);
    }

    /**
     * The scaled function erfc(x)·exp(x²) for x ≥ 0, so that callers which already have
     * exp(−x²) (for the force) pay for one exponential only.
     */
    public static double erfcScaled(double x) {
        if (!(x >= 0)) throw new IllegalArgumentException("erfcScaled needs x >= 0, got " + x);
        if (x < SWITCH) return (1.0 - erfSeries(x)) * Math.exp(x * x);
        return continuedFraction(x);
    }

    /** erf(x) = 2/√π Σ (−1)ⁿ x^(2n+1) / (n! (2n+1)), summed until the terms no longer matter. */
    private static double erfSeries(double x) {
        double x2 = x * x;
        double power = x; // (−1)ⁿ x^(2n+1) / n!
        double sum = x;
        for (int n = 1; n < 200; n++) {
            power *= -x2 / n;
            double term = power / (2 * n + 1);
            sum += term;
            if (Math.abs(term) < 1e-17 * Math.abs(sum)) break;
        }
        return TWO_OVER_SQRT_PI * sum;
    }

    /**
     * erfc(x)·exp(x²) = 1/√π · 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + ...)))) for x ≥ 1.5, evaluated
     * from the tail; the depth needed for full precision shrinks quickly as x grows.
     */
    private static double continuedFraction(double x) {
        int depth = x < 2.0 ? 100 : x < 2.5 ? 64 : x < 4.0 ? 40 : 24;
        double f = x;
        for (int k = depth; k >= 1; k--) f = x + 0.5 * k / f;
        return INV_SQRT_PI / f;
    }
}
