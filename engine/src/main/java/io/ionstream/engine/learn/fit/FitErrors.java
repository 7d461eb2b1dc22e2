package io.ionstream.engine.learn.fit;

import io.ionstream.engine.io.mlip.MlipConfiguration;
import io.ionstream.engine.io.mlip.MlipSpecies;
import io.ionstream.engine.potential.mtp.MtpEvaluator;
import io.ionstream.engine.potential.mtp.MtpModel;
import io.ionstream.engine.potential.mtp.MtpPotential;
import java.util.List;

/**
 * Errors of a potential against reference configurations, evaluated by the production evaluator
 * ({@link MtpEvaluator}, not the training kernel): energy per atom (RMSE and MAE, eV/atom), force
 * components (RMSE and MAE, eV/Å) and stress components (RMSE, GPa, from PlusStress/V) over the
 * configurations that carry each quantity.
 */
public record FitErrors(int configurations, int atoms, double energyRmse, double energyMae, double forceRmse, double forceMae,
                        int stressConfigurations, double stressRmseGpa) {
    /** eV/Å³ in GPa. */
    private static final double EV_PER_A3_GPA = 160.21766208;

    public static FitErrors of(MtpModel model, MlipSpecies species, List<MlipConfiguration> cfgs) {
        MtpEvaluator eval = new MtpEvaluator(new MtpPotential(model, species));
        int nc = 0, atoms = 0, fc = 0, sc = 0;
        double e2 = 0, e1 = 0, f2 = 0, f1 = 0, s2 = 0;
        for (MlipConfiguration c : cfgs) {
            MtpEvaluator.Result r = eval.evaluate(c, false);
            atoms += c.size();
            if (c.hasEnergy()) {
                double d = (r.energy() - c.energy()) / c.size();
                e2 += d * d;
                e1 += Math.abs(d);
                nc++;
            }
            if (c.forces() != null) {
                for (int i = 0; i < 3 * c.size(); i++) {
                    double d = r.forces()[i] - c.forces()[i];
                    f2 += d * d;
                    f1 += Math.abs(d);
                    fc++;
                }
            }
            if (c.plusStress() != null && c.isPeriodic()) {
                double v = volume(c.lattice());
                for (int a = 0; a < 6; a++) {
                    double d = (r.plusStress()[a] - c.plusStress()[a]) / v * EV_PER_A3_GPA;
                    s2 += d * d;
                }
                sc++;
            }
        }
        return new FitErrors(cfgs.size(), atoms, nc == 0 ? Double.NaN : Math.sqrt(e2 / nc), nc == 0 ? Double.NaN : e1 / nc,
            fc == 0 ? Double.NaN : Math.sqrt(f2 / fc), fc == 0 ? Double.NaN : f1 / fc, sc, sc == 0 ? Double.NaN : Math.sqrt(s2 / (6.0 * sc)));
    }

    private static double volume(double[][] l) {
        return Math.abs(l[0][0] * (l[1][1] * l[2][2] - l[1][2] * l[2][1]) - l[0][1] * (l[1][0] * l[2][2] - l[1][2] * l[2][0])
            + l[0][2] * (l[1][0] * l[2][1] - l[1][1] * l[2][0]));
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "%d configurations: energy RMSE %.2f meV/atom (MAE %.2f), force RMSE %.4f eV/Å (MAE %.4f)%s",
            configurations, 1000 * energyRmse, 1000 * energyMae, forceRmse, forceMae,
            stressConfigurations > 0 ? String.format(java.util.Locale.ROOT, ", stress RMSE %.3f GPa", stressRmseGpa) : "");
    }
}
