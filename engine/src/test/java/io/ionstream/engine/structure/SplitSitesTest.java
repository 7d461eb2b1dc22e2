package io.ionstream.engine.structure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ionstream.engine.system.Box;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The minimum-distance rule for split sites. */
class SplitSitesTest {

    /**
     * A ring of groups along x, each with alternatives at ±δ: two neighbours conflict only when the
     * first takes +δ and the second −δ (distance D − 2δ), so all-left and all-right are solutions
     * but a random choice almost surely is not.
     */
    private static AtomList chain(int groups, double spacing, double delta) {
        AtomList a = new AtomList(List.of("Li"), List.of());
        for (int g = 0; g < groups; g++) {
            a.add(0, g * spacing - delta, 5, 5, -1, -1, g, 0);
            a.add(0, g * spacing + delta, 5, 5, -1, -1, g, 0);
        }
        return a;
    }

    @Test
    void conflictsAreResolvedWhenASolutionExists() {
        int groups = 60;
        double spacing = 3.0, delta = 0.6, dmin = 2.0; // facing pair 1.8 Å < 2.0, all others ≥ 3.0
        Box box = Box.orthorhombic(groups * spacing, 10, 10);
        AtomList atoms = chain(groups, spacing, delta);
        int moved = SplitSites.resolve(atoms, box, dmin, new Random(5));
        assertEquals(groups, atoms.n, "one atom per group");
        assertTrue(moved > 0, "the random start had conflicts that the rule removed");
        assertEquals(0, countBelow(atoms, box, dmin));
        // without the rule the same seed leaves close pairs
        AtomList free = chain(groups, spacing, delta);
        SplitSites.resolve(free, box, 0, new Random(5));
        assertTrue(countBelow(free, box, dmin) > 0);
    }

    @Test
    void anImpossibleDistanceFailsNamingIt() {
        Box box = Box.orthorhombic(30, 10, 10);
        AtomList atoms = chain(10, 3.0, 0.6);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> SplitSites.resolve(atoms, box, 3.5, new Random(1)));
        assertTrue(e.getMessage().contains("3.50 Å"), e.getMessage());
    }

    /**
     * In the argyrodite at the default 48h parameters the closest occupied pair of different 24g
     * sites is 2.61 Å (neighbours in a cage on the same side); the cage's triangular faces make a
     * larger minimum impossible, which the rule reports instead of silently violating.
     */
    @Test
    void argyroditeCagesAreFrustratedAboveTheirClosestPair() {
        ArgyroditeParameters p = ArgyroditeParameters.defaults(Halide.CL).withLithium(LithiumSites.H48);
        var ok = new ArgyroditeBuilder.Options(p, new int[] {2, 2, 2}, new AnionDisorderSpec.Ordered(), 3, 2.6);
        assertTrue(ArgyroditeBuilder.build(ok).report().minDistanceByPair().get("Li-Li") >= 2.6);
        var tooMuch = new ArgyroditeBuilder.Options(p, new int[] {2, 2, 2}, new AnionDisorderSpec.Ordered(), 3, 2.7);
        assertThrows(IllegalArgumentException.class, () -> ArgyroditeBuilder.build(tooMuch));
    }

    private static int countBelow(AtomList a, Box box, double r) {
        int[] c = {0};
        PairSearch.visit(box, a.x, a.n, r, (i, j, d) -> c[0]++);
        return c[0];
    }
}
