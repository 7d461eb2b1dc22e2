package io.ionstream.engine.learn.active;

import java.util.Arrays;

/**
 * MaxVol (D-optimality) selection of an active set, as MLIP-3 does it for neighbourhoods: an
 * n×n matrix A of selected rows (gradients of site energies with respect to the n coefficients)
 * and its inverse. The grade of a candidate row b is γ = max_k |(b·A⁻¹)_k|; a candidate with
 * γ > 1 increases |det A| by the factor γ when it replaces row k, so swapping in the largest
 * grade until every candidate has γ ≤ threshold maximises the volume greedily. The set starts
 * (as MLIP's does) from ε·I: rows still holding ε·e_k are "initial" (no provenance) and make any
 * candidate with a component in that direction extrapolative.
 *
 * <p>Each row remembers where it came from ({@code cfg}, {@code atom}) so that configurations
 * can be selected for labelling and the set written with MLIP's row links.
 */
public final class MaxVol {
    /** MLIP's initial diagonal. */
    public static final double INITIAL = 1e-6;

    private final int n;
    private final double[] a, inv;
    private final int[] cfg, atom;

    private MaxVol(int n, double[] a, double[] inv, int[] cfg, int[] atom) {
        this.n = n;
        this.a = a;
        this.inv = inv;
        this.cfg = cfg;
        this.atom = atom;
    }

    /** The initial set ε·I. */
    public static MaxVol initial(int n) {
        double[] a = new double[n * n], inv = new double[n * n];
        for (int k = 0; k < n; k++) {
            a[k * n + k] = INITIAL;
            inv[k * n + k] = 1 / INITIAL;
        }
        int[] c = new int[n];
        Arrays.fill(c, -1);
        return new MaxVol(n, a, inv, c, c.clone());
    }

    public int size() { return n; }

    /** A, row-major (a copy). */
    public double[] matrix() { return a.clone(); }

    /** A⁻¹, row-major (a copy). */
    public double[] inverse() { return inv.clone(); }

    /** The configuration row k came from (-1: initial row). */
    public int configurationOf(int k) { return cfg[k]; }

    /** The atom of that configuration (-1: initial row). */
    public int atomOf(int k) { return atom[k]; }

    /** γ of one row. */
    public double grade(double[] b, int offset) {
        double g = 0;
        for (int k = 0; k < n; k++) {
            double s = 0;
            for (int j = 0; j < n; j++) s += b[offset + j] * inv[j * n + k];
            g = Math.max(g, Math.abs(s));
        }
        return g;
    }

    /**
     * Swaps candidate rows into the set while some candidate has γ > {@code threshold} (≥ 1), at
     * most {@code maxSwaps} times. {@code rows} holds {@code m} candidate rows (row-major, n each),
     * candidate r belonging to configuration {@code cfgOf[r]}, atom {@code atomOf[r]}. Returns the
     * number of swaps; afterwards every candidate has γ ≤ threshold unless the limit stopped it.
     */
    public int select(double[] rows, int m, int[] cfgOf, int[] atomOf, double threshold, int maxSwaps) {
        if (threshold < 1) throw new IllegalArgumentException("MaxVol threshold must be at least 1, got " + threshold);
        // C = B·A⁻¹ for all candidates, kept current by rank-one updates
        double[] c = new double[m * n];
        for (int r = 0; r < m; r++) {
            for (int j = 0; j < n; j++) {
                double b = rows[r * n + j];
                if (b == 0) continue;
                int io = j * n, co = r * n;
                for (int k = 0; k < n; k++) c[co + k] += b * inv[io + k];
            }
        }
        int swaps = 0;
        double[] rowI = new double[n], colJ = new double[m], invJ = new double[n];
        while (swaps < maxSwaps) {
            int bi = -1, bj = -1;
            double best = threshold;
            for (int r = 0; r < m; r++) {
                int co = r * n;
                for (int k = 0; k < n; k++) {
                    double v = Math.abs(c[co + k]);
                    if (v > best) {
                        best = v;
                        bi = r;
                        bj = k;
                    }
                }
            }
            if (bi < 0) break;
            // replace row bj of A by candidate bi: A' = A + e_j (b − a_j)ᵀ; with u = A⁻¹e_j (column j of A⁻¹),
            // A'⁻¹ = A⁻¹ − u (b·A⁻¹ − e_j)ᵀ / (b·A⁻¹)_j, and every candidate's C row changes alike
            double pivot = c[bi * n + bj];
            System.arraycopy(c, bi * n, rowI, 0, n);
            rowI[bj] -= 1;
            for (int r = 0; r < m; r++) colJ[r] = c[r * n + bj] / pivot;
            for (int r = 0; r < m; r++) {
                double f = colJ[r];
                if (f == 0) continue;
                int co = r * n;
                for (int k = 0; k < n; k++) c[co + k] -= f * rowI[k];
            }
            for (int i = 0; i < n; i++) invJ[i] = inv[i * n + bj] / pivot;
            for (int i = 0; i < n; i++) {
                double f = invJ[i];
                if (f == 0) continue;
                int io = i * n;
                for (int k = 0; k < n; k++) inv[io + k] -= f * rowI[k];
            }
            System.arraycopy(rows, bi * n, a, bj * n, n);
            cfg[bj] = cfgOf[bi];
            atom[bj] = atomOf[bi];
            swaps++;
        }
        return swaps;
    }

    /** Relabels the configuration of every non-initial row through {@code map} (old index → new). */
    public void renumberConfigurations(int[] map) {
        for (int k = 0; k < n; k++) if (cfg[k] >= 0) cfg[k] = map[cfg[k]];
    }
}
