package io.ionstream.engine.learn.fit;

import java.util.Arrays;

/**
 * The training loss ({@link LossWeights}) averaged over the configurations of a
 * {@link TrainingSet}, and its exact gradient with respect to every coefficient: per
 * configuration, one pass of {@link TrainingKernel#site} gives energy, forces and virial, the
 * residuals give e = ∂L/∂E, ρ_i = ∂L/∂F_i and σ = ∂L/∂W, and one pass of
 * {@link TrainingKernel#gradient} with δ_j = ρ_owner(j) − ρ_i + U·d_j turns them into ∂L/∂θ.
 * Configurations are processed in fixed blocks on {@link Blocks} threads and summed in block
 * order (deterministic for any thread count).
 */
final class Objective {
    private final TrainingSet set;
    private final LossWeights weights;
    private final Blocks blocks;
    private final int blockCount, n;
    private final TrainingKernel[] kernels;
    private final Scratch[] scratch;
    private final double[][] blockGrad;
    private final double[] blockLoss, blockEnergySq, blockForceSq;
    private long evaluations;

    /** Per-thread arrays. */
    private static final class Scratch {
        double[] g = new double[0], delta = new double[0], forces = new double[0];
    }

    Objective(TrainingSet set, LossWeights weights, Blocks blocks) {
        this.set = set;
        this.weights = weights;
        this.blocks = blocks;
        this.n = set.plan.coefficientCount;
        this.blockCount = Blocks.count(set.configs.size());
        kernels = new TrainingKernel[blocks.threads()];
        scratch = new Scratch[blocks.threads()];
        for (int t = 0; t < kernels.length; t++) {
            kernels[t] = new TrainingKernel(set.plan);
            scratch[t] = new Scratch();
        }
        blockGrad = new double[blockCount][n];
        blockLoss = new double[blockCount];
        blockEnergySq = new double[blockCount];
        blockForceSq = new double[blockCount];
    }

    long evaluations() { return evaluations; }

    /**
     * The loss at θ (scaled basis {@code scaling}); its gradient into {@code grad} when non-null.
     */
    double value(double[] theta, double scaling, double[] grad) {
        evaluations++;
        final int configs = set.configs.size();
        blocks.run(blockCount, t -> b -> {
            double[] gb = blockGrad[b];
            if (grad != null) Arrays.fill(gb, 0.0);
            double loss = 0, es = 0, fs = 0;
            for (int k = b * Blocks.BLOCK; k < Math.min(configs, (b + 1) * Blocks.BLOCK); k++) {
                double[] r = config(set.configs.get(k), theta, scaling, grad != null ? gb : null, kernels[t], scratch[t]);
                loss += r[0];
                es += r[1];
                fs += r[2];
            }
            blockLoss[b] = loss;
            blockEnergySq[b] = es;
            blockForceSq[b] = fs;
        });
        double loss = 0;
        for (int b = 0; b < blockCount; b++) loss += blockLoss[b];
        double inv = 1.0 / configs;
        if (grad != null) {
            Arrays.fill(grad, 0.0);
            for (int b = 0; b < blockCount; b++) {
                double[] gb = blockGrad[b];
                for (int i = 0; i < n; i++) grad[i] += gb[i];
            }
            for (int i = 0; i < n; i++) grad[i] *= inv;
        }
        return loss * inv;
    }

    /** Energy RMSE per atom (eV) and force-component RMSE... of the last {@link #value} call: {E, F}. */
    double[] lastRmse() {
        double es = 0, fs = 0;
        for (int b = 0; b < blockCount; b++) {
            es += blockEnergySq[b];
            fs += blockForceSq[b];
        }
        return new double[] {Math.sqrt(es / set.configs.size()), Math.sqrt(fs / (3.0 * set.totalAtoms))};
    }

    /**
     * The model's prediction for configuration {@code index}: {E, W_xx, W_yy, W_zz, W_yz, W_xz, W_xy,
     * F_1x, F_1y, ...} (file frame, PlusStress order).
     */
    double[] predict(int index, double[] theta, double scaling) {
        TrainingSet.Config c = set.configs.get(index);
        double[] w = new double[7];
        w[0] = forward(c, theta, scaling, kernels[0], scratch[0], w);
        double[] out = Arrays.copyOf(w, 7 + 3 * c.atoms);
        System.arraycopy(scratch[0].forces, 0, out, 7, 3 * c.atoms);
        return out;
    }

