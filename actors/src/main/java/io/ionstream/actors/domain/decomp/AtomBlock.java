package io.ionstream.actors.domain.decomp;

import io.ionstream.engine.system.AtomSystem;
import java.util.Arrays;

/**
 * Complete per-atom state of a group of atoms as primitive columns (positions, velocities,
 * forces, image flags, types, ids, charges): what migrates between subdomains at a rebuild, and
 * what a subdomain hands back at the end of a job. Reused between
 * rebuilds by its owner; grows, never shrinks.
 */
public final class AtomBlock {
    public int count;
    public double[] x, v, f, q;
    public int[] image, type;
    public long[] id;

    public AtomBlock(int capacity) {
        int c = Math.max(capacity, 4);
        x = new double[3 * c];
        v = new double[3 * c];
        f = new double[3 * c];
        image = new int[3 * c];
        type = new int[c];
        id = new long[c];
        q = new double[c];
    }

    public void clear() { count = 0; }

    public void ensureCapacity(int atoms) {
        if (atoms <= type.length) return;
        int c = Math.max(atoms, 2 * type.length);
        x = Arrays.copyOf(x, 3 * c);
        v = Arrays.copyOf(v, 3 * c);
        f = Arrays.copyOf(f, 3 * c);
        image = Arrays.copyOf(image, 3 * c);
        type = Arrays.copyOf(type, c);
        id = Arrays.copyOf(id, c);
        q = Arrays.copyOf(q, c);
    }

    /** Appends atom i of {@code sys}. */
    public void append(AtomSystem sys, int i) {
        ensureCapacity(count + 1);
        int k = count++;
        System.arraycopy(sys.x(), 3 * i, x, 3 * k, 3);
        System.arraycopy(sys.v(), 3 * i, v, 3 * k, 3);
        System.arraycopy(sys.f(), 3 * i, f, 3 * k, 3);
        System.arraycopy(sys.image(), 3 * i, image, 3 * k, 3);
        type[k] = sys.type()[i];
        id[k] = sys.id()[i];
        q[k] = sys.q()[i];
    }

    /** Appends every atom of this block to {@code sys} (positions, velocities, forces, images, types, ids, charges). */
    public void appendTo(AtomSystem sys) {
        sys.ensureCapacity(sys.size() + count);
        for (int k = 0; k < count; k++) {
            int i = sys.add(type[k], x[3 * k], x[3 * k + 1], x[3 * k + 2]);
            System.arraycopy(v, 3 * k, sys.v(), 3 * i, 3);
            System.arraycopy(f, 3 * k, sys.f(), 3 * i, 3);
            System.arraycopy(image, 3 * k, sys.image(), 3 * i, 3);
            sys.id()[i] = id[k];
            sys.q()[i] = q[k];
        }
    }
}
