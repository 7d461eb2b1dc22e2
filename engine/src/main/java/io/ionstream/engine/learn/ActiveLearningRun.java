package io.ionstream.engine.learn;

import io.ionstream.engine.io.mlip.MlipCfgReader;
import io.ionstream.engine.io.mlip.MlipCfgWriter;
import io.ionstream.engine.io.mlip.MlipConfiguration;
import io.ionstream.engine.io.mlip.MlipSpecies;
import io.ionstream.engine.learn.active.ActiveSetBuilder;
import io.ionstream.engine.learn.active.AlmtpWriter;
import io.ionstream.engine.learn.active.GradedMd;
import io.ionstream.engine.learn.active.InitialPool;
import io.ionstream.engine.learn.active.LocalCell;
import io.ionstream.engine.learn.active.ProtectedRelaxation;
import io.ionstream.engine.learn.fit.FitErrors;
import io.ionstream.engine.learn.fit.LossWeights;
import io.ionstream.engine.learn.fit.MtpTemplates;
import io.ionstream.engine.learn.fit.MtpTrainer;
import io.ionstream.engine.learn.oracle.Labeller;
import io.ionstream.engine.learn.oracle.Oracle;
import io.ionstream.engine.potential.mtp.MtpModel;
import io.ionstream.engine.potential.mtp.MtpPotential;
import io.ionstream.engine.potential.mtp.MtpReader;
import io.ionstream.engine.system.AtomSystem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One active-learning run in a state folder (see docs/architecture.md, "engine.learn"): the
 * quality-level scheme of seed 001 (Fig. 14) with the local active learning of seed 000.
 *
 * <ol>
 * <li>init: a pool of configurations (perturbed structures, cubes cut from existing MD) is
 * labelled; a seeded share is held out for validation, a share of the rest starts the training
 * set;</li>
 * <li>for each level: pre-training (fit the untrained template of the level to the training set,
 * add the pool configurations the fit extrapolates on by MaxVol select-add, refit), then standard
 * active learning: graded MD of every target structure at every temperature; snapshots above the
 * select threshold (through a local cell around the worst atom for large structures) are
 * candidates; MaxVol select-add picks at most {@code al.max_new}; the oracle labels them; a warm
 * refit; until MD finds no candidate or the iteration limit; then the validation errors;</li>
 * <li>stop when the errors meet the target or the last level is done; {@code final.almtp} is the
 * result.</li>
 * </ol>
 * Every step writes its result into the folder before the next starts and is skipped when its
 * result is already there, so a run that is stopped (or crashes) continues where it was when the
 * same command runs again; the training set is rebuilt from the step files in order.
 */
public final class ActiveLearningRun {
    private final LearnSpec spec;
    private final Path dir;
    private final RunLog log;
    private final MlipSpecies species;
    private Oracle oracle;

    public ActiveLearningRun(LearnSpec spec, Path stateDir, RunLog log) {
        this(spec, stateDir, log, null);
    }

    /** With an oracle given directly instead of the spec's (e.g. an in-process reference potential). */
    public ActiveLearningRun(LearnSpec spec, Path stateDir, RunLog log, Oracle oracle) {
        this.spec = spec;
        this.dir = stateDir;
        this.log = log;
        this.species = spec.species();
        this.oracle = oracle;
    }

    public Path stateDir() { return dir; }

    /** How the run ended. */
    public record Result(Path potential, int level, int trainingConfigurations, FitErrors validation, boolean targetMet) {}

