package io.ionstream.engine.analysis.fit;

/**
 * Levenberg-Marquardt for small non-linear least-squares problems (a few parameters, hundreds of
 * points). The parameter covariance is s²(JᵀJ)⁻¹ at the optimum with s² = RSS/(n − p).
 */
public final class LevenbergMarquardt {
    private LevenbergMarquardt() {}

    public static LinearFit fit(CurveModel model, double[] x, double[] y, double[] start, int maxIterations) {
        int n = x.length, p = start.length;
        if (y.length != n) throw new IllegalArgumentException(n + " abscissae but " + y.length + " values");
        if (n <= p) {
            throw new IllegalArgumentException("too few points for the fit: " + n + " points for " + p + " parameters");
        }
        double[] par = start.clone();
        double[] g = new double[p];
        double lambda = 1e-3;
        double rss = rss(model, x, y, par, g);
        if (!Double.isFinite(rss)) throw new IllegalArgumentException("the model is not finite at the starting parameters");
        for (int it = 0; it < maxIterations; it++) {
            double[][] jtj = new double[p][p];
            double[] jtr = new double[p];
            for (int i = 0; i < n; i++) {
                double r = y[i] - model.value(x[i], par, g);
                for (int a = 0; a < p; a++) {
                    jtr[a] += g[a] * r;
                    for (int b = 0; b < p; b++) jtj[a][b] += g[a] * g[b];
                }
            }
            boolean improved = false;
            for (int tries = 0; tries < 30 && !improved; tries++) {
                double[][] m = new double[p][p];
                for (int a = 0; a < p; a++) {
                    m[a] = jtj[a].clone();
                    m[a][a] += lambda * Math.max(jtj[a][a], 1e-300);
                }
                double[] step;
                try {
                    step = Cholesky.factor(m, "damped normal equations").solve(jtr);
                } catch (IllegalArgumentException e) {
                    lambda *= 10;
                    continue;
                }
                double[] trial = par.clone();
                for (int a = 0; a < p; a++) trial[a] += step[a];
                double trialRss = rss(model, x, y, trial, g);
                if (Double.isFinite(trialRss) && trialRss <= rss) {
                    boolean converged = rss - trialRss <= 1e-12 * rss + 1e-300;
                    par = trial;
                    rss = trialRss;
                    lambda = Math.max(lambda / 10, 1e-12);
                    improved = true;
                    if (converged) return finish(model, x, y, par, rss);
                } else {
                    lambda *= 10;
                }
            }
            if (!improved) break;
        }
        return finish(model, x, y, par, rss);
    }

    private static LinearFit finish(CurveModel model, double[] x, double[] y, double[] par, double rss) {
        int n = x.length, p = par.length;
        double[] g = new double[p];
        double[][] jtj = new double[p][p];
        for (int i = 0; i < n; i++) {
            model.value(x[i], par, g);
            for (int a = 0; a < p; a++) for (int b = 0; b < p; b++) jtj[a][b] += g[a] * g[b];
        }
        double[][] cov = Cholesky.inverse(jtj, "Jacobian normal matrix at the optimum");
        double s2 = rss / (n - p);
        for (double[] row : cov) for (int k = 0; k < p; k++) row[k] *= s2;
        return new LinearFit(par, cov, rss, n);
    }

    private static double rss(CurveModel model, double[] x, double[] y, double[] par, double[] g) {
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            double r = y[i] - model.value(x[i], par, g);
            s += r * r;
        }
        return s;
    }
}
