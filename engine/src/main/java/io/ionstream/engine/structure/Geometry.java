package io.ionstream.engine.structure;

/** Small dense 3-vector and 3×3 helpers for the builders (row-major matrices, double[9] or double[3][3]). */
final class Geometry {
    private Geometry() {}

    static double dot(double[] a, double[] b) { return a[0] * b[0] + a[1] * b[1] + a[2] * b[2]; }

    static double norm(double[] a) { return Math.sqrt(dot(a, a)); }

    static double[] cross(double[] a, double[] b) {
        return new double[] {a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]};
    }

    static int[] cross(int[] a, int[] b) {
        return new int[] {a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]};
    }

    static int dot(int[] a, int[] b) { return a[0] * b[0] + a[1] * b[1] + a[2] * b[2]; }

    static double[] toDouble(int[] v) { return new double[] {v[0], v[1], v[2]}; }

    static double[] unit(double[] v) {
        double n = norm(v);
        return new double[] {v[0] / n, v[1] / n, v[2] / n};
    }

    /** The integer vector divided by the gcd of its entries (sign kept). */
    static int[] primitive(int[] v) {
        int g = gcd(gcd(Math.abs(v[0]), Math.abs(v[1])), Math.abs(v[2]));
        if (g == 0) throw new IllegalArgumentException("zero direction [0 0 0]");
        return new int[] {v[0] / g, v[1] / g, v[2] / g};
    }

    static int gcd(int a, int b) { return b == 0 ? a : gcd(b, a % b); }

    static double det(double[][] m) {
        return m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1])
            - m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0])
            + m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0]);
    }

    /** {@code m · v} for a row-major double[9]. */
    static double[] apply(double[] m, double[] v) {
        return new double[] {
            m[0] * v[0] + m[1] * v[1] + m[2] * v[2],
            m[3] * v[0] + m[4] * v[1] + m[5] * v[2],
            m[6] * v[0] + m[7] * v[1] + m[8] * v[2]};
    }

    static double[] multiply(double[] a, double[] b) {
        double[] c = new double[9];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                c[3 * i + j] = a[3 * i] * b[j] + a[3 * i + 1] * b[3 + j] + a[3 * i + 2] * b[6 + j];
            }
        }
        return c;
    }

    static double[] transpose(double[] a) {
        return new double[] {a[0], a[3], a[6], a[1], a[4], a[7], a[2], a[5], a[8]};
    }

    /** Solves f · rows = r for f (r is a combination of the row vectors). */
    static double[] solveRows(double[][] rows, double[] r) {
        double d = det(rows);
        double[][] m = new double[3][3];
        double[] f = new double[3];
        for (int k = 0; k < 3; k++) {
            for (int i = 0; i < 3; i++) m[i] = rows[i].clone();
            m[k] = r.clone();
            f[k] = det(m) / d;
        }
        return f;
    }

    /** Rotation by {@code angle} (radians) about {@code axis} (right-hand rule), row-major. */
    static double[] rotation(double[] axis, double angle) {
        double[] u = unit(axis);
        double c = Math.cos(angle), s = Math.sin(angle), t = 1 - c;
        return new double[] {
            c + t * u[0] * u[0], t * u[0] * u[1] - s * u[2], t * u[0] * u[2] + s * u[1],
            t * u[1] * u[0] + s * u[2], c + t * u[1] * u[1], t * u[1] * u[2] - s * u[0],
            t * u[2] * u[0] - s * u[1], t * u[2] * u[1] + s * u[0], c + t * u[2] * u[2]};
    }

    static String indices(int[] v) {
        StringBuilder sb = new StringBuilder("[");
        for (int k = 0; k < 3; k++) {
            if (v[k] < 0) sb.append('-').append(-v[k]);
            else sb.append(v[k]);
            if (k < 2 && (Math.abs(v[0]) > 9 || Math.abs(v[1]) > 9 || Math.abs(v[2]) > 9)) sb.append(' ');
        }
        return sb.append(']').toString();
    }
}
