package io.ionstream.engine.structure;

import java.util.Arrays;

/**
 * A space-group operation on fractional coordinates, {@code x' = W x + w}, with an integer
 * rotation part W (row-major 3×3) and a translation w.
 */
public final class SymmetryOperation {
    private final int[] rotation;
    private final double[] translation;

    public SymmetryOperation(int[] rotation, double[] translation) {
        if (rotation.length != 9) throw new IllegalArgumentException("rotation must have 9 entries, got " + rotation.length);
        if (translation.length != 3) throw new IllegalArgumentException("translation must have 3 entries, got " + translation.length);
        this.rotation = rotation.clone();
        this.translation = translation.clone();
    }

    /** The rotation part W (row-major, a copy). */
    public int[] rotation() { return rotation.clone(); }

    /** The translation part w (a copy). */
    public double[] translation() { return translation.clone(); }

    /** {@code out = W f + w} (not wrapped into the cell). */
    public void apply(double[] f, double[] out) {
        double x = f[0], y = f[1], z = f[2];
        for (int r = 0; r < 3; r++) {
            out[r] = rotation[3 * r] * x + rotation[3 * r + 1] * y + rotation[3 * r + 2] * z + translation[r];
        }
    }

    public double[] apply(double[] f) {
        double[] out = new double[3];
        apply(f, out);
        return out;
    }

    public int determinant() { return determinant(rotation); }

    /** A rotation (det +1) rather than a rotoinversion or mirror (det −1). */
    public boolean isProper() { return determinant() == 1; }

    static int determinant(int[] m) {
        return m[0] * (m[4] * m[8] - m[5] * m[7]) - m[1] * (m[3] * m[8] - m[5] * m[6]) + m[2] * (m[3] * m[7] - m[4] * m[6]);
    }

    @Override
    public String toString() {
        return "SymmetryOperation" + Arrays.toString(rotation) + "+" + Arrays.toString(translation);
    }
}
