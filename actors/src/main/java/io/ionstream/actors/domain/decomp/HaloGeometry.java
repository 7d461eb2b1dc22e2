package io.ionstream.actors.domain.decomp;

import io.ionstream.engine.system.Box;
import java.util.Arrays;

/**
 * Where halos reach for one {@link DomainGrid} in the current cell: the halo of subdomain t is
 * its fractional box widened by c_d = h / w_d on both sides of every dimension (h = cut-off +
 * skin, w_d the perpendicular widths), which contains every point closer than h to the
 * subdomain in any cell shape. An atom image u + n (n an integer lattice shift) belongs to the
 * halo of cell a along d when a/p − c_d ≤ u + n &lt; (a+1)/p + c_d; dimensions are independent, so
 * the halo images of an atom are the product of per-dimension (cell, shift) candidates. c_d may
 * exceed 1/p or even 1 (subdomains or cells thinner than the halo): then an atom has several
 * candidates along d, which yields multi-hop neighbours and several images of the same atom.
 *
 * <p>Mutable scratch holder, one per subdomain; recomputed at every rebuild from the current
 * cell, so all subdomains (which hold bit-identical cells) agree on partners.
 */
public final class HaloGeometry {
    /** Partners are found with this much extra reach so that they always include every plan target. */
    private static final double PARTNER_SLACK = 1e-9;

    private final DomainGrid grid;
    private final double[] c = new double[3];
    private final int[][] candCell = {new int[8], new int[8], new int[8]};
    private final int[][] candShift = {new int[8], new int[8], new int[8]};
    private final int[] candCount = new int[3];

    public HaloGeometry(DomainGrid grid) {
        this.grid = grid;
    }

    public DomainGrid grid() { return grid; }

    /** Sets the halo width h (Å) for the current cell shape. */
    public void update(Box box, double halo) {
        double[] w = box.perpendicularWidths();
        for (int d = 0; d < 3; d++) c[d] = halo / w[d];
    }

    /** Fractional halo width along dimension d. */
    public double reach(int d) { return c[d]; }

    /**
     * Subdomains other than {@code self} whose halo overlaps {@code self}'s box under some
     * periodic shift (equivalently, whose box {@code self}'s halo overlaps: the relation is
     * symmetric), in increasing index order. These are the peers {@code self} exchanges halos
     * and migrating atoms with until the next rebuild.
     */
    public int[] partners(int self) {
        // per dimension, the cells within reach; partners are their product (minus self)
        int[][] near = new int[3][];
        int total = 1;
        for (int d = 0; d < 3; d++) {
            int p = grid.cells(d), own = grid.coord(self, d);
            int[] cells = new int[p];
            int k = 0;
            for (int a = 0; a < p; a++) {
                int delta = Math.floorMod(a - own, p);
                int gapCells = Math.min(delta, p - delta) - 1;
                if (gapCells <= 0 || (double) gapCells / p < c[d] + PARTNER_SLACK) cells[k++] = a;
            }
            near[d] = Arrays.copyOf(cells, k);
            total *= k;
        }
        int[] out = new int[total];
        int k = 0;
        for (int cc : near[2]) for (int cb : near[1]) for (int ca : near[0]) {
            int t = grid.index(ca, cb, cc);
            if (t != self) out[k++] = t;
        }
        out = Arrays.copyOf(out, k);
        Arrays.sort(out);
        return out;
    }

    /**
     * Finds every (cell, shift) along dimension d whose halo contains u + shift, in increasing
     * shift then cell order; read them with {@link #count}, {@link #cell}, {@link #shift}.
     */
    public int enumerate(int d, double u) {
        int p = grid.cells(d);
        double cd = c[d];
        int k = 0;
        int nlo = (int) Math.floor(-cd - u) - 1, nhi = (int) Math.ceil(1 + cd - u) + 1;
        for (int n = nlo; n <= nhi; n++) {
            double v = u + n;
            int alo = Math.max(0, (int) Math.floor((v - cd) * p) - 1);
            int ahi = Math.min(p - 1, (int) Math.floor((v + cd) * p) + 1);
            for (int a = alo; a <= ahi; a++) {
                double lo = (double) a / p - cd, hi = (double) (a + 1) / p + cd;
                if (v >= lo && v < hi) {
                    if (k == candCell[d].length) {
                        candCell[d] = Arrays.copyOf(candCell[d], 2 * k);
                        candShift[d] = Arrays.copyOf(candShift[d], 2 * k);
                    }
                    candCell[d][k] = a;
                    candShift[d][k] = n;
                    k++;
                }
            }
        }
        candCount[d] = k;
        return k;
    }

    public int count(int d) { return candCount[d]; }
    public int cell(int d, int k) { return candCell[d][k]; }
    public int shift(int d, int k) { return candShift[d][k]; }
}
