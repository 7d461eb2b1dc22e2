package io.ionstream.server.cli;

import io.ionstream.engine.io.FormatException;
import io.ionstream.engine.io.mlip.MlipCfgReader;
import io.ionstream.engine.io.mlip.MlipConfiguration;
import io.ionstream.engine.io.mlip.MlipSpecies;
import io.ionstream.engine.learn.active.ActiveSetBuilder;
import io.ionstream.engine.learn.active.AlmtpWriter;
import io.ionstream.engine.learn.fit.FitErrors;
import io.ionstream.engine.learn.fit.LossWeights;
import io.ionstream.engine.learn.fit.MtpTemplates;
import io.ionstream.engine.learn.fit.MtpTrainer;
import io.ionstream.engine.potential.mtp.MtpModel;
import io.ionstream.engine.potential.mtp.MtpReader;
import io.ionstream.engine.potential.mtp.MtpWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * {@code bin/ionstream train}: fits an MTP of a given level to a {@code .cfg} training set and
 * reports training, validation and (optionally) k-fold cross-validation errors.
 */
final class TrainCommand implements Command {
    @Override public String name() { return "train"; }

    @Override public String summary() { return "fit an MTP of a given level to .cfg data (energies, forces, stresses); RMSEs, k-fold CV"; }

    @Override
    public String help() {
        return """
            Usage: bin/ionstream train --level L --species Li,P,S,Cl --train FILE.cfg -o OUT.mtp|OUT.almtp
                                       [--validate FILE.cfg] [--seed S] [--folds k] [--json] [options]

            Fits an untrained MTP of level L (4, 6, 8, ..., 20: MLIP-3's templates; 4 is derived from 6) to the
            energies, forces and stresses of the training configurations. Loss per configuration of N atoms:
              w_E (E - E_ref)^2 / N^p + w_F sum |F - F_ref|^2 + w_S sum (W - W_ref)^2 / N^p
            (W: PlusStress virial). The species and moment coefficients are solved exactly by least squares, then
            all coefficients are refined by L-BFGS on the exact gradient, with the linear part re-solved every
            --linear-every iterations and at the end. Same data, options and seed: same potential.
            Writes OUT as a standard .mtp (MLIP reads it); an .almtp name adds the MaxVol active set selected from
            the training neighbourhoods (MLIP-3 layout) for extrapolation grades.

            Options:
              --level L            MTP level (required)
              --species LIST       element symbols of cfg types 0, 1, ... (required)
              --train FILE         training configurations (.cfg, energies and forces required)
              --validate FILE      held-out configurations: errors reported, not fitted
              --folds k            k-fold cross-validation on the training set before the final fit
              --seed S             seed of the initial radial coefficients and of the fold split [1]
              --iterations N       L-BFGS iterations [1000]
              --linear-every N     linear re-solve interval [200]
              --min-dist R         R_min in Angstrom [shortest distance in the training set, rounded down to 0.05]
              --max-dist R         R_cut in Angstrom [5.0]
              --energy-weight w    [1]   --force-weight w [0.01]   --stress-weight w [0.001]
              --weight-power p     N^p normalisation of energy and stress terms [2: per atom]
              --init FILE          start from a trained .mtp/.almtp (same level) instead of the template
              --threads T          threads [2]

            Example:
              bin/ionstream train --level 8 --species Li --train ../shared/dft-data/li-metal-mlearn/li_mlearn_training.cfg \\
                --validate ../shared/dft-data/li-metal-mlearn/li_mlearn_test.cfg -o li08.mtp --json
            """;
    }

    @Override
    public Set<String> valueOptions() {
        return Set.of("level", "species", "train", "validate", "folds", "seed", "iterations", "linear-every", "min-dist", "max-dist",
            "energy-weight", "force-weight", "stress-weight", "weight-power", "init", "threads", "o");
    }

