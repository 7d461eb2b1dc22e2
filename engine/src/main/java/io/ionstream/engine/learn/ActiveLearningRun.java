package io.ionstream.engine.learn;

import io.ionstream.engine.io.mlip.MlipCfgReader;
import io.ionstream.engine.io.mlip.MlipCfgWriter;
import io.ionstream.engine.io.mlip.MlipConfiguration;
import io.ionstream.engine.io.mlip.MlipSpecies;
import io.ionstream.engine.learn.active.InitialPool;
import io.ionstream.engine.learn.oracle.Labeller;
import io.ionstream.engine.learn.oracle.Oracle;
import io.ionstream.engine.system.AtomSystem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One active-learning run in a state folder (see docs/architecture.md, "engine.learn"). Every
 * step writes its result into the folder before the next starts and is skipped when its result
 * is already there, so a run that is stopped (or crashes) continues where it was by running the
 * same command again.
 */
public final class ActiveLearningRun {
    private final LearnSpec spec;
    private final Path dir;
    private final RunLog log;
    private final MlipSpecies species;
    private Oracle oracle;

    public ActiveLearningRun(LearnSpec spec, Path stateDir, RunLog log) {
        this.spec = spec;
        this.dir = stateDir;
        this.log = log;
        this.species = spec.species();
    }

    public Path stateDir() { return dir; }

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
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            MlipCfgWriter.writeAll(tmp, cfgs);
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
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