    /** Runs (or resumes) everything; returns the final potential. */
    public Result run() {
        List<MlipConfiguration> init = withoutDensityOutliers(initialLabels());
        Split split = split(init);
        List<MlipConfiguration> training = new ArrayList<>(split.start());
        List<MlipConfiguration> pool = new ArrayList<>(split.rest());
        log.accept("split: " + split.start().size() + " initial training, " + split.rest().size() + " pool, "
            + split.validation().size() + " validation configurations");
        double minDist = spec.real("min_dist");
        if (minDist <= 0) {
            List<MlipConfiguration> all = new ArrayList<>(split.start());
            all.addAll(split.rest());
            minDist = Math.floor(MtpTrainer.shortestDistance(all) * 20) / 20;
        }
        MtpModel model = null;
        FitErrors val = null;
        int level = 0;
        boolean met = false;
        int[] levels = spec.integers("levels"), iterations = spec.integers("al.max_iterations");
        for (int li = 0; li < levels.length; li++) {
            int lev = levels[li];
            level = lev;
            Path ld = dir.resolve(String.format(Locale.ROOT, "level-%02d", lev));
            model = pretrain(ld, lev, minDist, training, pool);
            model = standardActiveLearning(ld, lev, iterations[Math.min(li, iterations.length - 1)], training, model);
            val = FitErrors.of(model, species, split.validation());
            FitErrors tr = FitErrors.of(model, species, training);
            log.accept(String.format(Locale.ROOT, "level %d done: %d training configurations; training %s; validation %s", lev,
                training.size(), tr, val));
            writeSummary(ld.resolve("summary.properties"), lev, training.size(), tr, val);
            met = targetMet(val);
            if (met) {
                log.accept("level " + lev + " meets the accuracy target: stopping");
                break;
            }
        }
        if (model == null) throw new IllegalArgumentException(spec.file() + ": levels is empty");
        Path fin = dir.resolve("final.almtp");
        ActiveSetBuilder.Selection sel = ActiveSetBuilder.fromTrainingSet(model, training);
        AlmtpWriter.write(fin, model, sel.set(), sel.configurations());
        write(dir.resolve("final-training.cfg"), training);
        log.accept("final potential (level " + level + "): " + fin + "; training set: " + dir.resolve("final-training.cfg"));
        FitErrors md = finalValidation(fin);
        return new Result(fin, level, training.size(), md != null ? md : val, met);
    }

    /**
     * Held-out labels from MD with the final potential itself (snapshots at even intervals, whatever
     * their grade) of the target structures small enough to label whole: the honest test of a
     * potential on the configurations it will actually visit. Null when not asked for.
     */
    private FitErrors finalValidation(Path potential) {
        int n = spec.integer("final.validation_snapshots");
        if (n <= 0) return null;
        Path file = dir.resolve("final-validation/snapshots.cfg");
        List<MlipConfiguration> snaps;
        if (Files.exists(file)) {
            snaps = read(file);
        } else {
            snaps = new ArrayList<>();
            List<AtomSystem> small = new ArrayList<>();
            List<String> names = new ArrayList<>();
            for (StructureSpec st : spec.structures("al.structures")) {
                AtomSystem sys = st.build(species, spec.baseDir());
                if (sys.size() <= spec.integer("al.local_above")) {
                    small.add(sys);
                    names.add(st.text());
                }
            }
            double[] temps = spec.reals("al.temperatures");
            int runs = small.size() * temps.length;
            if (runs == 0) return null;
            int per = (n + runs - 1) / runs;
            long steps = spec.integer("al.steps");
            int run = 0;
            String p = spec.string("al.pressure_bar");
            double pressure = p.equalsIgnoreCase("nvt") ? Double.NaN : Double.parseDouble(p);
            for (int k = 0; k < small.size(); k++) {
                for (double t : temps) {
                    MtpPotential pot = MtpPotential.load(potential, species);
                    long every = Math.max(1, steps / (per + 1));
                    every = Math.max(spec.integer("al.grade_every"), every - every % spec.integer("al.grade_every"));
                    GradedMd.Settings s = new GradedMd.Settings(t, pressure, steps, spec.real("al.timestep_fs"),
                        spec.integer("al.grade_every"), Double.MAX_VALUE / 2, Double.MAX_VALUE, per,
                        spec.integer("seed") * 7_919L + 104_729L * run++, every);
                    GradedMd.Outcome o = GradedMd.run(small.get(k), pot, s);
                    for (GradedMd.Sample smp : o.samples()) {
                        snaps.add(Snapshot.of(smp.system(), Map.of("origin", String.format(Locale.ROOT, "validation-md:%s:T%.0f:step%d:grade%.3g",
                            names.get(k).replace(' ', '_'), t, smp.step(), smp.maxGrade()))));
                    }
                    log.accept(String.format(Locale.ROOT, "final validation: MD %s at %.0f K: %d snapshots, max grade %.3g (%s)",
                        names.get(k), t, o.samples().size(), o.maxGrade(), o.end()));
                }
            }
            write(file, snaps);
        }
        Labeller labeller = new Labeller(oracle(), dir.resolve("final-validation/labels.cfg"), dir.resolve("work"), false, log);
        labeller.run(snaps, "validation", species);
        List<MlipConfiguration> labels = labeller.labelled(species);
        if (labels.isEmpty()) return null;
        FitErrors e = FitErrors.of(MtpReader.readModel(potential), species, labels);
        log.accept("final validation against held-out labels of its own MD: " + e);
        return e;
    }

