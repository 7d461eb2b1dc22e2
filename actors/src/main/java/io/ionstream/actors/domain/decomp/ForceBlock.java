package io.ionstream.actors.domain.decomp;

import java.util.Arrays;

/**
 * Forces accumulated on the halo images a subdomain received from one sender, summed over the
 * images of each distinct atom and returned to that sender in its order of distinct atoms
 * (Newton's-third-law reverse communication). Owned and reused by the subdomain that computed
 * them.
 */
public final class ForceBlock {
    /** Number of distinct atoms. */
    public int count;
    public double[] f;
    /** Summed per-atom energies of the images, at steps that sample live observables (else unused). */
    public boolean energies;
    public double[] e = new double[0];

    public ForceBlock(int capacity) {
        f = new double[3 * Math.max(capacity, 4)];
    }

    public void ensureCapacity(int atoms) {
        if (3 * atoms > f.length) f = Arrays.copyOf(f, Math.max(3 * atoms, f.length + (f.length >> 1)));
    }

    public void ensureEnergyCapacity(int atoms) {
        if (atoms > e.length) e = Arrays.copyOf(e, Math.max(atoms, e.length + (e.length >> 1)));
    }
}
