package io.ionstream.engine.io;

import io.ionstream.engine.system.Box;

/**
 * A file's lattice vectors, in whatever orientation the file uses, mapped onto our
 * LAMMPS-aligned {@link Box} (a along x, b in the xy plane), together with the rotation that
 * takes the file's Cartesian vectors (positions, velocities, forces, stress) into the box frame.
 *
 * <p>A cell that is already aligned (a = (ax, 0, 0), b = (bx, by, 0), positive diagonal) is taken
 * component by component with no rotation, so that our own files read back bit for bit; any
 * other cell goes through {@link Box#fromLatticeVectors}.
 */
public final class CellFrame {
    private final Box box;
    private final double[] rotation; // row-major, null when the file is already in the box frame

    private CellFrame(Box box, double[] rotation) {
        this.box = box;
        this.rotation = rotation;
    }

    /**
     * The frame for lattice vectors {@code abc} (rows a, b, c) with the cell origin at
     * {@code origin} (file frame; may be null for the origin at zero). Degenerate, left-handed or
     * non-finite cells are malformed input: the error names {@code source} and {@code line}.
     */
    public static CellFrame of(double[][] abc, double[] origin, String source, int line) {
        for (double[] v : abc) {
            for (double c : v) {
                if (!Double.isFinite(c)) throw new FormatException(source, line, "lattice vector component is not finite: " + c);
            }
        }
        double[] o = origin == null ? new double[3] : origin;
        double[] a = abc[0], b = abc[1], c = abc[2];
        try {
            if (a[1] == 0 && a[2] == 0 && b[2] == 0 && a[0] > 0 && b[1] > 0 && c[2] > 0) {
                return new CellFrame(new Box(o[0], o[1], o[2], a[0], b[1], c[2], b[0], c[0], c[1]), null);
            }
            double[] r = new double[9];
            Box aligned = Box.fromLatticeVectors(abc, r);
            double[] ro = new double[3];
            apply(r, o, 0, ro, 0);
            Box box = new Box(ro[0], ro[1], ro[2], aligned.lx(), aligned.ly(), aligned.lz(),
                aligned.xy(), aligned.xz(), aligned.yz());
            return new CellFrame(box, r);
        } catch (FormatException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new FormatException(source, line, "unusable cell: " + e.getMessage(), e);
        }
    }

    /** The cell in our frame (a fresh instance owned by the caller). */
    public Box box() {
        return box;
    }

    /** True when the file's vectors needed a rotation to reach the box frame. */
    public boolean rotated() {
        return rotation != null;
    }

    /** The rotation (3x3 row-major, box = R · file), the identity when none was needed. */
    public double[] rotation() {
        return rotation != null ? rotation.clone() : new double[] {1, 0, 0, 0, 1, 0, 0, 0, 1};
    }

    /** Rotates the first {@code n} interleaved vectors of {@code v} into the box frame, in place. */
    public void rotate(double[] v, int n) {
        if (rotation == null) return;
        double[] tmp = new double[3];
        for (int i = 0; i < n; i++) {
            apply(rotation, v, 3 * i, tmp, 0);
            System.arraycopy(tmp, 0, v, 3 * i, 3);
        }
    }

    /** R · T · Rᵀ for a 3x3 row-major tensor (stress, virial) given in the file frame. */
    public double[] rotateTensor(double[] t) {
        if (rotation == null) return t.clone();
        double[] rt = new double[9], out = new double[9];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                double s = 0;
                for (int k = 0; k < 3; k++) s += rotation[3 * i + k] * t[3 * k + j];
                rt[3 * i + j] = s;
            }
        }
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                double s = 0;
                for (int k = 0; k < 3; k++) s += rt[3 * i + k] * rotation[3 * j + k];
                out[3 * i + j] = s;
            }
        }
        return out;
    }

    private static void apply(double[] r, double[] v, int o, double[] out, int oo) {
        double x = v[o], y = v[o + 1], z = v[o + 2];
        out[oo] = r[0] * x + r[1] * y + r[2] * z;
        out[oo + 1] = r[3] * x + r[4] * y + r[5] * z;
        out[oo + 2] = r[6] * x + r[7] * y + r[8] * z;
    }
}
