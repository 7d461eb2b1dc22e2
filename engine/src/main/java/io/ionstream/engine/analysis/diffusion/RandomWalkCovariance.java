package io.ionstream.engine.analysis.diffusion;

/**
 * The covariance of all-origin MSD estimates at different lags for independent Gaussian random
 * walkers: the model that turns correlated, overlapping time origins into an honest error bar
 * on D (the idea behind kinisi's generalised least squares, here in exact closed form for the
 * estimator we use rather than an approximation).
 *
 * <p>For one walker and one component with step variance s² per frame, the squared displacement
 * over lag m from origin k is Δ²_{k,m} with Δ a sum of m independent steps, and
 * Cov(Δ²_{k,m}, Δ²_{k',m'}) = 2 s⁴ O², O being the number of steps the two windows share. So
 * Cov(MSD(m), MSD(m')) = 2 n s⁴ Σ_{k,k'} O(k,m;k',m')² / ((N−m)(N−m') M) for n components and
 * M walkers; the double sum depends only on the origin offset and is summed over it in
 * O(m + m'). With s² = 2 D Δt the covariance scales as D², so the generalised fit's estimate of
 * D does not depend on it and its variance follows from D itself.
 */
public final class RandomWalkCovariance {
    private RandomWalkCovariance() {}

    /** Σ_{k,k'} O² for lags m, m' (in frames) of an N-frame trajectory. */
    public static double overlapSquares(int n, int m, int mp) {
        double s = 0;
        for (int d = -(mp - 1); d <= m - 1; d++) {
            int o = Math.min(m, d + mp) - Math.max(0, d);
            if (o <= 0) continue;
            int kmin = Math.max(0, -d);
            int kmax = Math.min(n - m - 1, n - mp - 1 - d);
            int c = kmax - kmin + 1;
            if (c > 0) s += (double) c * o * o;
        }
        return s;
    }

    /**
     * Covariance matrix of the n-dimensional MSD at the given lags (frames) for unit step
     * variance and one walker: multiply by s⁴ / M for s² per component per frame and M walkers.
     */
    public static double[][] unitCovariance(int frames, int[] lags, int dimensions) {
        int p = lags.length;
        double[][] c = new double[p][p];
        for (int i = 0; i < p; i++) {
            for (int j = i; j < p; j++) {
                double v = 2.0 * dimensions * overlapSquares(frames, lags[i], lags[j])
                    / ((double) (frames - lags[i]) * (frames - lags[j]));
                c[i][j] = v;
                c[j][i] = v;
            }
        }
        return c;
    }
}
