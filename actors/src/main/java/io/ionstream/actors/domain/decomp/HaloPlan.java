package io.ionstream.actors.domain.decomp;

import io.ionstream.engine.system.Box;
import java.util.Arrays;

/**
 * What one subdomain sends as halo until the next rebuild: for every target subdomain (itself
 * included, for periodic images of its own atoms) the list of (local atom, lattice shift) whose
 * image lies in the target's halo. Entries are in local-atom order, then shift order, so the
 * receiver's ghost order is fixed by the sender's atom order alone. Rebuilt from the fractional
 * positions of the wrapped local atoms; between rebuilds only positions (forward) and forces
 * (reverse) flow along it.
 *
 * <p>An atom often has several images in one target's halo (periodic directions the grid does
 * not cut, thin cells), so each target's entries also index a list of <em>distinct</em> atoms:
 * only their positions travel, the receiver adds the shifts, and it returns one summed force
 * per distinct atom.
 */
public final class HaloPlan {
    /** Like the serial ghost shell: more images than this per atom means an absurd cut-off for the cell. */
    private static final long MAX_IMAGES_PER_ATOM = 4096;

    private final int self;
    private final DomainGrid grid;
    private final int[] count;
    private final int[][] atom;
    private final int[][] shift;
    private final int[] distinct;
    private final int[][] distinctAtom;
    private final int[][] distinctOf;

    public HaloPlan(DomainGrid grid, int self) {
        this.grid = grid;
        this.self = self;
        int n = grid.count();
        count = new int[n];
        atom = new int[n][];
        shift = new int[n][];
        distinct = new int[n];
        distinctAtom = new int[n][];
        distinctOf = new int[n][];
    }

    /**
     * Plans the halos of the first {@code n} local atoms with fractional coordinates
     * {@code frac[3i..3i+2]} (wrapped into the cell); {@code allowed[t]} marks the partners (and
     * self), and a target outside them means an atom lies outside this subdomain.
     */
    public void build(HaloGeometry g, double[] frac, int n, boolean[] allowed) {
        Arrays.fill(count, 0);
        Arrays.fill(distinct, 0);
        long images = 1;
        for (int d = 0; d < 3; d++) images *= (long) Math.ceil(2 * g.reach(d) + 1) + 1;
        if (images > MAX_IMAGES_PER_ATOM) {
            throw new IllegalArgumentException(String.format(
                "cut-off plus skin is far larger than the cell (halo reach %.3g x %.3g x %.3g cell lengths): "
                    + "about %d images per atom would be needed; replicate the cell or reduce the cut-off",
                g.reach(0), g.reach(1), g.reach(2), images));
        }
        int px = grid.px(), py = grid.py();
        for (int i = 0; i < n; i++) {
            int na = g.enumerate(0, frac[3 * i]);
            int nb = g.enumerate(1, frac[3 * i + 1]);
            int nc = g.enumerate(2, frac[3 * i + 2]);
            for (int kc = 0; kc < nc; kc++) {
                int cc = g.cell(2, kc), sc = g.shift(2, kc);
                for (int kb = 0; kb < nb; kb++) {
                    int cb = g.cell(1, kb), sb = g.shift(1, kb);
                    for (int ka = 0; ka < na; ka++) {
                        int ca = g.cell(0, ka), sa = g.shift(0, ka);
                        int t = (cc * py + cb) * px + ca;
                        if (t == self && sa == 0 && sb == 0 && sc == 0) continue; // the atom itself
                        if (!allowed[t]) {
                            throw new IllegalStateException("atom " + i + " of subdomain " + self + " at fractional ("
                                + frac[3 * i] + ", " + frac[3 * i + 1] + ", " + frac[3 * i + 2]
                                + ") reaches the halo of subdomain " + t + ", which is not a neighbour: it lies outside its subdomain");
                        }
                        add(t, i, sa, sb, sc);
                    }
                }
            }
        }
    }

    private void add(int t, int i, int sa, int sb, int sc) {
        int k = count[t];
        if (atom[t] == null) {
            atom[t] = new int[64];
            shift[t] = new int[192];
            distinctOf[t] = new int[64];
            distinctAtom[t] = new int[64];
        } else if (k == atom[t].length) {
            atom[t] = Arrays.copyOf(atom[t], 2 * k);
            shift[t] = Arrays.copyOf(shift[t], 6 * k);
            distinctOf[t] = Arrays.copyOf(distinctOf[t], 2 * k);
            distinctAtom[t] = Arrays.copyOf(distinctAtom[t], 2 * k);
        }
        atom[t][k] = i;
        shift[t][3 * k] = sa;
        shift[t][3 * k + 1] = sb;
        shift[t][3 * k + 2] = sc;
        // entries are atom-major: a new distinct atom starts whenever the atom changes
        int u = distinct[t];
        if (u == 0 || distinctAtom[t][u - 1] != i) distinctAtom[t][u++] = i;
        distinct[t] = u;
        distinctOf[t][k] = u - 1;
        count[t] = k + 1;
    }

    /** Number of distinct local atoms among the entries for target t. */
    public int distinct(int t) { return distinct[t]; }

    /** Index among the distinct atoms of entry k for target t. */
    public int distinctOf(int t, int k) { return distinctOf[t][k]; }

