package io.ionstream.engine.potential.mtp;

import java.util.Arrays;

/**
 * Extrapolation grades from compact coefficient-gradient rows (see {@link MtpKernel#site}): the
 * product b·A⁻¹ for every atom, skipping the radial blocks of other species (zero in b), with the
 * stored inverse walked in blocks of rows that stay in cache while all atoms stream past.
 */
final class GradeKernel {
    private static final int BLOCK_BYTES = 256 * 1024;

    private final MtpPlan p;
    private final ActiveSet set;
    private final int n, blockLen, radialAll;
    private double[] energyRow = new double[0];

    GradeKernel(MtpPlan plan, ActiveSet set) {
        this.p = plan;
        this.set = set;
        this.n = set.size();
        this.blockLen = plan.funcs * plan.basisSize * plan.species;
        this.radialAll = blockLen * plan.species;
        if (n != radialAll + plan.species + plan.mapping.length) {
            throw new IllegalArgumentException("the active set has " + n + " coefficients but the potential has "
                + (radialAll + plan.species + plan.mapping.length) + ": it belongs to another potential");
        }
    }

    /** The full-length row (MLIP's coefficient order) of a compact row of an atom of species {@code t}. */
    static double[] expand(MtpPlan p, double[] rows, int offset, int t) {
        int bl = p.funcs * p.basisSize * p.species, ra = bl * p.species, L = p.mapping.length;
        double[] b = new double[ra + p.species + L];
        System.arraycopy(rows, offset, b, t * bl, bl);
        b[ra + t] = rows[offset + bl];
        System.arraycopy(rows, offset + bl + 1, b, ra + p.species, L);
        return b;
    }

    /**
     * Per-atom grades of {@code count} compact rows (row i at {@code i·compactRow}, MTP species
     * {@code types[i]}) into {@code grades}; returns their maximum.
     */
    double neighborhoods(double[] rows, int[] types, int count, double[] grades) {
        final double[] inv = set.inverseRows();
        final int rowLen = p.compactRow, L = p.mapping.length, bl = blockLen, ra = radialAll, c = p.species;
        Arrays.fill(grades, 0, count, 0.0);
        int kb = Math.max(1, BLOCK_BYTES / (8 * n));
        for (int k0 = 0; k0 < n; k0 += kb) {
            final int k1 = Math.min(n, k0 + kb);
            for (int i = 0; i < count; i++) {
                final int t = types[i], o = i * rowLen;
                double g = grades[i];
                for (int k = k0; k < k1; k++) {
                    final int base = k * n;
                    double s = 0;
                    final int rb = base + t * bl;
                    for (int j = 0; j < bl; j++) s += inv[rb + j] * rows[o + j];
                    s += inv[base + ra + t];
                    final int mb = base + ra + c, mo = o + bl + 1;
                    for (int l = 0; l < L; l++) s += inv[mb + l] * rows[mo + l];
                    g = Math.max(g, Math.abs(s));
                }
                grades[i] = g;
            }
        }
        double max = 0;
        for (int i = 0; i < count; i++) max = Math.max(max, grades[i]);
        return max;
    }

    /**
     * Grade of the configuration's energy row w_E·Σ_i b_i / N^{p/2} (N = {@code atoms}, the whole
     * configuration), from the compact rows of the {@code count} atoms evaluated here.
     */
    double energy(double[] rows, int[] types, int count, long atoms) {
        if (energyRow.length < n) energyRow = new double[n];
        double[] e = energyRow;
        Arrays.fill(e, 0, n, 0.0);
        final int rowLen = p.compactRow, L = p.mapping.length;
        for (int i = 0; i < count; i++) {
            final int t = types[i], o = i * rowLen;
            for (int j = 0; j < blockLen; j++) e[t * blockLen + j] += rows[o + j];
            e[radialAll + t] += 1.0;
            for (int l = 0; l < L; l++) e[radialAll + p.species + l] += rows[o + blockLen + 1 + l];
        }
        double w = set.energyWeight() / Math.pow(atoms, set.weightScaling() / 2.0);
        for (int j = 0; j < n; j++) e[j] *= w;
        return set.grade(e);
    }
}
