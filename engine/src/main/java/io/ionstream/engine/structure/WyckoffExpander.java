package io.ionstream.engine.structure;

import java.util.ArrayList;
import java.util.List;

/**
 * Generates the orbit of a Wyckoff representative under a list of space-group operations: every
 * image wrapped into [0, 1)³, duplicates (equal modulo lattice translations) merged. The orbit
 * size is the Wyckoff multiplicity in the conventional cell.
 */
public final class WyckoffExpander {
    /** Two fractional positions closer than this (per coordinate, modulo 1) are the same site. */
    public static final double TOLERANCE = 1e-6;

    private WyckoffExpander() {}

    public static List<double[]> orbit(List<SymmetryOperation> operations, double[] representative) {
        List<double[]> out = new ArrayList<>();
        double[] img = new double[3];
        for (SymmetryOperation op : operations) {
            op.apply(representative, img);
            double[] w = {wrap(img[0]), wrap(img[1]), wrap(img[2])};
            boolean seen = false;
            for (double[] p : out) {
                if (samePosition(p, w, TOLERANCE)) { seen = true; break; }
            }
            if (!seen) out.add(w);
        }
        return out;
    }

    /** A fractional coordinate in [0, 1); values a rounding error below 1 become 0. */
    public static double wrap(double s) {
        double w = s - Math.floor(s);
        return w >= 1.0 - 1e-12 ? 0.0 : w;
    }

    /** Equal modulo whole lattice translations, within {@code tol} per fractional coordinate. */
    public static boolean samePosition(double[] a, double[] b, double tol) {
        for (int k = 0; k < 3; k++) {
            double d = a[k] - b[k];
            d -= Math.rint(d);
            if (Math.abs(d) > tol) return false;
        }
        return true;
    }
}