    /** Writes the positions of the distinct atoms for target t (unshifted) into {@code out[0 ..]}. */
    public void packDistinctPositions(int t, double[] x, double[] out) {
        int[] at = distinctAtom[t];
        for (int u = 0, m = distinct[t]; u < m; u++) {
            int src = 3 * at[u];
            out[3 * u] = x[src];
            out[3 * u + 1] = x[src + 1];
            out[3 * u + 2] = x[src + 2];
        }
    }

    /** Copies a per-atom int column (types) of the distinct atoms for target t into {@code out[0 ..]}. */
    public void packDistinctInts(int t, int[] column, int[] out) {
        int[] at = distinctAtom[t];
        for (int u = 0, m = distinct[t]; u < m; u++) out[u] = column[at[u]];
    }

    /** Copies a per-atom double column (charges) of the distinct atoms for target t into {@code out[0 ..]}. */
    public void packDistinctDoubles(int t, double[] column, double[] out) {
        int[] at = distinctAtom[t];
        for (int u = 0, m = distinct[t]; u < m; u++) out[u] = column[at[u]];
    }

    /** Copies a per-atom long column (ids) of the distinct atoms for target t into {@code out[0 ..]}. */
    public void packDistinctLongs(int t, long[] column, long[] out) {
        int[] at = distinctAtom[t];
        for (int u = 0, m = distinct[t]; u < m; u++) out[u] = column[at[u]];
    }

    /** Copies a per-atom long column (ids) of the plan's atoms into {@code out[o ..]}. */
    public void packLongs(int t, long[] column, long[] out, int o) {
        int[] at = atom[t];
        for (int k = 0, m = count[t]; k < m; k++) out[o + k] = column[at[k]];
    }

    /** Adds returned per-distinct-atom scalars (per-atom energies) {@code in[u]} to their owners. */
    public void foldDistinctScalars(int t, double[] in, double[] e) {
        int[] at = distinctAtom[t];
        for (int u = 0, m = distinct[t]; u < m; u++) e[at[u]] += in[u];
    }

    /** Writes (distinct index, shift a, b, c) of every entry for target t into {@code out[4k ..]}: how the receiver expands. */
    public void packExpansion(int t, int[] out) {
        int[] of = distinctOf[t], sh = shift[t];
        for (int k = 0, m = count[t]; k < m; k++) {
            out[4 * k] = of[k];
            out[4 * k + 1] = sh[3 * k];
            out[4 * k + 2] = sh[3 * k + 1];
            out[4 * k + 3] = sh[3 * k + 2];
        }
    }

    /** Adds the summed forces returned per distinct atom ({@code in[3u ..]}) to their owners. */
    public void foldDistinct(int t, double[] in, double[] f) {
        int[] at = distinctAtom[t];
        for (int u = 0, m = distinct[t]; u < m; u++) {
            int dst = 3 * at[u];
            f[dst] += in[3 * u];
            f[dst + 1] += in[3 * u + 1];
            f[dst + 2] += in[3 * u + 2];
        }
    }

    public int self() { return self; }

    /** Number of halo images this subdomain sends to {@code t}. */
    public int count(int t) { return count[t]; }

    /** Local atom of entry k for target t. */
    public int atom(int t, int k) { return atom[t][k]; }

    /** Lattice shift (a, b, c) of entry k for target t, into {@code out}. */
    public int shift(int t, int k, int d) { return shift[t][3 * k + d]; }

    /**
     * Writes the image positions for target t (x of the owner plus its lattice shift in the
     * current cell; the same arithmetic as the serial ghost shell) into
     * {@code out[3·o ..]}.
     */
    public void packPositions(int t, Box box, double[] x, double[] out, int o) {
        double lx = box.lx(), ly = box.ly(), lz = box.lz(), xy = box.xy(), xz = box.xz(), yz = box.yz();
        int[] at = atom[t], sh = shift[t];
        for (int k = 0, m = count[t]; k < m; k++) {
            int src = 3 * at[k], dst = 3 * (o + k);
            int na = sh[3 * k], nb = sh[3 * k + 1], nc = sh[3 * k + 2];
            out[dst] = x[src] + na * lx + nb * xy + nc * xz;
            out[dst + 1] = x[src + 1] + nb * ly + nc * yz;
            out[dst + 2] = x[src + 2] + nc * lz;
        }
    }

    /** Copies a per-atom int column (types) of the plan's atoms into {@code out[o ..]}. */
    public void packInts(int t, int[] column, int[] out, int o) {
        int[] at = atom[t];
        for (int k = 0, m = count[t]; k < m; k++) out[o + k] = column[at[k]];
    }

    /** Copies a per-atom double column (charges) of the plan's atoms into {@code out[o ..]}. */
    public void packDoubles(int t, double[] column, double[] out, int o) {
        int[] at = atom[t];
        for (int k = 0, m = count[t]; k < m; k++) out[o + k] = column[at[k]];
    }

    /** Adds the returned ghost vectors {@code in[3·o ..]} (forces) to the owners: reverse communication. */
    public void fold3(int t, double[] in, int o, double[] f) {
        int[] at = atom[t];
        for (int k = 0, m = count[t]; k < m; k++) {
            int dst = 3 * at[k], src = 3 * (o + k);
            f[dst] += in[src];
            f[dst + 1] += in[src + 1];
            f[dst + 2] += in[src + 2];
        }
    }

    /** Adds returned ghost scalars (per-atom energies) {@code in[o ..]} to the owners. */
    public void fold(int t, double[] in, int o, double[] e) {
        int[] at = atom[t];
        for (int k = 0, m = count[t]; k < m; k++) e[at[k]] += in[o + k];
    }
}
