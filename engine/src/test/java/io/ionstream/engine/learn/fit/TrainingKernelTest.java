package io.ionstream.engine.learn.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ionstream.engine.SharedData;
import io.ionstream.engine.io.mlip.MlipCfgReader;
import io.ionstream.engine.io.mlip.MlipConfiguration;
import io.ionstream.engine.io.mlip.MlipSpecies;
import io.ionstream.engine.potential.mtp.MtpEvaluator;
import io.ionstream.engine.potential.mtp.MtpModel;
import io.ionstream.engine.potential.mtp.MtpPotential;
import io.ionstream.engine.potential.mtp.MtpReader;
import io.ionstream.engine.potential.mtp.RandomCoefficients;
import io.ionstream.engine.system.AtomSystem;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The training kernel against independent references: its energies, forces and virials against
 * the production evaluator ({@link MtpEvaluator}, itself exact to MLIP-3), the analytic loss
 * gradient against central finite differences of the loss for every coefficient, and the linear
 * least-squares solve against the known coefficients of the model that made the data.
 */
class TrainingKernelTest {
    static MtpModel argyroditeModel() {
        // the 4-species level-8 template with moderate random coefficients: every index path is exercised
        MtpModel t = MtpReader.readModel(SharedData.file("mtp-reference/random4_argyrodite/untrained4_08.mtp"));
        return RandomCoefficients.fill(t.toBuilder().scaling(0.05).build(), 11, 0.5);
    }

    static List<MlipConfiguration> argyroditeData(MtpModel m, int count) {
        MlipSpecies sp = MlipSpecies.parse("Li,P,S,Cl");
        AtomSystem base = new MlipCfgReader(sp).readAll(SharedData.file("mtp-reference/random4_argyrodite/lpscl_1x1x1.cfg"))
            .get(0).system();
        return FitData.labelled(m, base, count, 0.02, 0.05, 5);
    }

    @Test
    void predictionsMatchTheProductionEvaluator() {
        for (MtpModel m : new MtpModel[] {FitData.liModel(), argyroditeModel()}) {
            List<MlipConfiguration> data = m.speciesCount() == 1 ? FitData.labelled(m, FitData.bccLi(2, 3.45), 3, 0.03, 0.1, 1)
                : argyroditeData(m, 2);
            TrainingPlan plan = new TrainingPlan(m);
            TrainingSet set = TrainingSet.of(plan, data, "test");
            try (Blocks b = new Blocks(1)) {
                Objective obj = new Objective(set, LossWeights.defaults(), b);
                for (int k = 0; k < data.size(); k++) {
                    MlipConfiguration c = data.get(k);
                    double[] p = obj.predict(k, TrainingPlan.theta(m), m.effectiveScaling());
                    double scale = Math.abs(c.energy());
                    assertEquals(c.energy(), p[0], 1e-11 * scale, "energy of configuration " + k);
                    double fmax = 0;
                    for (double v : c.forces()) fmax = Math.max(fmax, Math.abs(v));
                    for (int i = 0; i < c.forces().length; i++) assertEquals(c.forces()[i], p[7 + i], 1e-10 * fmax, "force " + i);
                    double smax = 0;
                    for (double v : c.plusStress()) smax = Math.max(smax, Math.abs(v));
                    for (int a = 0; a < 6; a++) assertEquals(c.plusStress()[a], p[1 + a], 1e-10 * smax, "PlusStress " + a);
                }
            }
        }
    }

    @Test
    void lossGradientMatchesFiniteDifferencesForEveryCoefficient() {
        for (MtpModel m : new MtpModel[] {FitData.liModel(), argyroditeModel()}) {
            boolean li = m.speciesCount() == 1;
            List<MlipConfiguration> clean = li ? FitData.labelled(m, FitData.bccLi(2, 3.45), 3, 0.03, 0.1, 2) : argyroditeData(m, 2);
            List<MlipConfiguration> data = FitData.noisy(clean, li ? 0.05 : 5, li ? 0.05 : 2, li ? 0.2 : 20, 3);
            TrainingSet set = TrainingSet.of(new TrainingPlan(m), data, "test");
            double[] theta = TrainingPlan.theta(m);
            double sc = m.effectiveScaling();
            try (Blocks b = new Blocks(2)) {
                Objective obj = new Objective(set, new LossWeights(1, 0.05, 0.01, 2), b);
                double[] g = new double[theta.length];
                obj.value(theta, sc, g);
                int checked = 0;
                for (int i = 0; i < theta.length; i += li ? 1 : 7) {
                    double h = 1e-5 * Math.max(1e-2, Math.abs(theta[i]));
                    double[] tp = theta.clone(), tm = theta.clone();
                    tp[i] += h;
                    tm[i] -= h;
                    double fd = (obj.value(tp, sc, null) - obj.value(tm, sc, null)) / (2 * h);
                    assertEquals(fd, g[i], 1e-6 * Math.max(Math.abs(fd), 1e-3 * norm(g)), "coefficient " + i + " of " + m);
                    checked++;
                }
                assertTrue(checked > 10);
            }
        }
    }

    @Test
    void linearSolveRecoversTheCoefficientsThatMadeTheData() {
        MtpModel m = FitData.liModel();
        List<MlipConfiguration> data = FitData.labelled(m, FitData.bccLi(2, 3.45), 6, 0.04, 0.12, 4);
        TrainingPlan plan = new TrainingPlan(m);
        TrainingSet set = TrainingSet.of(plan, data, "test");
        double[] truth = TrainingPlan.theta(m);
        double[] theta = truth.clone();
        java.util.Arrays.fill(theta, plan.speciesOffset(), theta.length, 0.0);
        try (Blocks b = new Blocks(2)) {
            LinearFit.solve(set, LossWeights.defaults(), theta, m.effectiveScaling(), 0, b);
            // the coefficients are determined up to the conditioning of the data; the predictions exactly
            for (int i = plan.speciesOffset(); i < theta.length; i++) {
                assertEquals(truth[i], theta[i], 1e-5 * Math.abs(truth[i]), "linear coefficient " + i);
            }
            Objective obj = new Objective(set, LossWeights.defaults(), b);
            for (int k = 0; k < data.size(); k++) {
                double[] p = obj.predict(k, theta, m.effectiveScaling());
                MlipConfiguration c = data.get(k);
                // normal equations square the condition number: about 9 of 16 digits survive
                assertEquals(c.energy(), p[0], 1e-10 * c.size(), "energy of configuration " + k);
                for (int i = 0; i < c.forces().length; i++) assertEquals(c.forces()[i], p[7 + i], 1e-9, "force " + i);
            }
        }
    }

    static double norm(double[] g) {
        double s = 0;
        for (double v : g) s += v * v;
        return Math.sqrt(s);
    }
}
