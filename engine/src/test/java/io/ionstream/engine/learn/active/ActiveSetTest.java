package io.ionstream.engine.learn.active;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ionstream.engine.SharedData;
import io.ionstream.engine.io.mlip.MlipConfiguration;
import io.ionstream.engine.io.mlip.MlipSpecies;
import io.ionstream.engine.learn.Snapshot;
import io.ionstream.engine.learn.fit.SiteGradients;
import io.ionstream.engine.potential.mtp.ActiveSet;
import io.ionstream.engine.potential.mtp.MtpEvaluator;
import io.ionstream.engine.potential.mtp.MtpModel;
import io.ionstream.engine.potential.mtp.MtpPotential;
import io.ionstream.engine.potential.mtp.MtpReader;
import io.ionstream.engine.system.AtomSystem;
import io.ionstream.engine.system.Box;
import io.ionstream.engine.system.SpeciesTable;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * MaxVol active sets: written as .almtp and read back by the production reader (matrices bit for
 * bit, A·A⁻¹ = I); the production grade kernel (independent site gradients) grades every training
 * neighbourhood ≤ the tolerance and the selected ones exactly 1; select-add picks an extrapolative
 * configuration and leaves a known one.
 */
class ActiveSetTest {
    static final MtpModel LI = MtpReader.readModel(SharedData.file("mtp-reference/mlip3_Li_example/pot.almtp"));
    static final MlipSpecies SPECIES = MlipSpecies.named("Li");

    static List<MlipConfiguration> bcc(double a, int count, double sigma, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        List<MlipConfiguration> out = new ArrayList<>();
        for (int c = 0; c < count; c++) {
            AtomSystem s = new AtomSystem(SpeciesTable.of("Li"), Box.orthorhombic(2 * a, 2 * a, 2 * a), 16);
            for (int i = 0; i < 2; i++)
                for (int j = 0; j < 2; j++)
                    for (int k = 0; k < 2; k++) {
                        s.add(0, i * a + sigma * rnd.nextGaussian(), j * a + sigma * rnd.nextGaussian(), k * a + sigma * rnd.nextGaussian());
                        s.add(0, (i + .5) * a + sigma * rnd.nextGaussian(), (j + .5) * a + sigma * rnd.nextGaussian(),
                            (k + .5) * a + sigma * rnd.nextGaussian());
                    }
            out.add(Snapshot.of(s));
        }
        return out;
    }

    @Test
    void trainingSetActiveSetRoundTripsAndGradesItsOwnNeighbourhoods() throws Exception {
        List<MlipConfiguration> train = bcc(3.45, 6, 0.15, 1);
        ActiveSetBuilder.Selection sel = ActiveSetBuilder.fromTrainingSet(LI, train);
        byte[] bytes = AlmtpWriter.bytes(LI, sel.set(), sel.configurations());
        MtpReader.MtpFile f = MtpReader.read(bytes, "memory");
        assertEquals(LI, f.model());
        ActiveSet read = f.activeSet();
        int n = LI.coefficientCount();
        double[] a = read.matrix(), invT = read.storedInverse();
        assertTrue(java.util.Arrays.equals(a, sel.set().matrix()));
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int k = 0; k < n; k++) s += a[i * n + k] * invT[j * n + k];
                assertEquals(i == j ? 1 : 0, s, 1e-8, "A·A⁻¹ at " + i + "," + j);
            }
        }
        assertEquals(sel.configurations().size(), new io.ionstream.engine.io.mlip.MlipCfgReader(SPECIES)
            .readAll(read.selectedConfigurationsText(), "tail").size());
        MtpPotential pot = new MtpPotential(LI, SPECIES);
        pot.setActiveSet(read);
        MtpEvaluator eval = new MtpEvaluator(pot);
        int ones = 0;
        for (int c = 0; c < train.size(); c++) {
            double[] g = eval.evaluate(train.get(c), true).grades();
            double[] rows = SiteGradients.of(LI, train.get(c));
            for (int i = 0; i < g.length; i++) {
                assertTrue(g[i] <= ActiveSetBuilder.TOLERANCE + 1e-9, "grade " + g[i] + " of atom " + i + " of configuration " + c);
                // the production kernel and the training kernel's rows agree on the grade
                assertEquals(sel.set().grade(rows, i * n), g[i], 1e-9 * Math.max(1, g[i]));
                if (Math.abs(g[i] - 1) < 1e-9) ones++;
            }
        }
        assertTrue(ones >= 1, "selected neighbourhoods grade exactly 1");
        for (int k = 0; k < n; k++) assertTrue(read.configurationOf(k) >= -1);
    }

    @Test
    void selectAddTakesTheExtrapolativeConfiguration() {
        List<MlipConfiguration> train = bcc(3.45, 6, 0.1, 2);
        List<MlipConfiguration> candidates = new ArrayList<>(bcc(3.45, 2, 0.1, 3));
        candidates.add(bcc(3.0, 1, 0.1, 4).get(0));  // compressed: neighbour distances never seen
        List<Integer> chosen = ActiveSetBuilder.selectAdd(LI, train, candidates, 1.5, 1);
        assertEquals(List.of(2), chosen);
        List<Integer> none = ActiveSetBuilder.selectAdd(LI, train, List.of(train.get(0)), 1.5, 5);
        assertFalse(none.contains(0), "a training configuration adds nothing");
    }
}
