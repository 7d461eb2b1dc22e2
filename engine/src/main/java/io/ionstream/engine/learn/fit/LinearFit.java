package io.ionstream.engine.learn.fit;

/**
 * The exact (regularised) least-squares solution for the species and moment coefficients with
 * the radial coefficients fixed: the energy is linear in them (E = Σ_t n_t c_t + Σ_l ξ_l Σ_i M_l(i)),
 * and so are forces and virials through ∂M_l/∂d_j ({@link TrainingKernel#design}). The weighted
 * rows of every configuration (energy, 3N forces, 6 virial components) are stacked column by
 * column and solved by Householder QR, which keeps the full precision that forming AᵀA would
 * halve; Tikhonov regularisation λ·|column|² is a block of extra rows. Rows are built in fixed
 * chunks of configurations on several threads and stacked in configuration order.
 */
final class LinearFit {
    private static final int CHUNKS = 16;

    private LinearFit() {}

    /** Replaces the species and moment coefficients of θ by the least-squares solution. */
    static void solve(TrainingSet set, LossWeights w, double[] theta, double scaling, double lambda, Blocks blocks) {
        TrainingPlan p = set.plan;
        final int C = p.species, L = p.scalars, P = C + L;
        final int configs = set.configs.size();
        final int[] rowStart = new int[configs + 1];
        for (int k = 0; k < configs; k++) {
            TrainingSet.Config c = set.configs.get(k);
            rowStart[k + 1] = rowStart[k] + 1 + 3 * c.atoms + (c.stress != null && w.stress() > 0 ? 6 : 0);
        }
        final int rows = rowStart[configs] + P;
        final double[][] col = new double[P][rows];
        final double[] rhs = new double[rows];
        final int chunks = Math.min(CHUNKS, configs);
        blocks.run(chunks, t -> {
            TrainingKernel kernel = new TrainingKernel(p);
            return ch -> {
                int from = (int) ((long) ch * configs / chunks), to = (int) ((long) (ch + 1) * configs / chunks);
                for (int k = from; k < to; k++) rows(set.configs.get(k), p, w, theta, scaling, kernel, col, rhs, rowStart[k]);
            };
        });
        // regularisation rows: sqrt(λ)·|column| on the diagonal (a tiny floor for empty columns)
        double maxNorm = 0;
        double[] norm = new double[P];
        for (int j = 0; j < P; j++) {
            double s = 0;
            for (int r = 0; r < rows - P; r++) s += col[j][r] * col[j][r];
            norm[j] = Math.sqrt(s);
            maxNorm = Math.max(maxNorm, norm[j]);
        }
        if (!(maxNorm > 0)) throw new IllegalStateException("the linear least-squares problem is empty (no data?)");
        for (int j = 0; j < P; j++) col[j][rows - P + j] = norm[j] > 0 ? Math.sqrt(lambda) * norm[j] : 1e-6 * maxNorm;
        double[] x = HouseholderQr.solve(col, rhs, rows, P);
        System.arraycopy(x, 0, theta, p.speciesOffset(), P);
    }

    /** Writes the weighted rows of one configuration from row {@code r0} on. */
    private static void rows(TrainingSet.Config c, TrainingPlan p, LossWeights w, double[] theta, double scaling,
                             TrainingKernel kernel, double[][] col, double[] rhs, int r0) {
        final int C = p.species, L = p.scalars, na = c.atoms;
        final double se = Math.sqrt(w.energyWeight(na)), sf = Math.sqrt(w.force()), ss = Math.sqrt(w.stressWeight(na));
        final boolean stress = c.stress != null && w.stress() > 0;
        double[] scal = new double[L];
        int maxNb = 0;
        for (int i = 0; i < na; i++) maxNb = Math.max(maxNb, c.off[i + 1] - c.off[i]);
        double[] g = new double[3 * L * Math.max(1, maxNb)];
        final int rf = r0 + 1, rs = r0 + 1 + 3 * na;
        for (int i = 0; i < na; i++) {
            col[c.type[i]][r0] += se;
            int n = kernel.design(c, i, theta, scaling, scal, g);
            final int k0 = c.off[i];
            for (int l = 0; l < L; l++) {
                final double[] cl = col[C + l];
                cl[r0] += se * scal[l];
                for (int j = 0; j < n; j++) {
                    final int o = (l * n + j) * 3, k = k0 + j, ow = c.nbOwner[k];
                    final double gx = g[o], gy = g[o + 1], gz = g[o + 2];
                    cl[rf + 3 * ow] -= sf * gx;
                    cl[rf + 3 * ow + 1] -= sf * gy;
                    cl[rf + 3 * ow + 2] -= sf * gz;
                    cl[rf + 3 * i] += sf * gx;
                    cl[rf + 3 * i + 1] += sf * gy;
                    cl[rf + 3 * i + 2] += sf * gz;
                    if (stress) {
                        final double dx = c.d[3 * k], dy = c.d[3 * k + 1], dz = c.d[3 * k + 2];
                        cl[rs] -= ss * dx * gx;
                        cl[rs + 1] -= ss * dy * gy;
                        cl[rs + 2] -= ss * dz * gz;
                        cl[rs + 3] -= ss * dz * gy;
                        cl[rs + 4] -= ss * dz * gx;
                        cl[rs + 5] -= ss * dy * gx;
                    }
                }
            }
        }
        rhs[r0] = se * c.energy;
        for (int i = 0; i < 3 * na; i++) rhs[rf + i] = sf * c.forces[i];
        if (stress) for (int a = 0; a < 6; a++) rhs[rs + a] = ss * c.stress[a];
    }

    /** Least squares min |Ax − b| by Householder QR, A given by columns (overwritten), b overwritten. */
    static final class HouseholderQr {
        private HouseholderQr() {}

        static double[] solve(double[][] a, double[] b, int m, int n) {
            if (m < n) throw new IllegalArgumentException("least squares needs at least as many rows as unknowns");
            double[] diag = new double[n];
            for (int k = 0; k < n; k++) {
                double[] ak = a[k];
                double norm = 0;
                for (int i = k; i < m; i++) norm = Math.hypot(norm, ak[i]);
                if (norm == 0) throw new IllegalStateException("the linear least-squares problem is rank deficient at column " + k);
                double alpha = ak[k] > 0 ? -norm : norm;
                // v = a_k(k:m) − alpha·e_1, stored in place; H = I − 2vvᵀ/(vᵀv)
                ak[k] -= alpha;
                double vv = 0;
                for (int i = k; i < m; i++) vv += ak[i] * ak[i];
                for (int j = k + 1; j < n; j++) {
                    double[] aj = a[j];
                    double s = 0;
                    for (int i = k; i < m; i++) s += ak[i] * aj[i];
                    s = 2 * s / vv;
                    for (int i = k; i < m; i++) aj[i] -= s * ak[i];
                }
                double s = 0;
                for (int i = k; i < m; i++) s += ak[i] * b[i];
                s = 2 * s / vv;
                for (int i = k; i < m; i++) b[i] -= s * ak[i];
                diag[k] = alpha;
            }
            double[] x = new double[n];
            for (int k = n - 1; k >= 0; k--) {
                double s = b[k];
                for (int j = k + 1; j < n; j++) s -= a[j][k] * x[j];
                x[k] = s / diag[k];
            }
            return x;
        }
    }
}
