package io.ionstream.engine.structure;

/**
 * Rotations of the cubic lattice for coincidence-site-lattice (CSL) bicrystals, as row-major 3×3
 * matrices in the cubic basis acting on vectors (the <em>active</em> convention: grain 2 is the
 * crystal rotated by R, so the CSL is L ∩ R·L).
 *
 * <p>A CSL rotation is rational with denominator Σ. Angles typed with a few digits (70.53°,
 * 36.87°) are snapped to the nearby rational rotation so that coincidences are exact.
 */
public final class CslRotation {
    /** Largest Σ tried when snapping an angle to a rational rotation. */
    public static final int MAX_SIGMA = 199;

    private CslRotation() {}

    /**
     * The rotation by {@code angleDegrees} about the integer {@code axis}, snapped to the rational
     * rotation with the smallest denominator within {@code 0.05°} when there is one (otherwise
     * returned as computed; it will then have no CSL and the bicrystal builder will say so).
     */
    public static double[] of(int[] axis, double angleDegrees) {
        double[] r = Geometry.rotation(Geometry.toDouble(axis), Math.toRadians(angleDegrees));
        double tol = 2 * Math.toRadians(0.05);
        for (int n = 1; n <= MAX_SIGMA; n++) {
            long[] m = new long[9];
            double err = 0;
            for (int k = 0; k < 9; k++) {
                m[k] = Math.round(r[k] * n);
                err = Math.max(err, Math.abs(m[k] - r[k] * n) / n);
            }
            if (err > tol) continue;
            if (!isScaledRotation(m, n)) continue;
            if (!keepsAxis(m, n, axis)) continue;
            double[] snapped = new double[9];
            for (int k = 0; k < 9; k++) snapped[k] = (double) m[k] / n;
            return snapped;
        }
        return r;
    }

    /** Σ of a rational rotation of the cubic lattice: its odd common denominator (0 when irrational). */
    public static int sigma(double[] r) {
        for (int n = 1; n <= 8 * MAX_SIGMA; n++) {
            boolean ok = true;
            for (int k = 0; k < 9 && ok; k++) ok = Math.abs(r[k] * n - Math.rint(r[k] * n)) < 1e-9;
            if (ok) {
                while (n % 2 == 0) n /= 2;
                return n;
            }
        }
        return 0;
    }

    /** The rotation angle in degrees, in [0, 180]. */
    public static double angleDegrees(double[] r) {
        double c = Math.max(-1, Math.min(1, (r[0] + r[4] + r[8] - 1) / 2));
        return Math.toDegrees(Math.acos(c));
    }

    /** M Mᵀ = n² I and det M = n³: M/n is a proper rotation. */
    private static boolean isScaledRotation(long[] m, long n) {
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                long d = m[3 * i] * m[3 * j] + m[3 * i + 1] * m[3 * j + 1] + m[3 * i + 2] * m[3 * j + 2];
                if (d != (i == j ? n * n : 0)) return false;
            }
        }
        long det = m[0] * (m[4] * m[8] - m[5] * m[7]) - m[1] * (m[3] * m[8] - m[5] * m[6]) + m[2] * (m[3] * m[7] - m[4] * m[6]);
        return det == n * n * n;
    }

    private static boolean keepsAxis(long[] m, long n, int[] a) {
        for (int i = 0; i < 3; i++) {
            if (m[3 * i] * a[0] + m[3 * i + 1] * a[1] + m[3 * i + 2] * a[2] != n * a[i]) return false;
        }
        return true;
    }
}
