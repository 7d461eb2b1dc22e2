package io.ionstream.actors.domain.decomp;

import java.util.Arrays;

/**
 * Halo images one subdomain sends another for one step: interleaved positions, and at rebuild
 * steps also the types and charges (which do not change between rebuilds). Owned and reused by
 * the sender: the step barrier guarantees the receiver has copied it before the sender refills it.
 */
public final class GhostBlock {
    public int count;
    /** True when {@link #type} and {@link #q} are filled (rebuild steps). */
    public boolean properties;
    public double[] x;
    public int[] type;
    public double[] q;

    public GhostBlock(int capacity) {
        int c = Math.max(capacity, 4);
        x = new double[3 * c];
        type = new int[c];
        q = new double[c];
    }

    public void ensureCapacity(int atoms) {
        if (atoms <= type.length) return;
        int c = Math.max(atoms, type.length + (type.length >> 1));
        x = Arrays.copyOf(x, 3 * c);
        type = Arrays.copyOf(type, c);
        q = Arrays.copyOf(q, c);
    }
}
