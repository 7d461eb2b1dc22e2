package io.ionstream.actors.domain.decomp;

import io.ionstream.engine.system.AtomSystem;
import io.ionstream.engine.system.Box;
import java.util.Arrays;

/**
 * Counting sort of a subdomain's atoms by bins of its fractional box, so that atoms close in
 * space are close in memory (fewer cache misses in the force loop). The serial engine sorts the
 * whole cell the same way.
 */
final class LocalSort {
    private int[] count = new int[2];
    private int[] binOf = new int[16];
    private final double[] s = new double[3];

    /**
     * Writes into {@code order} the permutation (new k ← old order[k]) that sorts the atoms of
     * subdomain {@code index} by bins about {@code bin} Å wide; false when sorting is not worth it.
     */
    boolean sort(AtomSystem atoms, DomainGrid grid, int index, double bin, int[] order) {
        int n = atoms.size();
        Box box = atoms.box();
        double[] w = box.perpendicularWidths();
        bin = Math.max(bin, 1.0);
        int[] nb = new int[3];
        long nbins = 1;
        for (int d = 0; d < 3; d++) {
            nb[d] = Math.max(1, (int) (w[d] / grid.cells(d) / bin));
            nbins *= nb[d];
        }
        if (nbins < 2 || nbins > 4L * n + 64) return false;
        int bins = (int) nbins;
        if (count.length < bins + 1) count = new int[bins + 1];
        else Arrays.fill(count, 0, bins + 1, 0);
        if (binOf.length < n) binOf = new int[n + (n >> 2)];
        double[] x = atoms.x();
        int[] lo = {grid.coord(index, 0), grid.coord(index, 1), grid.coord(index, 2)};
        for (int i = 0; i < n; i++) {
            box.toFractional(x[3 * i], x[3 * i + 1], x[3 * i + 2], s, 0);
            int b = 0;
            for (int d = 2; d >= 0; d--) {
                int p = grid.cells(d);
                int k = (int) ((s[d] * p - lo[d]) * nb[d]);
                k = k < 0 ? 0 : (k >= nb[d] ? nb[d] - 1 : k);
                b = b * nb[d] + k;
            }
            binOf[i] = b;
            count[b + 1]++;
        }
        for (int b = 0; b < bins; b++) count[b + 1] += count[b];
        for (int i = 0; i < n; i++) order[count[binOf[i]]++] = i;
        return true;
    }
}
