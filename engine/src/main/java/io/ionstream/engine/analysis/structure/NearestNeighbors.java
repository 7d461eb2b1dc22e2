package io.ionstream.engine.analysis.structure;

import io.ionstream.engine.analysis.live.LocalAtoms;

/**
 * The k nearest neighbours of one atom among those of selected types in a {@link LocalAtoms}
 * full list, sorted by distance. Reusable buffers: one instance per thread, no allocation per
 * call once the buffers have grown.
 */
public final class NearestNeighbors {
    private int[] idx = new int[64];
    private double[] d2 = new double[64];
    private int count;

    /**
     * Finds the neighbours of local atom i whose type is in {@code mask}; keeps the {@code k}
     * nearest (all, if fewer). Returns how many were kept.
     */
    public int find(LocalAtoms a, int i, boolean[] mask, int k) {
        int[] off = a.full.offsets(), nb = a.full.neighbors();
        count = 0;
        for (int p = off[i]; p < off[i + 1]; p++) {
            int j = nb[p];
            if (!mask[a.type[j]]) continue;
            if (count == idx.length) {
                idx = java.util.Arrays.copyOf(idx, 2 * count);
                d2 = java.util.Arrays.copyOf(d2, 2 * count);
            }
            idx[count] = j;
            d2[count] = a.distance2(i, j);
            count++;
        }
        // insertion sort of the first k: lists are short (tens of atoms)
        int keep = Math.min(k, count);
        for (int s = 0; s < keep; s++) {
            int best = s;
            for (int t = s + 1; t < count; t++) if (d2[t] < d2[best]) best = t;
            if (best != s) {
                int ti = idx[s]; idx[s] = idx[best]; idx[best] = ti;
                double td = d2[s]; d2[s] = d2[best]; d2[best] = td;
            }
        }
        count = keep;
        return keep;
    }

    public int count() { return count; }
    /** Index (local + ghost) of the n-th nearest. */
    public int index(int n) { return idx[n]; }
    /** Squared distance of the n-th nearest. */
    public double distance2(int n) { return d2[n]; }
}
