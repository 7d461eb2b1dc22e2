package io.ionstream.engine.learn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ionstream.engine.SharedData;
import io.ionstream.engine.io.mlip.MlipConfiguration;
import io.ionstream.engine.io.mlip.MlipSpecies;
import io.ionstream.engine.learn.oracle.Label;
import io.ionstream.engine.learn.oracle.Oracle;
import io.ionstream.engine.potential.mtp.MtpEvaluator;
import io.ionstream.engine.potential.mtp.MtpPotential;
import io.ionstream.engine.potential.mtp.MtpReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole quality-level loop on bcc Li with a known MTP as the oracle (in process): initial
 * pool, levels 4 and 6 with pre-training and graded-MD active learning (a large cell through local
 * cells), the final potential with its active set; a second run resumes from the state folder
 * without a single new label and ends with the identical potential.
 */
class ActiveLearningRunTest {
    static final Path REFERENCE = SharedData.file("mtp-reference/mlip3_Li_example/pot.almtp");

    @TempDir
    Path tmp;

    /** The Li example MTP as an oracle, counting its calls. */
    static final class ReferenceOracle implements Oracle {
        final AtomicInteger calls = new AtomicInteger();
        final MtpEvaluator eval = new MtpEvaluator(MtpPotential.load(REFERENCE, MlipSpecies.named("Li")));

        @Override public String describe() { return "the MLIP-3 Li example potential"; }

        @Override
        public Label label(MlipConfiguration c, Path workDir) {
            calls.incrementAndGet();
            MtpEvaluator.Result r = eval.evaluate(c, false);
            return new Label(r.energy(), r.forces(), r.plusStress(), 0);
        }
    }

    @Test
    void qualityLevelLoopRunsAndResumes() throws Exception {
        Path spec = tmp.resolve("learn.properties");
        Files.writeString(spec, String.join("\n",
            "species = Li", "formula_unit = 1", "seed = 3",
            "init.structures = li-bcc supercell=2,2,2 lattice=3.44 ; li-bcc supercell=2,2,2 lattice=3.3",
            "init.perturbed = 5", "init.strain = 0.04", "init.displacement = 0.08",
            "validation.fraction = 0.2", "pretrain.initial_fraction = 0.6",
            "levels = 4,6", "min_dist = 2.3", "max_dist = 5.0",
            "train.iterations = 80", "train.refit_iterations = 40", "train.threads = 2",
            "al.structures = li-bcc supercell=2,2,2 lattice=3.44 ; li-bcc supercell=4,4,4 lattice=3.44",
            "al.temperatures = 600", "al.steps = 200", "al.grade_every = 10", "al.select = 1.2", "al.break = 50",
            "al.max_samples = 4", "al.max_new = 3", "al.max_iterations = 1,2",
            "al.local_above = 64", "al.local_side = 6.88", "al.local_protect = 1.5", ""));
        ReferenceOracle oracle = new ReferenceOracle();
        List<String> log = new ArrayList<>();
        ActiveLearningRun.Result first = new ActiveLearningRun(LearnSpec.read(spec), tmp.resolve("state"),
            new RunLog(tmp.resolve("state/log.txt"), log::add), oracle).run();
        int labels = oracle.calls.get();
        assertTrue(labels > 10, "labels " + labels);
        assertEquals(6, first.level());
        assertTrue(Files.exists(tmp.resolve("state/level-04/pretrain.almtp")));
        assertTrue(Files.exists(tmp.resolve("state/level-06/it-01/candidates.cfg")));
        // al.max_iterations per level: one at level 4, two at level 6
        assertTrue(Files.exists(tmp.resolve("state/level-04/it-01/candidates.cfg")));
        assertTrue(!Files.exists(tmp.resolve("state/level-04/it-02")), "level 4 runs one iteration");
        assertTrue(Files.exists(tmp.resolve("state/level-06/it-02/candidates.cfg")), "level 6 runs two iterations");
        MtpReader.MtpFile fin = MtpReader.read(first.potential());
        assertNotNull(fin.activeSet());
        assertTrue(log.stream().anyMatch(l -> l.contains("MD li-bcc supercell=4,4,4")), "the large cell was sampled");
        String candidates = Files.readString(tmp.resolve("state/level-04/it-01/candidates.cfg"));
        assertTrue(candidates.isEmpty() || candidates.contains("origin"), "candidates carry their origin");
        // resume: nothing is labelled again, the result is the same potential
        ActiveLearningRun.Result again = new ActiveLearningRun(LearnSpec.read(spec), tmp.resolve("state"),
            new RunLog(tmp.resolve("state/log.txt"), l -> { }), oracle).run();
        assertEquals(labels, oracle.calls.get(), "no new labels on resume");
        assertEquals(fin.model(), MtpReader.readModel(again.potential()));
        assertEquals(first.trainingConfigurations(), again.trainingConfigurations());
    }

    @Test
    void densityOutliersOfTheInitialPoolAreLeftOut() throws Exception {
        Path spec = tmp.resolve("outliers.properties");
        Files.writeString(spec, String.join("\n",
            "species = Li", "formula_unit = 1", "seed = 5",
            "init.structures = li-bcc supercell=2,2,2 lattice=3.44 ; li-bcc supercell=2,2,2 lattice=4.3",
            "init.perturbed = 4", "init.strain = 0.02", "init.displacement = 0.05", "init.min_relative_density = 0.8",
            "validation.fraction = 0", "pretrain.initial_fraction = 1",
            "levels = 4", "min_dist = 2.3", "max_dist = 5.0", "train.iterations = 20", "train.threads = 1",
            "al.max_iterations = 0", ""));
        List<String> log = new ArrayList<>();
        ActiveLearningRun.Result r = new ActiveLearningRun(LearnSpec.read(spec), tmp.resolve("outliers"),
            new RunLog(tmp.resolve("outliers/log.txt"), log::add), new ReferenceOracle()).run();
        // 4 of 8 labels are at half the density; the median is the denser kind (index 4 of 8 sorted)
        assertEquals(4, r.trainingConfigurations());
        assertEquals(4, log.stream().filter(l -> l.contains("left out: density")).count(), String.join("\n", log));
    }
}
