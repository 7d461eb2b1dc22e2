package io.ionstream.engine.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ionstream.engine.system.AtomSystem;
import io.ionstream.engine.system.Box;
import io.ionstream.engine.system.SpeciesTable;
import java.util.Arrays;
import java.util.SplittableRandom;

/** Seeded random systems for round-trip tests, and exact comparisons of systems. */
public final class TestSystems {
    private TestSystems() {}

    /**
     * A small system with interleaved species, shuffled ids, positions partly outside the cell,
     * image flags, velocities, forces and charges: every field a writer might drop.
     */
    public static AtomSystem random(long seed, Box box, SpeciesTable species, int n) {
        SplittableRandom r = new SplittableRandom(seed);
        AtomSystem sys = new AtomSystem(species, box, n);
        double[] c = new double[3];
        for (int i = 0; i < n; i++) {
            box.toCartesian(r.nextDouble(-0.1, 1.1), r.nextDouble(-0.1, 1.1), r.nextDouble(-0.1, 1.1), c, 0);
            // every species present, first appearances in reverse table order
            int t = i < species.size() ? species.size() - 1 - i : r.nextInt(species.size());
            int k = sys.add(t, c[0], c[1], c[2]);
            sys.id()[k] = 1000 + 7L * (n - i);
            sys.q()[k] = r.nextDouble(-2, 2);
            for (int d = 0; d < 3; d++) {
                sys.v()[3 * k + d] = r.nextGaussian() * 5.0;
                sys.f()[3 * k + d] = r.nextGaussian();
                sys.image()[3 * k + d] = r.nextInt(-3, 4);
            }
        }
        return sys;
    }

    public static Box triclinic() {
        return Box.triclinic(10.123456789, 11.3, 9.87654321, 1.234567, -0.9876543, 0.45678901);
    }

    public static Box orthorhombic() {
        return Box.orthorhombic(10.5, 12.25, 8.125);
    }

    public static void assertSameBox(Box expected, Box actual) {
        assertArrayEquals(new double[] {expected.xlo(), expected.ylo(), expected.zlo(), expected.lx(), expected.ly(), expected.lz(),
                expected.xy(), expected.xz(), expected.yz()},
            new double[] {actual.xlo(), actual.ylo(), actual.zlo(), actual.lx(), actual.ly(), actual.lz(),
                actual.xy(), actual.xz(), actual.yz()}, 0.0, "box");
    }

    /** Same species table, types, ids and positions, bit for bit. */
    public static void assertSameAtoms(AtomSystem expected, AtomSystem actual) {
        int n = expected.size();
        assertEquals(n, actual.size(), "atom count");
        assertEquals(expected.species(), actual.species(), "species table");
        assertArrayEquals(Arrays.copyOf(expected.type(), n), Arrays.copyOf(actual.type(), n), "types");
        assertArrayEquals(Arrays.copyOf(expected.id(), n), Arrays.copyOf(actual.id(), n), "ids");
        assertArrayEquals(Arrays.copyOf(expected.x(), 3 * n), Arrays.copyOf(actual.x(), 3 * n), 0.0, "positions");
    }

    public static double[] first(double[] a, int n) {
        return Arrays.copyOf(a, n);
    }

    public static int[] first(int[] a, int n) {
        return Arrays.copyOf(a, n);
    }
}
