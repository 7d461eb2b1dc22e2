package io.ionstream.engine.neighbor;

import java.util.Arrays;

/**
 * Verlet neighbour list in compressed-row form: the neighbours of local atom i are
 * {@code neighbors()[offsets()[i] .. offsets()[i+1])}, indices into the local-plus-ghost arrays.
 *
 * <p>A <em>half</em> list stores each pair once (Newton's third law on: the potential adds the
 * pair force to both atoms, ghost forces are folded back to their owners); a <em>full</em> list
 * stores every neighbour of every local atom (many-body potentials).
 */
public final class NeighborList {
    private final boolean half;
    int[] offsets = new int[1];
    int[] neighbors = new int[64];
    int nlocal;
    double cutoff;

    public NeighborList(boolean half) {
        this.half = half;
    }

    public boolean isHalf() { return half; }
    public int nlocal() { return nlocal; }
    /** The list radius (cut-off plus skin) it was built with. */
    public double radius() { return cutoff; }
    public int[] offsets() { return offsets; }
    public int[] neighbors() { return neighbors; }
    public int count(int i) { return offsets[i + 1] - offsets[i]; }
    public int totalPairs() { return offsets[nlocal]; }

    void reset(int nlocal, double cutoff) {
        this.nlocal = nlocal;
        this.cutoff = cutoff;
        if (offsets.length < nlocal + 1) offsets = new int[nlocal + 1 + (nlocal >> 3)];
    }

    void ensureNeighborCapacity(int needed) {
        if (neighbors.length < needed) neighbors = Arrays.copyOf(neighbors, Math.max(needed, neighbors.length * 2));
    }
}
