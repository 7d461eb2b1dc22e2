package io.ionstream.engine.structure;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Space group F-43m (No. 216), the argyrodite's: the 24 operations of the point group -43m (the
 * signed permutation matrices whose signs multiply to +1: rotations of the tetrahedron and its
 * diagonal mirrors, but neither inversion nor the 4-fold rotations) combined with the four
 * F-centring translations.
 */
public final class SpaceGroupF43m {
    private SpaceGroupF43m() {}

    /** The F-centring translations (0,0,0), (0,½,½), (½,0,½), (½,½,0). */
    public static final double[][] F_CENTRING = {{0, 0, 0}, {0, 0.5, 0.5}, {0.5, 0, 0.5}, {0.5, 0.5, 0}};

    private static final List<int[]> POINT = buildPointOperations();
    private static final List<SymmetryOperation> ALL = buildOperations();

    /** The 24 rotation parts of -43m (row-major copies). */
    public static List<int[]> pointOperations() {
        List<int[]> out = new ArrayList<>(POINT.size());
        for (int[] m : POINT) out.add(m.clone());
        return out;
    }

    /** All 96 operations of the conventional cell: point operations × F-centring translations. */
    public static List<SymmetryOperation> operations() { return ALL; }

    /** The orbit of a Wyckoff representative (fractional coordinates), duplicates merged. */
    public static List<double[]> orbit(double x, double y, double z) {
        return WyckoffExpander.orbit(ALL, new double[] {x, y, z});
    }

    /** True when the integer matrix is one of the 24 point operations of -43m. */
    public static boolean isPointOperation(int[] m) {
        for (int[] p : POINT) {
            if (java.util.Arrays.equals(p, m)) return true;
        }
        return false;
    }

    private static List<int[]> buildPointOperations() {
        int[][] perms = {{0, 1, 2}, {1, 2, 0}, {2, 0, 1}, {1, 0, 2}, {0, 2, 1}, {2, 1, 0}};
        List<int[]> out = new ArrayList<>(24);
        for (int[] p : perms) {
            for (int signs = 0; signs < 8; signs++) {
                int[] s = {(signs & 1) == 0 ? 1 : -1, (signs & 2) == 0 ? 1 : -1, (signs & 4) == 0 ? 1 : -1};
                if (s[0] * s[1] * s[2] != 1) continue;
                int[] m = new int[9];
                for (int r = 0; r < 3; r++) m[3 * r + p[r]] = s[r];
                out.add(m);
            }
        }
        return Collections.unmodifiableList(out);
    }

    private static List<SymmetryOperation> buildOperations() {
        List<SymmetryOperation> out = new ArrayList<>(96);
        for (double[] t : F_CENTRING) {
            for (int[] m : POINT) out.add(new SymmetryOperation(m, t));
        }
        return Collections.unmodifiableList(out);
    }
}
