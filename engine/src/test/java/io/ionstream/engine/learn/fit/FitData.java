package io.ionstream.engine.learn.fit;

import io.ionstream.engine.SharedData;
import io.ionstream.engine.io.mlip.MlipConfiguration;
import io.ionstream.engine.io.mlip.MlipSpecies;
import io.ionstream.engine.learn.Snapshot;
import io.ionstream.engine.learn.active.PerturbedCells;
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

/** Small labelled data sets for fitting tests: perturbed cells labelled by a known MTP. */
final class FitData {
    private FitData() {}

    /** MLIP-3's trained Li example (level 6, one species). */
    static MtpModel liModel() {
        return MtpReader.readModel(SharedData.file("mtp-reference/mlip3_Li_example/pot.almtp"));
    }

    /** bcc Li, n×n×n conventional cells of side a. */
    static AtomSystem bccLi(int n, double a) {
        AtomSystem s = new AtomSystem(SpeciesTable.of("Li"), Box.orthorhombic(n * a, n * a, n * a), 2 * n * n * n);
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
                for (int k = 0; k < n; k++) {
                    s.add(0, i * a, j * a, k * a);
                    s.add(0, (i + 0.5) * a, (j + 0.5) * a, (k + 0.5) * a);
                }
        return s;
    }

    /**
     * {@code count} random packings of {@code atoms} Li atoms in a cube of side {@code side}, no pair
     * closer than {@code minDist} (random sequential insertion, seeded), labelled with {@code model}:
     * pair distances cover the whole radial range, unlike a perturbed crystal's shells.
     */
    static List<MlipConfiguration> randomPackings(MtpModel model, int count, int atoms, double side, double minDist, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        MtpEvaluator eval = new MtpEvaluator(new MtpPotential(model, MlipSpecies.named("Li")));
        List<MlipConfiguration> out = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            AtomSystem s = new AtomSystem(SpeciesTable.of("Li"), Box.orthorhombic(side, side, side), atoms);
            double[] d = new double[3];
            while (s.size() < atoms) {
                double x = side * rnd.nextDouble(), y = side * rnd.nextDouble(), z = side * rnd.nextDouble();
                boolean ok = true;
                for (int j = 0; j < s.size() && ok; j++) {
                    d[0] = x - s.x()[3 * j];
                    d[1] = y - s.x()[3 * j + 1];
                    d[2] = z - s.x()[3 * j + 2];
                    s.box().minimumImage(d, 0);
                    ok = d[0] * d[0] + d[1] * d[1] + d[2] * d[2] >= minDist * minDist;
                }
                if (ok) s.add(0, x, y, z);
            }
            MlipConfiguration c = Snapshot.of(s);
            MtpEvaluator.Result r = eval.evaluate(c, false);
            out.add(c.withEnergyForcesStress(r.energy(), r.forces(), r.plusStress()));
        }
        return out;
    }

    /** {@code count} perturbed copies of {@code base}, labelled with {@code model} (energy, forces, PlusStress). */
    static List<MlipConfiguration> labelled(MtpModel model, AtomSystem base, int count, double strain, double sigma, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        String[] sym = base.species().symbols();
        MtpEvaluator eval = new MtpEvaluator(new MtpPotential(model, MlipSpecies.named(sym)));
        List<MlipConfiguration> out = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            MlipConfiguration c = Snapshot.of(PerturbedCells.perturb(base, strain, sigma, rnd.split()));
            MtpEvaluator.Result r = eval.evaluate(c, false);
            out.add(c.withEnergyForcesStress(r.energy(), r.forces(), r.plusStress()));
        }
        return out;
    }

    /** The same configurations with every label shifted by noise (so that residuals are not zero). */
    static List<MlipConfiguration> noisy(List<MlipConfiguration> cfgs, double energy, double force, double stress, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        List<MlipConfiguration> out = new ArrayList<>();
        for (MlipConfiguration c : cfgs) {
            double[] f = c.forces().clone(), s = c.plusStress().clone();
            for (int i = 0; i < f.length; i++) f[i] += force * rnd.nextGaussian();
            for (int i = 0; i < 6; i++) s[i] += stress * rnd.nextGaussian();
            out.add(c.withEnergyForcesStress(c.energy() + energy * rnd.nextGaussian(), f, s));
        }
        return out;
    }
}
