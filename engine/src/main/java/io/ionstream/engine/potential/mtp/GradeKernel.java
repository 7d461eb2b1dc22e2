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
        this.typeStart = new int[plan.species + 1];
        this.typeFill = new int[plan.species];
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
     * {@code types[i]}) into {@code grades}; returns their maximum. Atoms of one species are taken
     * four at a time, so that each element of the inverse loaded from cache serves four atoms.
     */
    double neighborhoods(double[] rows, int[] types, int count, double[] grades) {
        final double[] inv = set.inverseRows();
        final int rowLen = p.compactRow, c = p.species;
        Arrays.fill(grades, 0, count, 0.0);
        if (order.length < count) order = new int[count];
        final int[] start = typeStart, fill = typeFill;
        Arrays.fill(start, 0);
        for (int i = 0; i < count; i++) start[types[i] + 1]++;
        for (int t = 0; t < c; t++) start[t + 1] += start[t];
        System.arraycopy(start, 0, fill, 0, c);
        for (int i = 0; i < count; i++) order[fill[types[i]]++] = i;
        final int kb = Math.max(1, BLOCK_BYTES / (8 * n));
        for (int k0 = 0; k0 < n; k0 += kb) {
            final int k1 = Math.min(n, k0 + kb);
            for (int t = 0; t < c; t++) {
                int g = start[t];
                for (; g + 3 < start[t + 1]; g += 4) {
                    four(inv, rows, order[g] * rowLen, order[g + 1] * rowLen, order[g + 2] * rowLen, order[g + 3] * rowLen,
                        t, k0, k1, grades, order[g], order[g + 1], order[g + 2], order[g + 3]);
                }
                for (; g < start[t + 1]; g++) one(inv, rows, order[g] * rowLen, t, k0, k1, grades, order[g]);
            }
        }
        double max = 0;
        for (int i = 0; i < count; i++) max = Math.max(max, grades[i]);
        return max;
    }

    private int[] order = new int[0];
    private final int[] typeStart, typeFill;

    private void four(double[] inv, double[] rows, int o0, int o1, int o2, int o3, int t, int k0, int k1, double[] grades,
                      int i0, int i1, int i2, int i3) {
        final int bl = blockLen, ra = radialAll, L = p.mapping.length, sp = p.species;
        double g0 = grades[i0], g1 = grades[i1], g2 = grades[i2], g3 = grades[i3];
        for (int k = k0; k < k1; k++) {
            final int base = k * n;
            final double cs = inv[base + ra + t];
            double s0 = cs, s1 = cs, s2 = cs, s3 = cs;
            final int rb = base + t * bl;
            for (int j = 0; j < bl; j++) {
                final double v = inv[rb + j];
                s0 += v * rows[o0 + j];
                s1 += v * rows[o1 + j];
                s2 += v * rows[o2 + j];
                s3 += v * rows[o3 + j];
            }
            final int mb = base + ra + sp, mo = bl + 1;
            for (int l = 0; l < L; l++) {
                final double v = inv[mb + l];
                s0 += v * rows[o0 + mo + l];
                s1 += v * rows[o1 + mo + l];
                s2 += v * rows[o2 + mo + l];
                s3 += v * rows[o3 + mo + l];
            }
            g0 = Math.max(g0, Math.abs(s0));
            g1 = Math.max(g1, Math.abs(s1));
            g2 = Math.max(g2, Math.abs(s2));
            g3 = Math.max(g3, Math.abs(s3));
        }
        grades[i0] = g0;
        grades[i1] = g1;
        grades[i2] = g2;
        grades[i3] = g3;
    }

    private void one(double[] inv, double[] rows, int o, int t, int k0, int k1, double[] grades, int i) {
        final int bl = blockLen, ra = radialAll, L = p.mapping.length, sp = p.species;
        double g = grades[i];
        for (int k = k0; k < k1; k++) {
            final int base = k * n;
            double s = inv[base + ra + t];
            final int rb = base + t * bl;
            for (int j = 0; j < bl; j++) s += inv[rb + j] * rows[o + j];
            final int mb = base + ra + sp, mo = o + bl + 1;
            for (int l = 0; l < L; l++) s += inv[mb + l] * rows[mo + l];
            g = Math.max(g, Math.abs(s));
        }
        grades[i] = g;
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