    /** Label sources of the initial configurations left out as density outliers. */
    private final java.util.Set<String> excluded = new java.util.HashSet<>();

    /**
     * The initial labels without those whose atom density is below {@code init.min_relative_density}
     * times the median: cubes cut from a trajectory that had to give up a formula unit hold a void,
     * not bulk, and a fit spends itself on them. (Compressed cells are sampling, not defects: only
     * the low side is cut.)
     */
    private List<MlipConfiguration> withoutDensityOutliers(List<MlipConfiguration> init) {
        double min = spec.real("init.min_relative_density");
        if (min <= 0 || init.isEmpty()) return init;
        double[] rho = new double[init.size()];
        for (int k = 0; k < rho.length; k++) rho[k] = init.get(k).system().size() / init.get(k).system().box().volume();
        double[] sorted = rho.clone();
        java.util.Arrays.sort(sorted);
        double median = sorted[sorted.length / 2];
        List<MlipConfiguration> out = new ArrayList<>();
        for (int k = 0; k < rho.length; k++) {
            MlipConfiguration c = init.get(k);
            if (rho[k] < min * median) {
                excluded.add(c.features().get(Labeller.SOURCE));
                log.accept(String.format(Locale.ROOT, "init: %s (%s, %d atoms) left out: density %.4f atoms/Å³, %.0f %% of the median %.4f",
                    c.features().get(Labeller.SOURCE), c.features().getOrDefault("origin", "?"), c.system().size(), rho[k],
                    100 * rho[k] / median, median));
            } else {
                out.add(c);
            }
        }
        return out;
    }

    private boolean targetMet(FitErrors v) {
        double e = spec.real("target.energy_meV_atom"), f = spec.real("target.force_eV_A");
        if (e <= 0 && f <= 0) return false;
        return (e <= 0 || 1000 * v.energyRmse() <= e) && (f <= 0 || v.forceRmse() <= f);
    }

    /** The initial labels split into validation, the first training set and the pool pre-training draws from. */
    record Split(List<MlipConfiguration> validation, List<MlipConfiguration> start, List<MlipConfiguration> rest) {}

    private Split split(List<MlipConfiguration> init) {
        double fv = spec.real("validation.fraction"), fs = spec.real("pretrain.initial_fraction");
        List<MlipConfiguration> v = new ArrayList<>(), st = new ArrayList<>(), r = new ArrayList<>();
        long seed = spec.integer("seed");
        for (MlipConfiguration c : init) {
            // a configuration's share is fixed by its source name and the seed: resuming with more labels keeps it
            String src = c.features().getOrDefault(Labeller.SOURCE, "");
            double u = new java.util.SplittableRandom(seed ^ (src.hashCode() * 0x9E3779B97F4A7C15L)).nextDouble();
            if (u < fv) v.add(c);
            else if (u < fv + (1 - fv) * fs) st.add(c);
            else r.add(c);
        }
        if (st.isEmpty()) throw new IllegalStateException("no initial training configuration (all " + init.size() + " held out?)");
        write(dir.resolve("init/validation.cfg"), v);
        return new Split(v, st, r);
    }

    private LossWeights weights() {
        return new LossWeights(spec.real("train.energy_weight"), spec.real("train.force_weight"), spec.real("train.stress_weight"), 2.0);
    }

