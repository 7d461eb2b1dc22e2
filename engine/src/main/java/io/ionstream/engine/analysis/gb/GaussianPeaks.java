package io.ionstream.engine.analysis.gb;

import io.ionstream.engine.analysis.fit.CurveModel;
import io.ionstream.engine.analysis.fit.LevenbergMarquardt;
import io.ionstream.engine.analysis.fit.LinearFit;

/**
 * Fits Gaussian peaks on a constant baseline to a periodic profile along z (the per-atom energy
 * of Li across the grain boundaries of a bicrystal): y(z) = c + Σ_k A_k Σ_images
 * exp(−(z − μ_k − n L)² / 2σ_k²). The GB width of seed 001 is δ = 6σ (99.7 % of the peak).
 *
 * @param centre   μ_k (Å)
 * @param sigma    σ_k (Å) and its standard error
 * @param height   A_k
 * @param baseline c
 */
public record GaussianPeaks(double[] centre, double[] centreError, double[] sigma, double[] sigmaError, double[] height,
                            double baseline) {

    /** GB width δ = 6σ of peak k. */
    public double width(int k) { return 6 * Math.abs(sigma[k]); }

    public double widthError(int k) { return 6 * sigmaError[k]; }

    /** Mean width over the peaks and its standard error. */
    public double meanWidth() {
        double s = 0;
        for (int k = 0; k < sigma.length; k++) s += width(k);
        return s / sigma.length;
    }

    public double meanWidthError() {
        double s = 0;
        for (int k = 0; k < sigma.length; k++) s += widthError(k) * widthError(k);
        return Math.sqrt(s) / sigma.length;
    }

    /**
     * Fits peaks near the given centres (Å) to the profile (bin centres {@code z}, values
     * {@code y}) of a cell of height {@code period}.
     */
    public static GaussianPeaks fit(double[] z, double[] y, double period, double[] centres) {
        int np = centres.length;
        if (np == 0) throw new IllegalArgumentException("no peak centres given");
        if (z.length < 3 * np + 2) {
            throw new IllegalArgumentException("a profile of " + z.length + " bins cannot determine " + np
                + " Gaussian peaks (" + (3 * np + 1) + " parameters): use more, narrower bins");
        }
        double min = Double.MAX_VALUE, max = -Double.MAX_VALUE;
        for (double v : y) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        double[] start = new double[1 + 3 * np];
        start[0] = median(y);
        for (int k = 0; k < np; k++) {
            start[1 + 3 * k] = Math.max(max - start[0], 1e-12);
            start[2 + 3 * k] = centres[k];
            start[3 + 3 * k] = period / (8.0 * np);
        }
        CurveModel model = (x, p, g) -> {
            g[0] = 1;
            double f = p[0];
            for (int k = 0; k < np; k++) {
                double a = p[1 + 3 * k], mu = p[2 + 3 * k], s = p[3 + 3 * k];
                double ga = 0, gmu = 0, gs = 0;
                for (int img = -1; img <= 1; img++) {
                    double d = x - mu - img * period;
                    double e = Math.exp(-d * d / (2 * s * s));
                    ga += e;
                    gmu += a * e * d / (s * s);
                    gs += a * e * d * d / (s * s * s);
                }
                f += a * ga;
                g[1 + 3 * k] = ga;
                g[2 + 3 * k] = gmu;
                g[3 + 3 * k] = gs;
            }
            return f;
        };
        LinearFit fit = LevenbergMarquardt.fit(model, z, y, start, 500);
        double[] mu = new double[np], mue = new double[np], s = new double[np], se = new double[np], a = new double[np];
        for (int k = 0; k < np; k++) {
            a[k] = fit.parameter(1 + 3 * k);
            mu[k] = fit.parameter(2 + 3 * k) - period * Math.floor(fit.parameter(2 + 3 * k) / period);
            mue[k] = fit.error(2 + 3 * k);
            s[k] = Math.abs(fit.parameter(3 + 3 * k));
            se[k] = fit.error(3 + 3 * k);
            if (!(s[k] > 0) || !Double.isFinite(se[k])) {
                throw new IllegalArgumentException("the Gaussian fit of peak " + (k + 1) + " near z = " + centres[k]
                    + " Å did not converge: is there a peak in the profile?");
            }
        }
        return new GaussianPeaks(mu, mue, s, se, a, fit.parameter(0));
    }

    private static double median(double[] y) {
        double[] c = y.clone();
        java.util.Arrays.sort(c);
        return c[c.length / 2];
    }
}
