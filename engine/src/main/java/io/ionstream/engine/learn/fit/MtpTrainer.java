package io.ionstream.engine.learn.fit;

import io.ionstream.engine.io.mlip.MlipConfiguration;
import io.ionstream.engine.potential.mtp.MtpModel;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Fits an MTP to configurations with reference energies, forces and (optionally) stresses.
 *
 * <p>The loss is {@link LossWeights}'s, averaged over configurations. The species and moment
 * coefficients enter the energy linearly and are solved exactly ({@link LinearFit}); all
 * coefficients are then refined together by L-BFGS on the exact gradient ({@link Objective}),
 * and the linear part is solved again every {@code linearEvery} iterations and at the end, so the
 * result is least-squares optimal in the linear coefficients for its radial functions.
 *
 * <p>Starting point: an untrained template gets radial coefficients drawn uniformly from ±1 with
 * the seed, and a scaling that makes a typical site's basic moment M₀ of order one (MLIP's
 * {@code scaling}); a trained model is refined from its own coefficients (warm start, as in active
 * learning). Same data, settings and seed give the same potential for any thread count.
 */
public final class MtpTrainer {
    /** Fit settings. */
    public record Settings(LossWeights weights, int iterations, int linearEvery, double regularisation, double tolerance,
                           long seed, int threads) {
        public Settings {
            if (iterations < 0) throw new IllegalArgumentException("iterations must not be negative");
            if (linearEvery < 1) throw new IllegalArgumentException("linear re-solve interval must be at least 1");
            if (!(regularisation >= 0)) throw new IllegalArgumentException("regularisation must not be negative");
            if (threads < 1) throw new IllegalArgumentException("threads must be at least 1");
        }

        /**
         * MLIP's weights, 1000 iterations, linear re-solve every 200 (each re-solve moves the point the
         * L-BFGS history was built at, so frequent ones slow convergence), λ = 1e-10, seed 1, two threads.
         */
        public static Settings defaults() {
            return new Settings(LossWeights.defaults(), 1000, 200, 1e-10, 1e-9, 1, 2);
        }

        public Settings withIterations(int n) { return new Settings(weights, n, linearEvery, regularisation, tolerance, seed, threads); }
        public Settings withSeed(long v) { return new Settings(weights, iterations, linearEvery, regularisation, tolerance, v, threads); }
        public Settings withThreads(int t) { return new Settings(weights, iterations, linearEvery, regularisation, tolerance, seed, t); }
        public Settings withWeights(LossWeights w) { return new Settings(w, iterations, linearEvery, regularisation, tolerance, seed, threads); }
        public Settings withLinearEvery(int k) { return new Settings(weights, iterations, k, regularisation, tolerance, seed, threads); }
        public Settings withTolerance(double t) { return new Settings(weights, iterations, linearEvery, regularisation, t, seed, threads); }
        public Settings withRegularisation(double r) { return new Settings(weights, iterations, linearEvery, r, tolerance, seed, threads); }
    }

    /** The fitted model and how the fit went (training RMSEs from the fit's own evaluation). */
    public record Result(MtpModel model, double loss, int iterations, int evaluations, String stop,
                         double energyRmsePerAtom, double forceRmse, double seconds) {}

    private MtpTrainer() {}