    private MtpModel fit(MtpModel start, List<MlipConfiguration> training, int iterations, long seed, String what) {
        MtpTrainer.Settings s = MtpTrainer.Settings.defaults().withWeights(weights()).withIterations(iterations).withSeed(seed)
            .withThreads(spec.integer("train.threads"));
        MtpTrainer.Result r = MtpTrainer.train(start, training, s, line -> { });
        log.accept(String.format(Locale.ROOT, "%s: fit %d configurations, %d iterations (%s), training energy %.2f meV/atom, force %.4f eV/Å, %.0f s",
            what, training.size(), r.iterations(), r.stop(), 1000 * r.energyRmsePerAtom(), r.forceRmse(), r.seconds()));
        return r.model();
    }

    private void saveWithActiveSet(Path file, MtpModel model, List<MlipConfiguration> training) {
        ActiveSetBuilder.Selection sel = ActiveSetBuilder.fromTrainingSet(model, training);
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        AlmtpWriter.write(tmp, model, sel.set(), sel.configurations());
        move(tmp, file);
    }

    /** Pre-training at one level: fit the untrained template, add the pool configurations it extrapolates on, refit. */
    private MtpModel pretrain(Path ld, int level, double minDist, List<MlipConfiguration> training, List<MlipConfiguration> pool) {
        Path pot = ld.resolve("pretrain.almtp"), added = ld.resolve("pretrain-added.cfg");
        if (Files.exists(pot)) {
            List<MlipConfiguration> a = read(added);
            a.removeIf(c -> excluded.contains(c.features().get(Labeller.SOURCE)));
            moveAll(a, pool, training);
            log.accept("level " + level + ": pre-training done before (" + a.size() + " pool configurations added); resuming");
            return MtpReader.readModel(pot);
        }
        MtpModel template = MtpTemplates.untrained(level, species.size(), minDist, spec.real("max_dist"));
        long seed = spec.integer("seed") * 31L + level;
        MtpModel m = fit(template, training, spec.integer("train.iterations"), seed, "level " + level + " pre-training");
        List<MlipConfiguration> a = new ArrayList<>();
        if (!pool.isEmpty()) {
            List<Integer> idx = ActiveSetBuilder.selectAdd(m, training, pool, spec.real("pretrain.select"), Integer.MAX_VALUE);
            for (int i : idx) a.add(pool.get(i));
            log.accept("level " + level + ": pre-training select-add takes " + a.size() + " of " + pool.size() + " pool configurations");
            if (!a.isEmpty()) {
                moveAll(a, pool, training);
                m = fit(m, training, spec.integer("train.refit_iterations"), seed, "level " + level + " pre-training refit");
            }
        }
        write(added, a);
        saveWithActiveSet(pot, m, training);
        return m;
    }

    private static void moveAll(List<MlipConfiguration> a, List<MlipConfiguration> from, List<MlipConfiguration> to) {
        for (MlipConfiguration c : a) {
            String src = c.features().get(Labeller.SOURCE);
            from.removeIf(p -> src != null && src.equals(p.features().get(Labeller.SOURCE)));
            to.add(c);
        }
    }

    /** Standard active learning at one level, from the pre-trained model. */
    private MtpModel standardActiveLearning(Path ld, int level, int maxIt, List<MlipConfiguration> training, MtpModel start) {
        MtpModel model = start;
        for (int it = 1; it <= maxIt; it++) {
            Path id = ld.resolve(String.format(Locale.ROOT, "it-%02d", it));
            Path pot = id.resolve("pot.almtp"), converged = id.resolve("converged");
            if (Files.exists(converged)) {
                log.accept("level " + level + " iteration " + it + ": converged before; resuming");
                break;
            }
            if (Files.exists(pot)) {
                training.addAll(read(id.resolve("labels.cfg")));
                model = MtpReader.readModel(pot);
                continue;
            }
            Path cand = id.resolve("candidates.cfg");
            List<MlipConfiguration> candidates;
            if (Files.exists(cand)) {
                candidates = read(cand);
            } else {
                candidates = sample(model, training, level, it);
                write(cand, candidates);
            }
            if (candidates.isEmpty()) {
                log.accept("level " + level + " iteration " + it + ": MD found no configuration above the select threshold: converged");
                touch(converged);
                break;
            }
            Path sel = id.resolve("selected.cfg");
            List<MlipConfiguration> selected;
            if (Files.exists(sel)) {
                selected = read(sel);
            } else {
                List<Integer> idx = ActiveSetBuilder.selectAdd(model, training, candidates, ActiveSetBuilder.TOLERANCE,
                    spec.integer("al.max_new"));
                selected = new ArrayList<>();
                for (int i : idx) selected.add(candidates.get(i));
                write(sel, selected);
                log.accept("level " + level + " iteration " + it + ": " + candidates.size() + " candidates, MaxVol selects "
                    + selected.size());
            }
            if (selected.isEmpty()) {
                touch(converged);
                break;
            }
            Labeller labeller = new Labeller(oracle(), id.resolve("labels.cfg"), dir.resolve("work"), false, log);
            labeller.run(selected, String.format(Locale.ROOT, "L%02d-it%02d", level, it), species);
            List<MlipConfiguration> labels = labeller.labelled(species);
            training.addAll(labels);
            long seed = spec.integer("seed") * 31L + level * 1000L + it;
            model = fit(model, training, spec.integer("train.refit_iterations"), seed, "level " + level + " iteration " + it);
            saveWithActiveSet(pot, model, training);
        }
        return model;
    }