    /** Energy of configuration c; forces into {@code s.forces}, virial (PlusStress order) into {@code w[1..6]}. */
    private static double forward(TrainingSet.Config c, double[] theta, double scaling, TrainingKernel kernel, Scratch s,
                                  double[] w) {
        final int na = c.atoms;
        if (s.forces.length < 3 * na) s.forces = new double[3 * na];
        final double[] f = s.forces;
        Arrays.fill(f, 0, 3 * na, 0.0);
        double e = 0, wxx = 0, wyy = 0, wzz = 0, wyz = 0, wxz = 0, wxy = 0;
        for (int i = 0; i < na; i++) {
            final int k0 = c.off[i], nn = c.off[i + 1] - k0;
            if (s.g.length < 3 * nn) {
                s.g = new double[3 * nn + 48];
                s.delta = new double[3 * nn + 48];
            }
            final double[] g = s.g;
            e += kernel.site(c, i, theta, scaling, g);
            double fx = 0, fy = 0, fz = 0;
            for (int j = 0; j < nn; j++) {
                final int k = k0 + j, o = 3 * c.nbOwner[k];
                final double gx = g[3 * j], gy = g[3 * j + 1], gz = g[3 * j + 2];
                f[o] -= gx;
                f[o + 1] -= gy;
                f[o + 2] -= gz;
                fx += gx;
                fy += gy;
                fz += gz;
                final double dx = c.d[3 * k], dy = c.d[3 * k + 1], dz = c.d[3 * k + 2];
                wxx -= dx * gx;
                wyy -= dy * gy;
                wzz -= dz * gz;
                wyz -= dz * gy;
                wxz -= dz * gx;
                wxy -= dy * gx;
            }
            f[3 * i] += fx;
            f[3 * i + 1] += fy;
            f[3 * i + 2] += fz;
        }
        w[1] = wxx;
        w[2] = wyy;
        w[3] = wzz;
        w[4] = wyz;
        w[5] = wxz;
        w[6] = wxy;
        return e;
    }

    /** One configuration: {loss, (ΔE/N)², Σ|ΔF|²}; adds its gradient to {@code grad} when non-null. */
    private double[] config(TrainingSet.Config c, double[] theta, double scaling, double[] grad, TrainingKernel kernel,
                            Scratch s) {
        final int na = c.atoms;
        final double[] wv = new double[7];
        final double e = forward(c, theta, scaling, kernel, s, wv);
        final double[] f = s.forces;
        final double we = weights.energyWeight(na), wf = weights.force(), ws = weights.stressWeight(na);
        final double de = e - c.energy;
        double loss = we * de * de, fsq = 0;
        for (int i = 0; i < 3 * na; i++) {
            final double d = f[i] - c.forces[i];
            f[i] = d;
            fsq += d * d;
        }
        loss += wf * fsq;
        final double[] dw = new double[6];
        final boolean stress = c.stress != null && ws > 0;
        if (stress) {
            for (int a = 0; a < 6; a++) {
                dw[a] = wv[a + 1] - c.stress[a];
                loss += ws * dw[a] * dw[a];
            }
        }
        if (grad != null) {
            final double ee = 2 * we * de;
            final double sxx = 2 * ws * dw[0], syy = 2 * ws * dw[1], szz = 2 * ws * dw[2];
            final double syz = 2 * ws * dw[3], sxz = 2 * ws * dw[4], sxy = 2 * ws * dw[5];
            final double rf = 2 * wf;
            for (int i = 0; i < na; i++) {
                final int k0 = c.off[i], nn = c.off[i + 1] - k0;
                final double[] delta = s.delta;
                final double rix = rf * f[3 * i], riy = rf * f[3 * i + 1], riz = rf * f[3 * i + 2];
                for (int j = 0; j < nn; j++) {
                    final int k = k0 + j, o = 3 * c.nbOwner[k];
                    final double dx = c.d[3 * k], dy = c.d[3 * k + 1], dz = c.d[3 * k + 2];
                    delta[3 * j] = rf * f[o] - rix + sxx * dx + sxy * dy + sxz * dz;
                    delta[3 * j + 1] = rf * f[o + 1] - riy + syy * dy + syz * dz;
                    delta[3 * j + 2] = rf * f[o + 2] - riz + szz * dz;
                }
                kernel.gradient(c, i, theta, scaling, ee, delta, grad);
            }
        }
        return new double[] {loss, de * de / ((double) na * na), fsq};
    }
}
