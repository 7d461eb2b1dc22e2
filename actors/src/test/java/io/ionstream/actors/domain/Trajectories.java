package io.ionstream.actors.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ionstream.engine.system.AtomSystem;

/** Comparing two states of the same atoms, matched by id. */
final class Trajectories {
    private Trajectories() {}

    /**
     * Unwrapped positions agree to {@code rel} of the cell size and velocities to {@code rel} of
     * the largest speed.
     */
    static void assertSameState(AtomSystem expected, AtomSystem actual, double rel) {
        assertEquals(expected.size(), actual.size(), "atom count");
        double scale = Math.max(expected.box().lx(), Math.max(expected.box().ly(), expected.box().lz()));
        double vmax = 0;
        for (int k = 0; k < 3 * expected.size(); k++) vmax = Math.max(vmax, Math.abs(expected.v()[k]));
        double[] a = new double[3], b = new double[3];
        for (int i = 0; i < expected.size(); i++) {
            int j = actual.indexOfId(expected.id()[i]);
            assertTrue(j >= 0, "atom id " + expected.id()[i] + " is missing");
            expected.unwrapped(i, a, 0);
            actual.unwrapped(j, b, 0);
            for (int d = 0; d < 3; d++) {
                assertEquals(a[d], b[d], rel * scale, "position of atom id " + expected.id()[i]);
                assertEquals(expected.v()[3 * i + d], actual.v()[3 * j + d], rel * vmax, "velocity of atom id " + expected.id()[i]);
            }
        }
    }
}