    /** Graded MD of every target structure at every temperature with the current potential; the candidates it yields. */
    private List<MlipConfiguration> sample(MtpModel model, List<MlipConfiguration> training, int level, int it) {
        ActiveSetBuilder.Selection sel = ActiveSetBuilder.fromTrainingSet(model, training);
        MtpReader.MtpFile file = MtpReader.read(AlmtpWriter.bytes(model, sel.set(), sel.configurations()), "current potential");
        List<MlipConfiguration> out = new ArrayList<>();
        List<StructureSpec> structures = spec.structures("al.structures");
        double[] temps = spec.reals("al.temperatures");
        String p = spec.string("al.pressure_bar");
        double pressure = p.equalsIgnoreCase("nvt") ? Double.NaN : Double.parseDouble(p);
        int run = 0;
        for (StructureSpec st : structures) {
            AtomSystem sys = st.build(species, spec.baseDir());
            for (double t : temps) {
                MtpPotential pot = new MtpPotential(file.model(), species);
                pot.setActiveSet(file.activeSet());
                long seed = spec.integer("seed") * 1_000_003L + level * 10_007L + it * 101L + run++;
                GradedMd.Settings s = new GradedMd.Settings(t, pressure, spec.integer("al.steps"), spec.real("al.timestep_fs"),
                    spec.integer("al.grade_every"), spec.real("al.select"), spec.real("al.break"), spec.integer("al.max_samples"), seed, 0);
                GradedMd.Outcome o = GradedMd.run(sys, pot, s);
                log.accept(String.format(Locale.ROOT, "level %d iteration %d: MD %s at %.0f K: %d steps, max grade %.3g, %d snapshots (%s)",
                    level, it, st, t, o.steps(), o.maxGrade(), o.samples().size(), o.end()));
                for (GradedMd.Sample smp : o.samples()) out.add(candidate(smp, pot, st, t));
            }
        }
        return out;
    }

