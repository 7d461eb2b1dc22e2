package io.ionstream.engine.analysis.diffusion;

import io.ionstream.engine.analysis.fit.LeastSquares;
import io.ionstream.engine.analysis.fit.LinearFit;
import io.ionstream.engine.units.MetalUnits;

/**
 * Fits an all-origin MSD on a time window: α from a straight line through log MSD vs log t, and
 * D from MSD = a + 2 n D t by generalised least squares with the {@link RandomWalkCovariance}
 * of the MSD points (which are strongly correlated because time origins overlap), so that the
 * error on D reflects the real information in the trajectory rather than the number of lags.
 * At most {@link #MAX_POINTS} equally spaced lags of the window enter the fit (adding more
 * highly correlated points changes neither D nor its error appreciably).
 */
public final class DiffusionFit {
    public static final int MAX_POINTS = 60;
    public static final double NORMAL_MIN = 0.9, NORMAL_MAX = 1.1;

    private DiffusionFit() {}

    /**
     * Default window: from 40 % to 85 % of the trajectory's length. Late, because the MSD's
     * intercept (cage rattling, ballistic start) bends the log-log slope below 1 at early times,
     * as in the seeds' 3-5 ns windows of 5 ns runs; not to the very end, where few origins remain.
     */
    public static double[] defaultWindow(Msd msd) {
        double tmax = msd.time()[msd.lags() - 1];
        return new double[] {0.40 * tmax, 0.85 * tmax};
    }

    public static DiffusionResult fit(Msd msd, Projection p, double tStart, double tEnd) {
        if (!msd.allOrigins()) throw new IllegalArgumentException("diffusion fits need an all-origin MSD");
        if (!(tEnd > tStart) || tStart < 0) {
            throw new IllegalArgumentException("fit window must satisfy 0 ≤ start < end, got " + tStart + " to " + tEnd + " ps");
        }
        double[] t = msd.time();
        double[] y = msd.projected(p);
        int first = -1, last = -1;
        for (int m = 1; m < t.length; m++) {
            if (t[m] >= tStart - 1e-9 && t[m] <= tEnd + 1e-9) {
                if (first < 0) first = m;
                last = m;
            }
        }
        int available = first < 0 ? 0 : last - first + 1;
        if (available < 3) {
            throw new IllegalArgumentException(String.format(
                "too few MSD points in the window %.4g–%.4g ps: %d (need at least 3; the trajectory spans %.4g ps in "
                    + "steps of %.4g ps)", tStart, tEnd, available, t[t.length - 1], msd.frameInterval()));
        }
        int points = Math.min(available, MAX_POINTS);
        int[] lags = new int[points];
        for (int k = 0; k < points; k++) {
            lags[k] = first + (int) Math.round((double) k * (last - first) / Math.max(points - 1, 1));
        }
        double[] tt = new double[points], yy = new double[points];
        for (int k = 0; k < points; k++) {
            tt[k] = t[lags[k]];
            yy[k] = y[lags[k]];
        }
        double[] alpha = exponent(tt, yy);
        int n = p.dimensions();
        double[][] cov = RandomWalkCovariance.unitCovariance(msd.frames(), lags, n);
        LinearFit gls = LeastSquares.generalised(LeastSquares.lineDesign(tt), yy, cov);
        double slope = gls.parameter(1);
        // the unit covariance is for s² = 1 per component per frame; here s² = 2 D Δt = slope Δt / n
        double s2 = Math.abs(slope) * msd.frameInterval() / n;
        double slopeError = s2 * Math.sqrt(Math.max(gls.covariance(1, 1), 0) / msd.atoms());
        double d = slope / (2 * n) * MetalUnits.A2_PER_PS_TO_CM2_PER_S;
        double dErr = slopeError / (2 * n) * MetalUnits.A2_PER_PS_TO_CM2_PER_S;
        boolean normal = alpha[0] >= NORMAL_MIN && alpha[0] <= NORMAL_MAX && slope > 0;
        return new DiffusionResult(d, dErr, alpha[0], alpha[1], normal, gls.parameter(0), tt[0], tt[points - 1], points,
            msd.atoms(), p, "generalised least squares with the random-walk covariance of overlapping time origins");
    }

    /** α and its (uncorrelated, indicative) standard error from log MSD vs log t. */
    static double[] exponent(double[] t, double[] y) {
        int k = 0;
        double[] lx = new double[t.length], ly = new double[t.length];
        for (int i = 0; i < t.length; i++) {
            if (t[i] > 0 && y[i] > 0) {
                lx[k] = Math.log(t[i]);
                ly[k] = Math.log(y[i]);
                k++;
            }
        }
        if (k < 3) {
            throw new IllegalArgumentException("the MSD is not positive on enough of the window to fit its exponent ("
                + k + " positive points, need 3): the atoms barely move or the window is too early");
        }
        LinearFit f = LeastSquares.line(java.util.Arrays.copyOf(lx, k), java.util.Arrays.copyOf(ly, k));
        return new double[] {f.parameter(1), f.error(1)};
    }
}
