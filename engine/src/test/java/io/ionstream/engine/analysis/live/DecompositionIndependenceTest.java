package io.ionstream.engine.analysis.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ionstream.engine.analysis.structure.CageCentres;
import io.ionstream.engine.analysis.structure.TestStructures;
import io.ionstream.engine.system.AtomSystem;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Every observable gives the same values computed serially and as summed partials of 2, 3 and
 * 5 slab subdomains, with per-atom state carried by id while atoms migrate between them.
 */
class DecompositionIndependenceTest {

    private static ObservableSet observables(long[] centres) {
        return ObservableSet.of(
            new ThermoObservable(),
            new MsdObservable(new String[] {"Li"}, SlabRegions.grainBoundary(new double[] {3.0, 14.4}, 3.0),
                MsdObservable.Drift.FRAMEWORK),
            new ReductionFraction(),
            new CrystallinityObservable(),
            new ZProfile(new String[] {"Li"}, 5, true),
            new RdfObservable("Li", "S", 5.0, 50),
            new CageObservable(centres, "Li", 4.0, 2.5));
    }

    @Test
    void serialAndDecomposedValuesAgree() {
        // a vibrating solid solution; some Li then move far (jumps, migration between slabs)
        AtomSystem sys = TestStructures.antifluorite(4, 5.7, 1.0 / 7, 1.0 / 7, 0.15, 0.25, 21);
        SplittableRandom rng = new SplittableRandom(2);
        for (int k = 0; k < 3 * sys.size(); k++) sys.v()[k] = rng.nextDouble() - 0.5;
        // cage centres: every fourth anion (any id set works for the bookkeeping)
        long[] centres = java.util.stream.IntStream.range(0, sys.size()).filter(i -> sys.type()[i] != 0 && i % 4 == 0)
            .mapToLong(i -> sys.id()[i]).toArray();
        ObservableSet serialSet = observables(centres);
        double r = serialSet.neighborRadius();

        // reference state at t0, serially
        Map<Long, double[]> serialState = new HashMap<>();
        LocalAtoms v0 = view(sys, r, serialSet.stateWidth());
        serialSet.initState(v0);
        Subdomains.store(v0, serialState);

        // move: Li random walk of up to 4 Å, everything else a little; crosses cell faces too
        for (int i = 0; i < sys.size(); i++) {
            double amp = sys.type()[i] == 0 ? 4.0 : 0.3;
            for (int d = 0; d < 3; d++) sys.x()[3 * i + d] += amp * (2 * rng.nextDouble() - 1);
        }
        double[] eatom = new double[sys.size()];
        for (int i = 0; i < eatom.length; i++) eatom[i] = -3 + rng.nextDouble();
        double pe = 0;
        for (double e : eatom) pe += e;
        double[] virial = {1.5, -2.0, 0.7, 0.1, 0.2, -0.3};

        LocalAtoms v1 = view(sys, r, serialSet.stateWidth());
        v1.eatom = eatom;
        v1.potentialEnergy = pe;
        System.arraycopy(virial, 0, v1.virial, 0, 6);
        gather(v1, serialState);
        double[] serialPartial = new double[serialSet.partialLength()];
        serialSet.accumulate(v1, serialPartial);
        GlobalFrame frame = new GlobalFrame(10, 0.01, sys.box(), 0.25);
        double[][] expected = copy(serialSet.finish(serialPartial, frame));
        assertTrue(expected[6][0] > 0, "some Li changed cage");
        assertTrue(expected[3][0] > 0.5, "crystallinity of the vibrating crystal");

        for (int parts : new int[] {2, 3, 5}) {
            ObservableSet set = observables(centres);
            // t0: every subdomain initialises its own atoms
            LocalAtoms s0 = view(sys0(sys, v0), r, set.stateWidth());
            Map<Long, double[]> state = new HashMap<>();
            for (int k = 0; k < parts; k++) {
                LocalAtoms sub = Subdomains.slab(s0, k, parts, r, set.stateWidth(), state, 0, new double[6]);
                set.initState(sub);
                Subdomains.store(sub, state);
            }
            // t1: atoms have migrated; state follows them by id. Partials ride in StepSums.extra and
            // are reduced by StepSums.add, as the coordinator reduces a step's sums.
            io.ionstream.engine.md.StepSums reduced = new io.ionstream.engine.md.StepSums();
            for (int k = 0; k < parts; k++) {
                LocalAtoms sub = Subdomains.slab(v1, k, parts, r, set.stateWidth(), state, 0, new double[6]);
                double share = 0;
                for (int i = 0; i < sub.nlocal; i++) share += sub.eatom[i];
                sub.potentialEnergy = share;
                for (int c = 0; c < 6; c++) sub.virial[c] = virial[c] * sub.nlocal / sys.size();
                io.ionstream.engine.md.StepSums sums = new io.ionstream.engine.md.StepSums();
                sums.extra = new double[set.partialLength()];
                set.accumulate(sub, sums.extra);
                reduced.add(sums);
            }
            double[][] got = set.finish(reduced.extra, frame);
            for (int o = 0; o < got.length; o++) {
                String[] names = set.observables().get(o).valueNames();
                for (int c = 0; c < got[o].length; c++) {
                    assertEquals(expected[o][c], got[o][c], 1e-9 * (1 + Math.abs(expected[o][c])),
                        parts + " subdomains: " + set.observables().get(o).name() + "." + names[c]);
                }
            }
        }
    }

    /** The t0 configuration again (the serial t0 view's local atoms with their images). */
    private static AtomSystem sys0(AtomSystem now, LocalAtoms v0) {
        AtomSystem s = new AtomSystem(now.species(), now.box().copy(), v0.nlocal);
        for (int i = 0; i < v0.nlocal; i++) {
            int k = s.add(v0.type[i], v0.x[3 * i], v0.x[3 * i + 1], v0.x[3 * i + 2]);
            s.id()[k] = v0.id[i];
            System.arraycopy(v0.image, 3 * i, s.image(), 3 * k, 3);
        }
        return s;
    }

    private static LocalAtoms view(AtomSystem sys, double r, int w) {
        LocalAtoms v = new SerialView().build(sys, r);
        // the serial view reuses its buffers: take private copies
        LocalAtoms c = new LocalAtoms();
        c.nlocal = v.nlocal;
        c.nall = v.nall;
        c.x = v.x.clone();
        c.type = v.type.clone();
        c.id = v.id.clone();
        c.image = v.image.clone();
        c.v = sys.v().clone();
        c.box = v.box;
        c.species = v.species;
        c.massByType = v.massByType;
        c.full = v.full;
        c.stateStride = w;
        c.state = new double[Math.max(1, w * v.nlocal)];
        return c;
    }

    private static void gather(LocalAtoms v, Map<Long, double[]> state) {
        for (int i = 0; i < v.nlocal; i++) System.arraycopy(state.get(v.id[i]), 0, v.state, i * v.stateStride, v.stateStride);
    }

    private static double[][] copy(double[][] a) {
        double[][] c = new double[a.length][];
        for (int k = 0; k < a.length; k++) c[k] = a[k].clone();
        return c;
    }
}
