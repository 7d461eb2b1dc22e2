package io.ionstream.engine.structure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The F-43m operations and the Wyckoff multiplicities they generate (International Tables, No. 216). */
class SpaceGroupF43mTest {

    @ParameterizedTest(name = "{0} ({1}, {2}, {3}) has multiplicity {4}")
    @CsvSource({
        "4a, 0, 0, 0, 4",
        "4b, 0.5, 0.5, 0.5, 4",
        "4c, 0.25, 0.25, 0.25, 4",
        "4d, 0.75, 0.75, 0.75, 4",
        "16e, 0.617, 0.617, 0.617, 16",
        "24f, 0.2, 0, 0, 24",
        "24g, 0.024, 0.25, 0.25, 24",
        "48h, 0.204, 0.204, 0.024, 48",
        "96i, 0.11, 0.23, 0.37, 96"})
    void wyckoffMultiplicities(String label, double x, double y, double z, int multiplicity) {
        List<double[]> orbit = SpaceGroupF43m.orbit(x, y, z);
        assertEquals(multiplicity, orbit.size(), label);
        for (double[] p : orbit) for (double c : p) assertTrue(c >= 0 && c < 1, label + " wrapped into the cell");
    }

    @Test
    void pointGroupIsTdWithoutInversionOrFourFoldRotations() {
        List<int[]> ops = SpaceGroupF43m.pointOperations();
        assertEquals(24, ops.size());
        int proper = 0, mirrors = 0, s4 = 0, threeFold = 0;
        for (int[] m : ops) {
            int det = SymmetryOperation.determinant(m), trace = m[0] + m[4] + m[8];
            if (det == 1) proper++;
            if (det == -1 && trace == 1) mirrors++;
            if (det == -1 && trace == -1) s4++;
            if (det == 1 && trace == 0) threeFold++;
            assertFalse(det == 1 && trace == 1, "no 4-fold rotation");
            assertFalse(det == -1 && trace == -3, "no inversion");
            for (int[] n : ops) assertTrue(SpaceGroupF43m.isPointOperation(multiply(m, n)), "closed under composition");
        }
        assertEquals(12, proper, "the rotation group T");
        assertEquals(6, mirrors, "diagonal mirrors {110}");
        assertEquals(6, s4, "-4 rotoinversions");
        assertEquals(8, threeFold, "3-fold rotations about <111>");
        assertEquals(96, SpaceGroupF43m.operations().size());
    }

    /** SCIENCE.md: 48h x ≈ 0.204 is "equivalently 0.296": both generate the same set of positions. */
    @Test
    void the48hParametersXAndHalfMinusXGiveTheSameSites() {
        List<double[]> a = SpaceGroupF43m.orbit(0.204, 0.204, 0.024), b = SpaceGroupF43m.orbit(0.296, 0.296, 0.024);
        assertEquals(a.size(), b.size());
        for (double[] p : a) assertTrue(b.stream().anyMatch(q -> WyckoffExpander.samePosition(p, q, 1e-9)));
    }

    /** With free S on 4c, z > 0 puts every 48h Li nearer the 4c S (its cage) than the empty 4d site. */
    @Test
    void positive48hZSurroundsTheFreeSulfurOn4c() {
        for (double[] p : SpaceGroupF43m.orbit(0.204, 0.204, 0.024)) {
            assertTrue(nearest(p, SpaceGroupF43m.orbit(0.25, 0.25, 0.25)) < nearest(p, SpaceGroupF43m.orbit(0.75, 0.75, 0.75)));
        }
    }

    private static double nearest(double[] p, List<double[]> sites) {
        double best = Double.MAX_VALUE;
        for (double[] q : sites) {
            double s = 0;
            for (int k = 0; k < 3; k++) { double d = p[k] - q[k]; d -= Math.rint(d); s += d * d; }
            best = Math.min(best, s);
        }
        return Math.sqrt(best);
    }

    private static int[] multiply(int[] a, int[] b) {
        int[] c = new int[9];
        for (int i = 0; i < 3; i++) for (int j = 0; j < 3; j++) for (int k = 0; k < 3; k++) c[3 * i + j] += a[3 * i + k] * b[3 * k + j];
        return c;
    }
}
