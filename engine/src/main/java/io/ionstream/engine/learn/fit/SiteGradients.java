package io.ionstream.engine.learn.fit;

import io.ionstream.engine.io.mlip.MlipConfiguration;
import io.ionstream.engine.potential.mtp.MtpModel;
import java.util.List;

/**
 * The gradient of every site energy with respect to all coefficients, ∂V_i/∂θ (MLIP's order:
 * radial, species, moments): the rows of MLIP-3's neighbourhood active set. Computed by the
 * training kernel's reverse pass (e = 1, no displacement), one row per atom.
 */
public final class SiteGradients {
    private SiteGradients() {}

    /** Rows of all atoms of {@code cfg}, atom-major: row i at {@code [i·n, (i+1)·n)}, n = coefficientCount(). */
    public static double[] of(MtpModel model, MlipConfiguration cfg) {
        TrainingPlan plan = new TrainingPlan(model);
        TrainingSet.Config c = TrainingSet.config(plan, unlabelled(cfg), "configuration at line " + cfg.line());
        return rows(plan, c, TrainingPlan.theta(model), model.effectiveScaling(), new TrainingKernel(plan));
    }

    /** Rows of every configuration, in order. */
    public static double[][] of(MtpModel model, List<MlipConfiguration> cfgs) {
        TrainingPlan plan = new TrainingPlan(model);
        TrainingKernel kernel = new TrainingKernel(plan);
        double[] theta = TrainingPlan.theta(model);
        double[][] out = new double[cfgs.size()][];
        for (int k = 0; k < cfgs.size(); k++) {
            MlipConfiguration cfg = cfgs.get(k);
            TrainingSet.Config c = TrainingSet.config(plan, unlabelled(cfg), "configuration " + (k + 1));
            out[k] = rows(plan, c, theta, model.effectiveScaling(), kernel);
        }
        return out;
    }

    private static double[] rows(TrainingPlan plan, TrainingSet.Config c, double[] theta, double scaling, TrainingKernel kernel) {
        int n = plan.coefficientCount;
        double[] rows = new double[c.atoms * n];
        double[] g = new double[n];
        int maxNb = 0;
        for (int i = 0; i < c.atoms; i++) maxNb = Math.max(maxNb, c.off[i + 1] - c.off[i]);
        double[] zero = new double[3 * Math.max(1, maxNb)];
        for (int i = 0; i < c.atoms; i++) {
            java.util.Arrays.fill(g, 0.0);
            kernel.gradient(c, i, theta, scaling, 1.0, zero, g);
            System.arraycopy(g, 0, rows, i * n, n);
        }
        return rows;
    }

    /** Geometry only: rows need no reference data. */
    private static MlipConfiguration unlabelled(MlipConfiguration c) {
        if (c.hasEnergy() && c.forces() != null) return c;
        return c.withEnergyForcesStress(0.0, new double[3 * c.size()], null);
    }
}
