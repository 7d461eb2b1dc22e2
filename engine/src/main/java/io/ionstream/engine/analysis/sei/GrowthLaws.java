package io.ionstream.engine.analysis.sei;

import io.ionstream.engine.analysis.fit.LeastSquares;
import io.ionstream.engine.analysis.fit.LinearFit;

/**
 * Growth laws of the SEI (seed 004): the reduced fraction grows as α(t) = a + b ln t, the
 * crystallinity as a power law c(t) = A (t − t₀)^p from its onset t₀, with p = ½ (diffusion-limited,
 * 300-350 K) or 1 (interface-limited, 400 K). The exponent is fitted freely (log-log least
 * squares) and the two candidate laws are compared by the Akaike information criterion,
 * AIC = n ln(RSS/n) + 2k, on the same points: the lower wins, and ΔAIC > 2 is a clear preference.
 */
public final class GrowthLaws {
    private GrowthLaws() {}

    /** a + b ln t (t in ps) with standard errors and R². */
    public record Logarithmic(double a, double aError, double b, double bError, double r2, int points) {
        public double at(double t) { return a + b * Math.log(t); }
    }

    /**
     * Free power law and the two candidates.
     *
     * @param p            fitted exponent, {@code pError} its standard error
     * @param amplitudeHalf A for p = ½, {@code amplitudeOne} A for p = 1
     * @param aicHalf      AIC of the p = ½ law, {@code aicOne} of p = 1
     */
    public record PowerLaw(double onset, double p, double pError, double amplitudeHalf, double amplitudeOne, double aicHalf,
                           double aicOne, int points) {
        /** "1/2" or "1": the candidate with the lower AIC. */
        public String preferred() { return aicHalf <= aicOne ? "1/2" : "1"; }

        public double deltaAic() { return Math.abs(aicHalf - aicOne); }
    }

    public static Logarithmic logarithmic(double[] t, double[] alpha) {
        int n = 0;
        double[] x = new double[t.length], y = new double[t.length];
        for (int i = 0; i < t.length; i++) {
            if (t[i] > 0) {
                x[n] = Math.log(t[i]);
                y[n] = alpha[i];
                n++;
            }
        }
        if (n < 3) throw new IllegalArgumentException("a logarithmic growth fit needs at least 3 points at t > 0, got " + n);
        x = java.util.Arrays.copyOf(x, n);
        y = java.util.Arrays.copyOf(y, n);
        LinearFit f = LeastSquares.line(x, y);
        double mean = 0, tss = 0;
        for (double v : y) mean += v / n;
        for (double v : y) tss += (v - mean) * (v - mean);
        double r2 = tss > 0 ? 1 - f.chiSquare() / tss : 1;
        return new Logarithmic(f.parameter(0), f.error(0), f.parameter(1), f.error(1), r2, n);
    }

    /** Power law of {@code c} after {@code onset} (points with t > onset and c > 0). */
    public static PowerLaw powerLaw(double[] t, double[] c, double onset) {
        int n = 0;
        double[] tau = new double[t.length], y = new double[t.length];
        for (int i = 0; i < t.length; i++) {
            if (t[i] > onset && c[i] > 0) {
                tau[n] = t[i] - onset;
                y[n] = c[i];
                n++;
            }
        }
        if (n < 3) {
            throw new IllegalArgumentException("a power-law fit of the crystallinity needs at least 3 points after its onset ("
                + onset + " ps) with non-zero crystallinity, got " + n);
        }
        double[] lx = new double[n], ly = new double[n];
        for (int i = 0; i < n; i++) {
            lx[i] = Math.log(tau[i]);
            ly[i] = Math.log(y[i]);
        }
        LinearFit free = LeastSquares.line(lx, ly);
        double[] half = fixedExponent(tau, y, n, 0.5), one = fixedExponent(tau, y, n, 1.0);
        return new PowerLaw(onset, free.parameter(1), free.error(1), half[0], one[0], aic(half[1], n, 1), aic(one[1], n, 1), n);
    }

    /** Least-squares amplitude of y = A τ^p and its residual sum of squares. */
    private static double[] fixedExponent(double[] tau, double[] y, int n, double p) {
        double sfy = 0, sff = 0;
        for (int i = 0; i < n; i++) {
            double f = Math.pow(tau[i], p);
            sfy += f * y[i];
            sff += f * f;
        }
        double a = sfy / sff, rss = 0;
        for (int i = 0; i < n; i++) {
            double r = y[i] - a * Math.pow(tau[i], p);
            rss += r * r;
        }
        return new double[] {a, rss};
    }

    static double aic(double rss, int n, int k) {
        return n * Math.log(Math.max(rss, 1e-300) / n) + 2 * k;
    }
}
