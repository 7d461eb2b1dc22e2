package io.ionstream.engine.system;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Named extra per-atom arrays travel with their atoms. */
class PerAtomArraysTest {

    static AtomSystem system(int n) {
        AtomSystem s = new AtomSystem(SpeciesTable.of("Ar"), Box.orthorhombic(10, 10, 10), 2);
        for (int i = 0; i < n; i++) s.add(0, i, 0, 0);
        return s;
    }

    @Test
    void followPermutationCopyAndGrowth() {
        AtomSystem s = system(5);
        double[] h = s.perAtom("h", 3);
        double[] w = s.perAtom("w", 1);
        for (int i = 0; i < 5; i++) {
            for (int d = 0; d < 3; d++) h[3 * i + d] = 10 * s.id()[i] + d;
            w[i] = -s.id()[i];
        }
        assertSame(h, s.perAtom("h", 3), "registering again returns the same array");
        int[] order = {3, 0, 4, 1, 2};
        s.permute(order, new double[15], new long[5]);
        h = s.perAtom("h");
        w = s.perAtom("w");
        for (int i = 0; i < 5; i++) {
            for (int d = 0; d < 3; d++) assertEquals(10 * s.id()[i] + d, h[3 * i + d], "h of atom id " + s.id()[i]);
            assertEquals(-s.id()[i], w[i], "w of atom id " + s.id()[i]);
        }
        AtomSystem c = s.copy();
        assertArrayEquals(java.util.Arrays.copyOf(h, 15), java.util.Arrays.copyOf(c.perAtom("h"), 15));
        for (int i = 0; i < 40; i++) s.add(0, 1, 1, 1); // grows the arrays
        h = s.perAtom("h");
        assertTrue(h.length >= 3 * 45);
        for (int i = 0; i < 5; i++) assertEquals(10 * s.id()[i], h[3 * i], "kept through growth");
        for (int i = 5; i < 45; i++) assertEquals(0.0, h[3 * i], "new atoms start at zero");
        s.removePerAtom("w");
        assertFalse(s.hasPerAtom("w"));
        assertTrue(s.hasPerAtom("h"));
    }

    @Test
    void namesTheProblem() {
        AtomSystem s = system(2);
        s.perAtom("h", 3);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> s.perAtom("h", 2));
        assertTrue(e.getMessage().contains("stride"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> s.perAtom("g"));
        assertTrue(e.getMessage().contains("'g'") && e.getMessage().contains("h"), e.getMessage());
    }
}
