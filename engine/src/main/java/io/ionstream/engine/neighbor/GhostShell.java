package io.ionstream.engine.neighbor;

import io.ionstream.engine.system.Box;

/**
 * Periodic images ("ghosts") of the local atoms that lie within a shell of width {@code rg}
 * around the cell, LAMMPS-style: ghosts are appended after the local atoms in the position,
 * type and charge arrays, each remembering its local owner and its image shift, so that
 * potentials see a flat, non-periodic set of atoms and never apply minimum images. Cells smaller
 * than twice the cut-off simply yield several images of the same atom.
 *
 * <p>Built dimension by dimension in fractional coordinates (a, then b including the a-ghosts,
 * then c), which covers edge and corner images without a special case.
 */
public final class GhostShell {
    /** Ghost count above this multiple of the local count means the cut-off is absurd for the cell. */
    public static final int MAX_GHOSTS_PER_ATOM = 4096;

    private int nlocal;
    private int nghost;
    private int[] owner = new int[16];
    private int[] shift = new int[48];
    private double[] frac = new double[48];
    private final double[] widths = new double[3];

    public int nlocal() { return nlocal; }
    public int nghost() { return nghost; }
    public int nall() { return nlocal + nghost; }
    /** Local owner of ghost g (0-based among ghosts). */
    public int owner(int g) { return owner[g]; }
    /** Image shift of ghost g along a, b, c: {@code shift[3g..3g+2]}. */
    public int[] shifts() { return shift; }
    public int[] owners() { return owner; }

    /**
     * Finds the ghosts of the first {@code nlocal} atoms, which must be wrapped into the cell.
     * Returns the number of ghosts; call {@link #updatePositions} to write them.
     */
    public int build(Box box, double[] x, int nlocal, double rg) {
        this.nlocal = nlocal;
        this.nghost = 0;
        double[] w = box.perpendicularWidths(widths);
        ensureFrac(nlocal);
        for (int i = 0; i < nlocal; i++) {
            box.toFractional(x[3 * i], x[3 * i + 1], x[3 * i + 2], frac, 3 * i);
        }
        for (int d = 0; d < 3; d++) {
            double cf = rg / w[d];
            int kmax = (int) Math.floor(cf) + 1;
            int m = nlocal + nghost; // atoms (local and ghost) present before this dimension
            for (int a = 0; a < m; a++) {
                double s = a < nlocal ? frac[3 * a + d] : frac[3 * owner[a - nlocal] + d];
                for (int k = 1; k <= kmax; k++) {
                    if (s + k < 1.0 + cf) addGhost(a, d, k);
                    if (s - k >= -cf) addGhost(a, d, -k);
                }
            }
            if ((long) nghost > (long) MAX_GHOSTS_PER_ATOM * Math.max(nlocal, 1)) {
                throw new IllegalArgumentException(String.format(
                    "cut-off plus skin %.4g Å is far larger than the cell (smallest width %.4g Å): "
                        + "%d periodic images would be needed; replicate the cell or reduce the cut-off",
                    rg, box.minPerpendicularWidth(), nghost));
            }
        }
        return nghost;
    }

    private void addGhost(int a, int d, int k) {
        int g = nghost++;
        if (g >= owner.length) {
            int cap = owner.length * 2;
            owner = java.util.Arrays.copyOf(owner, cap);
            shift = java.util.Arrays.copyOf(shift, 3 * cap);
        }
        if (a < nlocal) {
            owner[g] = a;
            shift[3 * g] = 0; shift[3 * g + 1] = 0; shift[3 * g + 2] = 0;
        } else {
            int p = a - nlocal;
            owner[g] = owner[p];
            shift[3 * g] = shift[3 * p]; shift[3 * g + 1] = shift[3 * p + 1]; shift[3 * g + 2] = shift[3 * p + 2];
        }
        shift[3 * g + d] += k;
    }

    private void ensureFrac(int n) {
        if (frac.length < 3 * n) frac = new double[3 * Math.max(n, 16) + 3 * (n >> 2)];
    }

    /** Writes ghost positions (owner + image shift in the current box) after the local atoms. */
    public void updatePositions(Box box, double[] x) {
        double lx = box.lx(), ly = box.ly(), lz = box.lz(), xy = box.xy(), xz = box.xz(), yz = box.yz();
        for (int g = 0; g < nghost; g++) {
            int o = 3 * owner[g], k = 3 * (nlocal + g);
            int na = shift[3 * g], nb = shift[3 * g + 1], nc = shift[3 * g + 2];
            x[k] = x[o] + na * lx + nb * xy + nc * xz;
            x[k + 1] = x[o + 1] + nb * ly + nc * yz;
            x[k + 2] = x[o + 2] + nc * lz;
        }
    }

    /** Copies a per-atom int property (types) from owners to ghosts. */
    public void copyToGhosts(int[] a) {
        for (int g = 0; g < nghost; g++) a[nlocal + g] = a[owner[g]];
    }

    /** Copies a per-atom double property (charges) from owners to ghosts. */
    public void copyToGhosts(double[] a) {
        for (int g = 0; g < nghost; g++) a[nlocal + g] = a[owner[g]];
    }

    /** Adds interleaved ghost vectors (forces) into their owners: Newton's-third-law reverse communication. */
    public void reverseAdd3(double[] f) {
        for (int g = 0; g < nghost; g++) {
            int o = 3 * owner[g], k = 3 * (nlocal + g);
            f[o] += f[k];
            f[o + 1] += f[k + 1];
            f[o + 2] += f[k + 2];
        }
    }

    /** Adds ghost scalars (per-atom energies) into their owners. */
    public void reverseAdd(double[] e) {
        for (int g = 0; g < nghost; g++) e[owner[g]] += e[nlocal + g];
    }
}
