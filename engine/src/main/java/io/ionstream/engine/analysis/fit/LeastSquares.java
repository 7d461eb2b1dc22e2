package io.ionstream.engine.analysis.fit;

/**
 * Linear least squares for small designs (a handful of parameters): ordinary (covariance from
 * the residual variance), weighted (known independent errors) and generalised (a full
 * covariance matrix of the data, for correlated points such as an MSD from overlapping time
 * origins). Every failure is an {@link IllegalArgumentException} naming the problem, never NaN.
 */
public final class LeastSquares {
    private LeastSquares() {}

    /** Straight line y = β0 + β1 x, ordinary least squares; needs ≥ 3 points for an error. */
    public static LinearFit line(double[] x, double[] y) {
        return ordinary(lineDesign(x), y);
    }

    /** Straight line with independent errors {@code sigma} on y (absolute weights 1/σ²). */
    public static LinearFit line(double[] x, double[] y, double[] sigma) {
        return weighted(lineDesign(x), y, sigma);
    }

    /** Design matrix [1, x]. */
    public static double[][] lineDesign(double[] x) {
        double[][] a = new double[x.length][2];
        for (int i = 0; i < x.length; i++) {
            a[i][0] = 1;
            a[i][1] = x[i];
        }
        return a;
    }

    /**
     * Ordinary least squares; the parameter covariance is s²(AᵀA)⁻¹ with s² = RSS/(n − p), so it
     * needs more points than parameters.
     */
    public static LinearFit ordinary(double[][] a, double[] y) {
        int n = checkShape(a, y);
        int p = a[0].length;
        if (n <= p) {
            throw new IllegalArgumentException("too few points for a least-squares fit with an error estimate: "
                + n + " points for " + p + " parameters (need at least " + (p + 1) + ")");
        }
        double[][] ata = new double[p][p];
        double[] aty = new double[p];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < p; j++) {
                aty[j] += a[i][j] * y[i];
                for (int k = 0; k < p; k++) ata[j][k] += a[i][j] * a[i][k];
            }
        }
        double[][] inv = Cholesky.inverse(ata, "normal equations");
        double[] beta = multiply(inv, aty);
        double rss = residualSquares(a, y, beta, null);
        double s2 = rss / (n - p);
        for (double[] row : inv) for (int k = 0; k < p; k++) row[k] *= s2;
        return new LinearFit(beta, inv, rss, n);
    }

    /** Weighted least squares with independent absolute errors; covariance (AᵀWA)⁻¹. */
    public static LinearFit weighted(double[][] a, double[] y, double[] sigma) {
        int n = checkShape(a, y);
        if (sigma.length != n) throw new IllegalArgumentException(n + " points but " + sigma.length + " errors");
        int p = a[0].length;
        if (n < p) throw new IllegalArgumentException("too few points: " + n + " points for " + p + " parameters");
        double[][] ata = new double[p][p];
        double[] aty = new double[p];
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            if (!(sigma[i] > 0) || !Double.isFinite(sigma[i])) {
                throw new IllegalArgumentException("point " + (i + 1) + " has error " + sigma[i] + "; errors must be positive");
            }
            w[i] = 1.0 / (sigma[i] * sigma[i]);
            for (int j = 0; j < p; j++) {
                aty[j] += w[i] * a[i][j] * y[i];
                for (int k = 0; k < p; k++) ata[j][k] += w[i] * a[i][j] * a[i][k];
            }
        }
        double[][] inv = Cholesky.inverse(ata, "weighted normal equations");
        double[] beta = multiply(inv, aty);
        return new LinearFit(beta, inv, residualSquares(a, y, beta, w), n);
    }

    /**
     * Generalised least squares with the data covariance {@code cov} (n × n, symmetric positive
     * definite): β = (AᵀΣ⁻¹A)⁻¹AᵀΣ⁻¹y, parameter covariance (AᵀΣ⁻¹A)⁻¹, χ² = rᵀΣ⁻¹r.
     */
    public static LinearFit generalised(double[][] a, double[] y, double[][] cov) {
        int n = checkShape(a, y);
        int p = a[0].length;
        if (n < p) throw new IllegalArgumentException("too few points: " + n + " points for " + p + " parameters");
        Cholesky chol = Cholesky.factor(cov, "data covariance");
        double[][] sinvA = new double[p][];
        for (int k = 0; k < p; k++) {
            double[] col = new double[n];
            for (int i = 0; i < n; i++) col[i] = a[i][k];
            sinvA[k] = chol.solve(col);
        }
        double[][] m = new double[p][p];
        double[] rhs = new double[p];
        for (int j = 0; j < p; j++) {
            for (int i = 0; i < n; i++) rhs[j] += sinvA[j][i] * y[i];
            for (int k = 0; k < p; k++) {
                double s = 0;
                for (int i = 0; i < n; i++) s += a[i][j] * sinvA[k][i];
                m[j][k] = s;
            }
        }
        double[][] inv = Cholesky.inverse(m, "generalised normal equations");
        double[] beta = multiply(inv, rhs);
        double[] r = new double[n];
        for (int i = 0; i < n; i++) {
            double f = 0;
            for (int k = 0; k < p; k++) f += a[i][k] * beta[k];
            r[i] = y[i] - f;
        }
        double[] sinvR = chol.solve(r);
        double chi2 = 0;
        for (int i = 0; i < n; i++) chi2 += r[i] * sinvR[i];
        return new LinearFit(beta, inv, chi2, n);
    }

    private static int checkShape(double[][] a, double[] y) {
        if (a.length != y.length) throw new IllegalArgumentException(a.length + " design rows but " + y.length + " values");
        if (a.length == 0) throw new IllegalArgumentException("no points to fit");
        for (int i = 0; i < y.length; i++) {
            if (!Double.isFinite(y[i])) throw new IllegalArgumentException("point " + (i + 1) + " is not finite: " + y[i]);
            for (double v : a[i]) {
                if (!Double.isFinite(v)) throw new IllegalArgumentException("abscissa of point " + (i + 1) + " is not finite");
            }
        }
        return a.length;
    }

    private static double residualSquares(double[][] a, double[] y, double[] beta, double[] w) {
        double s = 0;
        for (int i = 0; i < y.length; i++) {
            double f = 0;
            for (int k = 0; k < beta.length; k++) f += a[i][k] * beta[k];
            double r = y[i] - f;
            s += (w == null ? 1 : w[i]) * r * r;
        }
        return s;
    }

    private static double[] multiply(double[][] m, double[] v) {
        double[] out = new double[m.length];
        for (int i = 0; i < m.length; i++) {
            double s = 0;
            for (int k = 0; k < v.length; k++) s += m[i][k] * v[k];
            out[i] = s;
        }
        return out;
    }
}
