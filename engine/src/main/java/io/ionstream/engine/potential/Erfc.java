package io.ionstream.engine.potential;

/**
 * The complementary error function to double precision, for screened Coulomb terms (Java's
 * {@code Math} has none), fast enough for pair loops.
 *
 * <p>The smooth scaled function erfcx(x) = erfc(x)·exp(x²) is evaluated on [0, 6) from
 * piecewise Chebyshev interpolants (intervals of 0.5, degree 16: a table lookup and 16
 * multiply-adds), whose coefficients are computed once, at class initialisation, from a slow
 * reference evaluation: below x = 1.5 the Taylor series of erf and exp in 40-digit decimal
 * arithmetic (so that 1 − erf loses nothing), above it the Laplace continued fraction of erfc,
 * taken backwards from a depth that suffices for that x. Beyond 6 the continued fraction is short and used directly. The relative error
 * stays within a few ulps (below 5e-15; checked against high-precision values and against the
 * reference evaluation).
 */
public final class Erfc {
    private Erfc() {}

    private static final double INV_SQRT_PI = 1.0 / Math.sqrt(Math.PI);
    /** Below: decimal series; above: continued fraction (which converges slowly for small x). */
    private static final double SERIES_LIMIT = 1.5;
    /** Interpolation table: intervals [m/2, (m+1)/2) for m < 12, 17 Chebyshev coefficients each. */
    private static final int INTERVALS = 12, COEFFS = 17;
    private static final double TABLE_END = 0.5 * INTERVALS;
    private static final double[] CHEB = chebyshevTable();

    /** erfc(x) = 1 − erf(x). */
    public static double erfc(double x) {
        if (Double.isNaN(x)) return Double.NaN;
        if (x < 0) return 2.0 - erfc(-x);
        if (x > 27.3) return 0.0; // below the smallest subnormal
        return erfcScaled(x) * Math.exp(-x * x);
    }

    /**
     * The scaled function erfc(x)·exp(x²) for x ≥ 0, so that callers which already have
     * exp(−x²) (for the force) pay for one exponential only.
     */
    public static double erfcScaled(double x) {
        if (x < TABLE_END) {
            if (!(x >= 0)) throw new IllegalArgumentException("erfcScaled needs x >= 0, got " + x);
            int m = (int) (2.0 * x);
            double t = 4.0 * x - 2 * m - 1.0; // [m/2, (m+1)/2) onto [-1, 1)
            int base = m * COEFFS;
            double b1 = 0, b2 = 0;
            for (int j = base + COEFFS - 1; j > base; j--) {
                double b0 = CHEB[j] + 2.0 * t * b1 - b2;
                b2 = b1;
                b1 = b0;
            }
            return 0.5 * CHEB[base] + t * b1 - b2;
        }
        return continuedFraction(x);
    }

    /** Chebyshev coefficients of erfcx on each table interval, from the reference evaluation at the nodes. */
    private static double[] chebyshevTable() {
        double[] c = new double[INTERVALS * COEFFS];
        double[] f = new double[COEFFS];
        for (int m = 0; m < INTERVALS; m++) {
            for (int k = 0; k < COEFFS; k++) {
                double t = Math.cos(Math.PI * (k + 0.5) / COEFFS);
                f[k] = referenceScaled(0.5 * m + 0.25 * (t + 1.0));
            }
            for (int j = 0; j < COEFFS; j++) {
                double s = 0;
                for (int k = 0; k < COEFFS; k++) s += f[k] * Math.cos(Math.PI * j * (k + 0.5) / COEFFS);
                c[m * COEFFS + j] = 2.0 / COEFFS * s;
            }
        }
        return c;
    }

    /** The slow reference evaluation of erfc(x)·exp(x²), x ≥ 0 (package-private for tests). */
    static double referenceScaled(double x) {
        if (x < SERIES_LIMIT) return seriesScaled(x);
        return continuedFraction(x);
    }

    /**
     * (1 − erf x)·exp(x²) for 0 ≤ x &lt; 1.5 from the Taylor series of erf and of exp in 40-digit
     * decimal arithmetic, so that the cancellation in 1 − erf costs nothing: correctly rounded.
     */
    private static double seriesScaled(double x) {
        java.math.MathContext mc = new java.math.MathContext(40);
        java.math.BigDecimal bx = new java.math.BigDecimal(x), x2 = bx.multiply(bx, mc);
        java.math.BigDecimal tiny = new java.math.BigDecimal("1e-45");
        // erf(x) √π / 2 = Σ (−1)ⁿ x^(2n+1) / (n! (2n+1))
        java.math.BigDecimal power = bx, erfSum = bx;
        for (int n = 1; power.abs().compareTo(tiny) > 0; n++) {
            power = power.multiply(x2, mc).divide(java.math.BigDecimal.valueOf(-n), mc);
            erfSum = erfSum.add(power.divide(java.math.BigDecimal.valueOf(2L * n + 1), mc), mc);
        }
        java.math.BigDecimal term = java.math.BigDecimal.ONE, exp = java.math.BigDecimal.ONE;
        for (int n = 1; term.compareTo(tiny) > 0; n++) {
            term = term.multiply(x2, mc).divide(java.math.BigDecimal.valueOf(n), mc);
            exp = exp.add(term, mc);
        }
        java.math.BigDecimal sqrtPi = new java.math.BigDecimal(
            "3.141592653589793238462643383279502884197169399375").sqrt(mc);
        java.math.BigDecimal erf = erfSum.multiply(java.math.BigDecimal.valueOf(2), mc).divide(sqrtPi, mc);
        return java.math.BigDecimal.ONE.subtract(erf, mc).multiply(exp, mc).doubleValue();
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
