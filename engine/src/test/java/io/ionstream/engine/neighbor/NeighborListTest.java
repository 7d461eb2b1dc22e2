package io.ionstream.engine.neighbor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ionstream.engine.system.AtomSystem;
import io.ionstream.engine.system.Box;
import io.ionstream.engine.system.SpeciesTable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** Verlet lists against a brute-force search over all periodic images. */
class NeighborListTest {

    static List<Arguments> cells() {
        return List.of(
            Arguments.of("large orthorhombic", Box.orthorhombic(14, 15, 16), 200, 4.0),
            Arguments.of("orthorhombic thinner than the cut-off", Box.orthorhombic(3.1, 9, 4.2), 12, 5.0),
            Arguments.of("triclinic", new Box(-1, 2, 0.5, 11, 10, 12, 2.5, -1.5, 3.0), 150, 4.5),
            Arguments.of("small triclinic, many images", new Box(0, 0, 0, 4, 3.5, 5, 1.2, 0.8, -1.1), 5, 6.0),
            Arguments.of("single atom", Box.orthorhombic(2.5, 2.5, 2.5), 1, 5.5));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cells")
    void fullAndHalfListsFindExactlyTheBruteForcePairs(String name, Box box, int n, double radius) {
        assertListsMatchBruteForce(name, randomSystem(box, n, 42), radius);
    }

    /**
     * A perfect fcc crystal: many atoms share coordinates exactly (ties in the "above" rule for
     * ghosts) and sit exactly on cell faces and bin edges; lists are built twice to check reuse.
     */
    @Test
    void perfectLatticeWithTiedCoordinates() {
        AtomSystem sys = io.ionstream.engine.bench.LjMeltProblem.system(3, 1);
        assertListsMatchBruteForce("fcc 3x3x3", sys, 1.3 * io.ionstream.engine.bench.LjMeltProblem.latticeConstant());
        AtomSystem tri = new AtomSystem(SpeciesTable.of("Li"), new Box(0, 0, 0, 6, 6, 6, 3, 3, 0), 8);
        for (int i = 0; i < 8; i++) tri.add(0, 1.5 * (i % 2) + 0.75 * (i / 4), 3.0 * ((i / 2) % 2), 3.0 * (i / 4));
        assertListsMatchBruteForce("triclinic lattice", tri, 7.0);
    }

    private static void assertListsMatchBruteForce(String name, AtomSystem sys, double radius) {
        Box box = sys.box();
        int n = sys.size();
        GhostShell ghosts = new GhostShell();
        sys.wrapAll();
        int ng = ghosts.build(box, sys.x(), n, radius);
        sys.ensureCapacity(n + ng);
        ghosts.updatePositions(box, sys.x());

        List<String> expected = bruteForce(sys, radius);

        NeighborBuilder builder = new NeighborBuilder();
        NeighborList full = new NeighborList(false);
        builder.build(full, sys.x(), n, n + ng, radius);
        List<String> got = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            for (int p = full.offsets()[i]; p < full.offsets()[i + 1]; p++) got.add(key(i, full.neighbors()[p], ghosts, n));
        }
        Collections.sort(got);
        assertEquals(expected, got, "full list of " + name);

        NeighborList half = new NeighborList(true);
        builder.build(half, sys.x(), n, n + ng, radius);
        List<String> halfPairs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            for (int p = half.offsets()[i]; p < half.offsets()[i + 1]; p++) {
                int j = half.neighbors()[p];
                halfPairs.add(key(i, j, ghosts, n));
                halfPairs.add(mirrorKey(i, j, ghosts, n));
            }
        }
        Collections.sort(halfPairs);
        assertEquals(expected, halfPairs, "half list of " + name + " (each pair once, with its mirror)");
        int pairs = half.totalPairs();
        builder.build(half, sys.x(), n, n + ng, radius);
        assertEquals(pairs, half.totalPairs(), "rebuilding with the same builder gives the same list");
    }

    @Test
    void absurdCutoffIsRejectedWithAClearMessage() {
        AtomSystem sys = randomSystem(Box.orthorhombic(1.0, 1.0, 1.0), 2, 1);
        sys.wrapAll();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> new GhostShell().build(sys.box(), sys.x(), 2, 500.0));
        assertTrue(e.getMessage().contains("cut-off"), e.getMessage());
    }

    /** An atom flung further than the list radius between builds is an unstable run, named as such. */
    @Test
    void anAtomThatJumpedAWholeListRadiusIsReported() {
        AtomSystem sys = randomSystem(Box.orthorhombic(30, 30, 30), 40, 3);
        PeriodicNeighborhood nb = new PeriodicNeighborhood(sys, 4.0, NeighborSettings.withSkin(1.0), true, false);
        nb.update();
        sys.x()[3 * 7] += 0.4;
        nb.update(); // under half the skin: lists kept
        assertEquals(1, nb.builds());
        sys.x()[3 * 7] += 6.0; // 6.4 Å in all, more than cut-off + skin
        IllegalStateException e = assertThrows(IllegalStateException.class, nb::update);
        assertTrue(e.getMessage().contains("atom id " + sys.id()[7]) && e.getMessage().contains("unstable"), e.getMessage());
    }

    private static AtomSystem randomSystem(Box box, int n, long seed) {
        AtomSystem sys = new AtomSystem(SpeciesTable.of("Li"), box, n);
        Random r = new Random(seed);
        double[] c = new double[3];
        for (int i = 0; i < n; i++) {
            box.toCartesian(r.nextDouble() * 1.4 - 0.2, r.nextDouble(), r.nextDouble() * 1.2 - 0.1, c, 0);
            sys.add(0, c[0], c[1], c[2]);
        }
        return sys;
    }

    /** Every (i, j, image) with |x_j + image - x_i| < r, j ≠ i or a non-zero image. */
    private static List<String> bruteForce(AtomSystem sys, double r) {
        Box b = sys.box();
        double[] w = b.perpendicularWidths();
        int[] m = new int[3];
        for (int d = 0; d < 3; d++) m[d] = (int) Math.ceil(r / w[d]) + 1;
        List<String> out = new ArrayList<>();
        double[] s = new double[3];
        for (int i = 0; i < sys.size(); i++) {
            for (int j = 0; j < sys.size(); j++) {
                for (int a = -m[0]; a <= m[0]; a++) for (int bb = -m[1]; bb <= m[1]; bb++) for (int c = -m[2]; c <= m[2]; c++) {
                    if (i == j && a == 0 && bb == 0 && c == 0) continue;
                    b.imageShift(a, bb, c, s, 0);
                    double dx = sys.x()[3 * j] + s[0] - sys.x()[3 * i];
                    double dy = sys.x()[3 * j + 1] + s[1] - sys.x()[3 * i + 1];
                    double dz = sys.x()[3 * j + 2] + s[2] - sys.x()[3 * i + 2];
                    if (dx * dx + dy * dy + dz * dz < r * r) out.add(i + ":" + j + ":" + a + "," + bb + "," + c);
                }
            }
        }
        Collections.sort(out);
        return out;
    }

    private static String key(int i, int j, GhostShell g, int n) {
        if (j < n) return i + ":" + j + ":0,0,0";
        int k = j - n;
        int[] sh = g.shifts();
        return i + ":" + g.owner(k) + ":" + sh[3 * k] + "," + sh[3 * k + 1] + "," + sh[3 * k + 2];
    }

    private static String mirrorKey(int i, int j, GhostShell g, int n) {
        if (j < n) return j + ":" + i + ":0,0,0";
        int k = j - n;
        int[] sh = g.shifts();
        return g.owner(k) + ":" + i + ":" + (-sh[3 * k]) + "," + (-sh[3 * k + 1]) + "," + (-sh[3 * k + 2]);
    }
}
