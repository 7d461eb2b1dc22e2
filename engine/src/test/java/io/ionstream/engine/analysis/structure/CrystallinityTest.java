package io.ionstream.engine.analysis.structure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ionstream.engine.analysis.live.CrystallinityObservable;
import io.ionstream.engine.analysis.live.LocalAtoms;
import io.ionstream.engine.analysis.live.SerialView;
import io.ionstream.engine.system.AtomSystem;
import io.ionstream.engine.system.Box;
import io.ionstream.engine.system.SpeciesTable;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Crystallinity = share of anions whose anion neighbourhood is fcc (adaptive CNA on the anion
 * sublattice). Li₂S: a = 5.70 Å. Thermal amplitude: Li₂S melts at ≈ 1640 K; with a Lindemann
 * ratio of ≈ 0.1 at melting and ⟨u²⟩ ∝ T, the 3-D rms displacement of S at 400 K is ≈ 0.05 × 4.03 Å
 * ≈ 0.2 Å, i.e. σ ≈ 0.12 Å per component (Li ≈ 0.16 Å). The tests use σ = 0.15 Å and 0.25 Å,
 * uncorrelated between atoms (harsher than real phonons, where neighbours move together).
 */
class CrystallinityTest {
    private static final String[] ANIONS = {"S", "P", "Cl"};
    private static final double A = 5.70;

    private static double crystallinity(AtomSystem s) {
        CrystallinityObservable c = new CrystallinityObservable();
        LocalAtoms v = new SerialView().build(s, c.neighborRadius());
        double[] p = new double[c.partialLength()];
        c.accumulate(v, 0, p, 0);
        double[] out = new double[c.valueNames().length];
        c.finish(p, 0, new io.ionstream.engine.analysis.live.GlobalFrame(0, 0, s.box(), 0), out);
        int anions = 0;
        boolean[] mask = LocalAtoms.typeMask(s.species(), java.util.Arrays.stream(ANIONS)
            .filter(a -> s.species().indexOf(a) >= 0).toArray(String[]::new));
        for (int i = 0; i < s.size(); i++) if (mask[s.type()[i]]) anions++;
        assertEquals(anions, out[2], "anions counted");
        return out[0];
    }

    @Test
    void perfectAntifluoriteIsFullyCrystalline() {
        assertEquals(1.0, crystallinity(TestStructures.antifluorite(4, A, 0, 0, 0, 0, 1)), 0.0);
    }

    @Test
    void thermallyVibratingSolidSolutionIsFullyCrystalline() {
        // 5Li2S·Li3P·LiCl: 1/7 of the anions P, 1/7 Cl
        for (long seed = 1; seed <= 3; seed++) {
            AtomSystem s = TestStructures.antifluorite(4, A, 1.0 / 7, 1.0 / 7, 0.15, 0.25, seed);
            assertEquals(1.0, crystallinity(s), 0.0, "seed " + seed);
        }
    }

    @Test
    void meltedLennardJonesLiquidIsAmorphous() {
        // the in.msd argon liquid (LAMMPS), relabelled as sulfur
        double c = crystallinity(TestStructures.ljLiquid("S"));
        assertTrue(c < 0.03, "liquid crystallinity " + c);
    }

    @Test
    void randomPackingIsAmorphous() {
        assertTrue(crystallinity(randomAnions(5 * A, 500, 3.0, 4)) < 0.01);
    }

    /**
     * Half crystal, half random packing along z: the fraction must be that of the crystalline
     * half up to the two interface layers, every anion deeper than 4 Å inside the crystal must be
     * fcc and almost none inside the amorphous half.
     */
    @Test
    void halfCrystallineSlabGivesTheCrystallineShare() {
        int cells = 4;
        AtomSystem crystal = TestStructures.antifluorite(cells, A, 1.0 / 7, 1.0 / 7, 0.15, 0.25, 9);
        double l = cells * A;
        SpeciesTable sp = crystal.species();
        AtomSystem s = new AtomSystem(sp, Box.orthorhombic(l, l, 2 * l), 2 * crystal.size());
        for (int i = 0; i < crystal.size(); i++) {
            s.add(crystal.type()[i], crystal.x()[3 * i], crystal.x()[3 * i + 1], crystal.x()[3 * i + 2]);
        }
        int crystalAnions = s.size() - s.countByType()[0];
        // amorphous half: random anions at the same density with a 3 Å exclusion, from z = l to 2l
        int amorphousAnions = crystalAnions;
        SplittableRandom rng = new SplittableRandom(5);
        int placed = 0;
        while (placed < amorphousAnions) {
            double x = rng.nextDouble() * l, y = rng.nextDouble() * l, z = l + 1.5 + rng.nextDouble() * (l - 3.0);
            if (clear(s, x, y, z, 3.0)) {
                s.add(2, x, y, z);
                placed++;
            }
        }
        CrystallinityObservable c = new CrystallinityObservable();
        LocalAtoms v = new SerialView().build(s, c.neighborRadius());
        AdaptiveCna cna = new AdaptiveCna();
        boolean[] mask = LocalAtoms.typeMask(sp, ANIONS);
        int fcc = 0, deepCrystal = 0, deepCrystalFcc = 0, deepAmorphous = 0, deepAmorphousFcc = 0, anions = 0;
        for (int i = 0; i < v.nlocal; i++) {
            if (!mask[v.type[i]]) continue;
            anions++;
            boolean isFcc = cna.classify(v, i, mask) == LocalStructure.FCC;
            if (isFcc) fcc++;
            double z = v.x[3 * i + 2];
            double toInterface = Math.min(Math.min(Math.abs(z - l), z), 2 * l - z);
            if (z < l && toInterface > 4) {
                deepCrystal++;
                if (isFcc) deepCrystalFcc++;
            } else if (z > l && toInterface > 4) {
                deepAmorphous++;
                if (isFcc) deepAmorphousFcc++;
            }
        }
        assertEquals(deepCrystal, deepCrystalFcc, "anions deep in the crystal are all fcc");
        assertTrue(deepAmorphousFcc <= 0.01 * deepAmorphous, deepAmorphousFcc + " of " + deepAmorphous + " amorphous anions fcc");
        double expected = (double) crystalAnions / anions;
        double measured = (double) fcc / anions;
        // at most the two anion layers of the crystal next to each of its two interfaces are lost
        double layer = (double) crystalAnions / (2 * cells) / anions;
        assertTrue(measured <= expected && measured >= expected - 4 * layer,
            "crystallinity " + measured + " vs crystalline share " + expected + " (layer " + layer + ")");
    }

    private static AtomSystem randomAnions(double l, int n, double dmin, long seed) {
        AtomSystem s = new AtomSystem(SpeciesTable.of("Li", "P", "S", "Cl"), Box.orthorhombic(l, l, l), n);
        SplittableRandom rng = new SplittableRandom(seed);
        while (s.size() < n) {
            double x = rng.nextDouble() * l, y = rng.nextDouble() * l, z = rng.nextDouble() * l;
            if (clear(s, x, y, z, dmin)) s.add(2, x, y, z);
        }
        return s;
    }

    private static boolean clear(AtomSystem s, double x, double y, double z, double dmin) {
        double[] d = new double[3];
        for (int j = 0; j < s.size(); j++) {
            if (s.type()[j] == 0) continue;
            d[0] = x - s.x()[3 * j];
            d[1] = y - s.x()[3 * j + 1];
            d[2] = z - s.x()[3 * j + 2];
            s.box().minimumImage(d, 0);
            if (d[0] * d[0] + d[1] * d[1] + d[2] * d[2] < dmin * dmin) return false;
        }
        return true;
    }
}