    @Override
    public int run(Args args, Console console) throws Exception {
        int level = (int) args.integer("level", -1, 2, 28);
        if (!args.has("level")) throw new UsageException("missing required option --level");
        MlipSpecies species;
        try {
            species = MlipSpecies.parse(args.required("species"));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--species: " + e.getMessage());
        }
        Path trainFile = Args.existingFile(args.required("train"), "training set");
        Path out = Path.of(args.required("o"));
        if (!out.toString().endsWith(".mtp") && !out.toString().endsWith(".almtp")) {
            throw new UsageException("-o must name a .mtp or .almtp file, got '" + out + "'");
        }
        MlipCfgReader reader = new MlipCfgReader(species);
        List<MlipConfiguration> train = read(reader, trainFile);
        List<MlipConfiguration> validate = args.has("validate") ? read(reader, Args.existingFile(args.required("validate"), "validation set")) : List.of();
        int folds = (int) args.integer("folds", 0, 0, 100);
        if (folds == 1) throw new UsageException("--folds needs at least 2 folds");
        if (folds > train.size()) throw new UsageException("--folds " + folds + " exceeds the " + train.size() + " training configurations");
        LossWeights weights;
        try {
            weights = new LossWeights(args.decimal("energy-weight", 1.0), args.decimal("force-weight", 0.01),
                args.decimal("stress-weight", 0.001), args.decimal("weight-power", 2.0));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        long seed = args.integer("seed", 1);
        MtpTrainer.Settings settings = MtpTrainer.Settings.defaults().withWeights(weights)
            .withIterations((int) args.integer("iterations", 1000, 0, 10_000_000))
            .withLinearEvery((int) args.integer("linear-every", 200, 1, 10_000_000))
            .withSeed(seed).withThreads((int) args.integer("threads", 2, 1, 256));
        MtpModel start;
        if (args.has("init")) {
            start = MtpReader.readModel(Args.existingFile(args.required("init"), "initial potential"));
            start.requireTrained(args.required("init"));
            if (start.speciesCount() != species.size()) {
                throw new UsageException("--init has " + start.speciesCount() + " species, --species names " + species.size());
            }
        } else {
            double maxDist = args.positive("max-dist", 5.0);
            double minDist = args.has("min-dist") ? args.positive("min-dist", 0)
                : Math.floor(MtpTrainer.shortestDistance(train) * 20) / 20;
            if (!(minDist < maxDist)) throw new UsageException("min-dist " + minDist + " must be below max-dist " + maxDist);
            try {
                start = MtpTemplates.untrained(level, species.size(), minDist, maxDist);
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage());
            }
        }
        console.info(String.format(Locale.ROOT, "train: level %d, %d species (%s), R %.3f-%.3f Å, %d coefficients, %d training configurations",
            level, species.size(), species.describe(), start.minDist(), start.maxDist(), start.coefficientCount(), train.size()));
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("level", level);
        result.put("coefficients", start.coefficientCount());
        result.put("min_dist", start.minDist());
        result.put("max_dist", start.maxDist());
        if (folds > 1) crossValidate(start, train, species, settings, folds, seed, console, result);
        MtpTrainer.Result fit = MtpTrainer.train(start, train, settings, console::info);
        if (out.toString().endsWith(".almtp")) {
            ActiveSetBuilder.Selection sel = ActiveSetBuilder.fromTrainingSet(fit.model(), train);
            AlmtpWriter.write(out, fit.model(), sel.set(), sel.configurations());
        } else {
            MtpWriter.write(out, fit.model());
        }
        FitErrors te = FitErrors.of(fit.model(), species, train);
        console.info("train: training   " + te);
        put(result, "train", te);
        if (!validate.isEmpty()) {
            FitErrors ve = FitErrors.of(fit.model(), species, validate);
            console.info("train: validation " + ve);
            put(result, "validation", ve);
        }
        result.put("iterations", fit.iterations());
        result.put("loss", fit.loss());
        result.put("stop", fit.stop());
        result.put("seconds", fit.seconds());
        result.put("output", out.toString());
        console.info("train: wrote " + out);
        if (args.flag("json")) console.json(result);
        return Main.OK;
    }

    private static List<MlipConfiguration> read(MlipCfgReader r, Path p) {
        try {
            List<MlipConfiguration> c = r.readAll(p);
            if (c.isEmpty()) throw new UsageException(p + " contains no configuration");
            return c;
        } catch (FormatException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private static void put(Map<String, Object> m, String prefix, FitErrors e) {
        m.put(prefix + "_configurations", e.configurations());
        m.put(prefix + "_energy_rmse_meV_atom", 1000 * e.energyRmse());
        m.put(prefix + "_energy_mae_meV_atom", 1000 * e.energyMae());
        m.put(prefix + "_force_rmse_eV_A", e.forceRmse());
        m.put(prefix + "_force_mae_eV_A", e.forceMae());
        m.put(prefix + "_stress_rmse_GPa", e.stressRmseGpa());
    }

    private static void crossValidate(MtpModel start, List<MlipConfiguration> train, MlipSpecies species, MtpTrainer.Settings s,
                                      int k, long seed, Console console, Map<String, Object> result) {
        int n = train.size();
        int[] order = new int[n];
        for (int i = 0; i < n; i++) order[i] = i;
        SplittableRandom rnd = new SplittableRandom(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        double[] e = new double[k], f = new double[k], st = new double[k];
        for (int fold = 0; fold < k; fold++) {
            List<MlipConfiguration> fit = new ArrayList<>(), held = new ArrayList<>();
            for (int i = 0; i < n; i++) (i % k == fold ? held : fit).add(train.get(order[i]));
            MtpTrainer.Result r = MtpTrainer.train(start, fit, s, x -> {});
            FitErrors fe = FitErrors.of(r.model(), species, held);
            e[fold] = fe.energyRmse();
            f[fold] = fe.forceRmse();
            st[fold] = fe.stressRmseGpa();
            console.info("train: fold " + (fold + 1) + "/" + k + ": held-out " + fe);
        }
        result.put("cv_folds", k);
        result.put("cv_energy_rmse_meV_atom", 1000 * mean(e));
        result.put("cv_energy_rmse_meV_atom_sd", 1000 * sd(e));
        result.put("cv_force_rmse_eV_A", mean(f));
        result.put("cv_force_rmse_eV_A_sd", sd(f));
        result.put("cv_stress_rmse_GPa", mean(st));
        console.info(String.format(Locale.ROOT, "train: %d-fold CV: energy %.2f ± %.2f meV/atom, force %.4f ± %.4f eV/Å", k,
            1000 * mean(e), 1000 * sd(e), mean(f), sd(f)));
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double x : v) s += x;
        return s / v.length;
    }

    private static double sd(double[] v) {
        double m = mean(v), s = 0;
        for (double x : v) s += (x - m) * (x - m);
        return v.length > 1 ? Math.sqrt(s / (v.length - 1)) : 0;
    }
}
