package io.ionstream.engine.analysis.fit;

/**
 * Cholesky factorisation L Lᵀ of a symmetric positive-definite matrix, with solves and the
 * inverse. A matrix that is not positive definite (singular design, duplicated points) is an
 * {@link IllegalArgumentException} naming what was being factorised.
 */
public final class Cholesky {
    private final double[][] l;
    private final int n;

    private Cholesky(double[][] l) {
        this.l = l;
        this.n = l.length;
    }

    public static Cholesky factor(double[][] a, String what) {
        int n = a.length;
        double[][] l = new double[n][n];
        double scale = 0;
        for (int i = 0; i < n; i++) scale = Math.max(scale, Math.abs(a[i][i]));
        for (int i = 0; i < n; i++) {
            if (a[i].length != n) throw new IllegalArgumentException(what + " is not square");
            for (int j = 0; j <= i; j++) {
                double s = a[i][j];
                for (int k = 0; k < j; k++) s -= l[i][k] * l[j][k];
                if (i == j) {
                    if (!(s > 1e-14 * scale)) {
                        throw new IllegalArgumentException(what + " is singular or not positive definite (pivot " + (i + 1)
                            + " = " + s + "): the points do not determine the fit");
                    }
                    l[i][i] = Math.sqrt(s);
                } else {
                    l[i][j] = s / l[j][j];
                }
            }
        }
        return new Cholesky(l);
    }

    /** Solves A x = b. */
    public double[] solve(double[] b) {
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double s = b[i];
            for (int k = 0; k < i; k++) s -= l[i][k] * y[k];
            y[i] = s / l[i][i];
        }
        double[] x = new double[n];
        for (int i = n - 1; i >= 0; i--) {
            double s = y[i];
            for (int k = i + 1; k < n; k++) s -= l[k][i] * x[k];
            x[i] = s / l[i][i];
        }
        return x;
    }

    /** A⁻¹ of a symmetric positive-definite matrix. */
    public static double[][] inverse(double[][] a, String what) {
        Cholesky c = factor(a, what);
        int n = a.length;
        double[][] inv = new double[n][];
        for (int j = 0; j < n; j++) {
            double[] e = new double[n];
            e[j] = 1;
            inv[j] = c.solve(e);
        }
        return inv;
    }
}