    /** A snapshot as a labelling candidate: itself when small, else a relaxed local cell around its worst atom. */
    private MlipConfiguration candidate(GradedMd.Sample smp, MtpPotential pot, StructureSpec st, double t) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("origin", String.format(Locale.ROOT, "md:%s:T%.0f:step%d:grade%.3g", st.text().replace(' ', '_'), t, smp.step(),
            smp.maxGrade()));
        if (smp.system().size() <= spec.integer("al.local_above")) return Snapshot.of(smp.system(), f);
        LocalCell.Result cell = LocalCell.aroundAtom(smp.system(), smp.worstAtom(), spec.real("al.local_side"), spec.formulaUnit(),
            spec.real("al.local_protect"), LocalCell.MIN_CONTACT);
        AtomSystem relaxed = cell.cell();
        try {
            ProtectedRelaxation.Result r = ProtectedRelaxation.relax(cell.cell(), cell.protectedAtoms(), pot, 0.1, 300);
            relaxed = r.cell();
            f.put("local", String.format(Locale.ROOT, "%d_atoms_removed%d_relaxed%d_steps_fmax%.3g", relaxed.size(), cell.removed(),
                r.steps(), r.maxForce()));
        } catch (IllegalStateException | IllegalArgumentException e) {
            f.put("local", relaxed.size() + "_atoms_unrelaxed");
        }
        return Snapshot.of(relaxed, f);
    }

    private List<MlipConfiguration> read(Path p) {
        return Files.exists(p) ? new MlipCfgReader(species).readAll(p) : new ArrayList<>();
    }

    private static void touch(Path p) {
        try {
            Files.createDirectories(p.toAbsolutePath().getParent());
            Files.writeString(p, "", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void move(Path from, Path to) {
        try {
            Files.move(from, to, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + to + ": " + e.getMessage(), e);
        }
    }

    private static void writeSummary(Path p, int level, int n, FitErrors tr, FitErrors v) {
        String s = String.format(Locale.ROOT, "level = %d%ntraining_configurations = %d%ntrain_energy_rmse_meV_atom = %.4f%n"
            + "train_force_rmse_eV_A = %.5f%ntrain_stress_rmse_GPa = %.4f%nvalidation_configurations = %d%n"
            + "validation_energy_rmse_meV_atom = %.4f%nvalidation_force_rmse_eV_A = %.5f%nvalidation_stress_rmse_GPa = %.4f%n",
            level, n, 1000 * tr.energyRmse(), tr.forceRmse(), tr.stressRmseGpa(), v.configurations(), 1000 * v.energyRmse(),
            v.forceRmse(), v.stressRmseGpa());
        try {
            Files.writeString(p, s, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Oracle oracle() {
        if (oracle == null) {
            oracle = spec.oracle();
            log.accept("oracle: " + oracle.describe());
        }
        return oracle;
    }

    /** Step 1: the initial pool (perturbed structures, trajectory cuts) and its labels. */
    public List<MlipConfiguration> initialLabels() {
        Path pool = dir.resolve("init/pool.cfg");
        List<MlipConfiguration> configs;
        if (Files.exists(pool)) {
            configs = new MlipCfgReader(species).readAll(pool);
        } else {
            configs = buildPool();
            write(pool, configs);
            log.accept("init: pool of " + configs.size() + " configurations written to " + pool);
        }
        Labeller labeller = new Labeller(oracle(), dir.resolve("init/labels.cfg"), dir.resolve("work"), false, log);
        Labeller.Outcome o = labeller.run(configs, "init", species);
        if (o.labelled() + o.failed() > 0) {
            log.accept("init: " + o.labelled() + " labelled, " + o.failed() + " failed, " + o.skipped() + " already done");
        }
        return labeller.labelled(species);
    }

    private List<MlipConfiguration> buildPool() {
        List<MlipConfiguration> out = new ArrayList<>();
        long seed = spec.integer("seed");
        int k = 0;
        for (StructureSpec s : spec.structures("init.structures")) {
            AtomSystem base = s.build(species, spec.baseDir());
            out.addAll(InitialPool.perturbed(base, s.text(), spec.integer("init.perturbed"), spec.real("init.strain"),
                spec.real("init.displacement"), seed * 1_000_003L + k++));
        }
        for (Path t : spec.paths("init.trajectories")) {
            double side = spec.real("init.cut_side");
            out.addAll(InitialPool.trajectoryCuts(t, species, spec.integer("init.trajectory_frames"), side,
                spec.formulaUnit(), seed * 1_000_003L + k++));
        }
        if (out.isEmpty()) throw new IllegalArgumentException(spec.file() + ": the initial pool is empty: give init.structures or init.trajectories");
        return out;
    }

    static void write(Path file, List<MlipConfiguration> cfgs) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the folder of " + file + ": " + e.getMessage(), e);
        }
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        MlipCfgWriter.writeAll(tmp, cfgs);
        move(tmp, file);
    }

    /** Records the effective spec in the state folder (once). */
    public void recordSpec() {
        Path f = dir.resolve("spec.effective.properties");
        try {
            Files.createDirectories(dir);
            Files.writeString(f, spec.effectiveText(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + f + ": " + e.getMessage(), e);
        }
    }
}
