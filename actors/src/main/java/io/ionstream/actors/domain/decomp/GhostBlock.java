package io.ionstream.actors.domain.decomp;

import java.util.Arrays;

/**
 * Halo one subdomain sends another for one step: the positions of the {@link #distinct} atoms
 * whose images the receiver needs, and at rebuild steps also their types, charges and ids (which
 * do not change between rebuilds) and the expansion of the {@link #count} images: for each, the
 * distinct atom it is an image of and its lattice shift. The receiver keeps the expansion until
 * the next rebuild and adds the shifts itself. Owned and reused by the sender: the step barrier
 * guarantees the receiver has copied it before the sender refills it.
 */
public final class GhostBlock {
    /** Number of images (ghosts at the receiver). */
    public int count;
    /** Number of distinct atoms whose positions travel. */
    public int distinct;
    /** True at rebuild steps: {@link #type}, {@link #q} and {@link #expansion} are filled. */
    public boolean properties;
    /** Interleaved positions of the distinct atoms (unshifted). */
    public double[] x;
    public int[] type;
    public double[] q;
    /** Global ids of the distinct atoms (rebuild steps; live observables read them). */
    public long[] id;
    /** Per image: distinct index, shift along a, b, c. */
    public int[] expansion;

    public GhostBlock(int capacity) {
        int c = Math.max(capacity, 4);
        x = new double[3 * c];
        type = new int[c];
        q = new double[c];
        id = new long[c];
        expansion = new int[4 * c];
    }

    public void ensureCapacity(int images, int atoms) {
        if (atoms > type.length) {
            int c = Math.max(atoms, type.length + (type.length >> 1));
            x = Arrays.copyOf(x, 3 * c);
            type = Arrays.copyOf(type, c);
            q = Arrays.copyOf(q, c);
            id = Arrays.copyOf(id, c);
        }
        if (4 * images > expansion.length) expansion = Arrays.copyOf(expansion, Math.max(4 * images, expansion.length + (expansion.length >> 1)));
    }
}