    public static Result train(MtpModel start, List<MlipConfiguration> data, Settings s, Consumer<String> progress) {
        if (data.isEmpty()) throw new IllegalArgumentException("no training configurations");
        long t0 = System.nanoTime();
        TrainingPlan plan = new TrainingPlan(start);
        TrainingSet set = TrainingSet.of(plan, data, "training set");
        if (set.minDistance < plan.minDist) {
            progress.accept(String.format(Locale.ROOT, "warning: the training set has a pair at %.3f Å, below min_dist %.3f Å",
                set.minDistance, plan.minDist));
        }
        double[] theta = new double[plan.coefficientCount];
        double scaling;
        if (start.hasRadialCoeffs()) {
            System.arraycopy(start.radialCoeffs(), 0, theta, 0, plan.radialCount);
            scaling = start.effectiveScaling();
        } else {
            SplittableRandom rnd = new SplittableRandom(s.seed());
            for (int i = 0; i < plan.radialCount; i++) theta[i] = 2 * rnd.nextDouble() - 1;
            scaling = initialScaling(set);
        }
        if (start.hasSpeciesCoeffs()) System.arraycopy(start.speciesCoeffs(), 0, theta, plan.speciesOffset(), plan.species);
        if (start.hasMomentCoeffs()) System.arraycopy(start.momentCoeffs(), 0, theta, plan.momentOffset(), plan.scalars);
        final double sc = scaling;
        try (Blocks blocks = new Blocks(s.threads())) {
            Objective obj = new Objective(set, s.weights(), blocks);
            LinearFit.solve(set, s.weights(), theta, sc, s.regularisation(), blocks);
            double loss = obj.value(theta, sc, null);
            progress.accept(String.format(Locale.ROOT, "fit: %d configurations, %d atoms, %d coefficients; linear solve: loss %.6g",
                data.size(), set.totalAtoms, plan.coefficientCount, loss));
            Lbfgs lbfgs = new Lbfgs(20, theta.length);
            int done = 0;
            String stop = "no iterations";
            while (done < s.iterations()) {
                int chunk = Math.min(s.linearEvery(), s.iterations() - done);
                final int base = done;
                Lbfgs.Result r = lbfgs.minimize((x, g) -> obj.value(x, sc, g), theta, chunk, s.tolerance(), (it, f, gn) -> {
                    if ((base + it) % 50 == 0) {
                        double[] rm = obj.lastRmse();
                        progress.accept(String.format(Locale.ROOT, "fit: iteration %d loss %.6g |grad| %.3g (energy %.2f meV/atom, force %.4f eV/Å)",
                            base + it, f, gn, 1000 * rm[0], rm[1]));
                    }
                });
                done += Math.max(r.iterations(), 1);
                stop = r.stop();
                double[] before = theta.clone();
                LinearFit.solve(set, s.weights(), theta, sc, s.regularisation(), blocks);
                loss = obj.value(theta, sc, null);
                if (loss > r.value()) {
                    // the regularised linear solution can be a hair worse than L-BFGS's point: keep the better one
                    System.arraycopy(before, 0, theta, 0, theta.length);
                    loss = obj.value(theta, sc, null);
                }
                if (!stop.equals("iteration limit")) break;
            }
            double[] rm = obj.lastRmse();
            MtpModel model = start.toBuilder()
                .scaling(sc / start.basisScaling())
                .radialCoeffs(Arrays.copyOf(theta, plan.radialCount))
                .speciesCoeffs(Arrays.copyOfRange(theta, plan.speciesOffset(), plan.speciesOffset() + plan.species))
                .momentCoeffs(Arrays.copyOfRange(theta, plan.momentOffset(), plan.momentOffset() + plan.scalars))
                .build();
            double seconds = (System.nanoTime() - t0) * 1e-9;
            progress.accept(String.format(Locale.ROOT, "fit: done after %d iterations (%s), loss %.6g, %.1f s", done, stop, loss, seconds));
            return new Result(model, loss, done, (int) obj.evaluations(), stop, rm[0], rm[1], seconds);
        }
    }

    /**
     * The shortest distance between two atoms (any periodic images) in the configurations: the
     * natural R_min of a fit (MLIP's {@code mlp mindist}).
     */
    public static double shortestDistance(List<MlipConfiguration> cfgs) {
        TrainingPlan plan = new TrainingPlan(MtpTemplates.untrained(6, 1, 0.5, 4.0).toBuilder().speciesCount(64).build());
        double d = Double.POSITIVE_INFINITY;
        for (MlipConfiguration c : cfgs) {
            MlipConfiguration g = c.hasEnergy() && c.forces() != null ? c : c.withEnergyForcesStress(0, new double[3 * c.size()], null);
            TrainingSet.Config k = TrainingSet.config(plan, g, "configuration at line " + c.line());
            for (int j = 0; j < k.neighbours(); j++) d = Math.min(d, k.r[j]);
        }
        return d;
    }

    /** 1 / the mean over sites of Σ_j (R_cut − r_ij)²: makes the basic moment M₀ of a typical site about one. */
    static double initialScaling(TrainingSet set) {
        double sum = 0;
        long sites = 0;
        double rc = set.plan.maxDist;
        for (TrainingSet.Config c : set.configs) {
            for (int k = 0; k < c.neighbours(); k++) sum += (rc - c.r[k]) * (rc - c.r[k]);
            sites += c.atoms;
        }
        return sum > 0 ? sites / sum : 1.0;
    }
}
