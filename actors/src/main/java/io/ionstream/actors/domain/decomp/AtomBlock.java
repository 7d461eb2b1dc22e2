package io.ionstream.actors.domain.decomp;

import io.ionstream.engine.system.AtomSystem;
import java.util.Arrays;

/**
 * Complete per-atom state of a group of atoms as primitive columns (positions, velocities,
 * forces, image flags, types, ids, charges, and every named extra per-atom array of the system,
 * such as a minimiser's search direction): what migrates between subdomains at a rebuild, and
 * what a subdomain hands back at the end of a job. Reused between rebuilds by its owner; grows,
 * never shrinks.
 */
public final class AtomBlock {
    public int count;
    public double[] x, v, f, q;
    public int[] image, type;
    public long[] id;
    /** Names, strides (doubles per atom) and interleaved values of the extra per-atom arrays. */
    public String[] extraNames = new String[0];
    public int[] extraStrides = new int[0];
    public double[][] extra = new double[0][];

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

    /** Empties the block and gives it the extra per-atom arrays {@code like} has. */
    public void clear(AtomSystem like) {
        count = 0;
        String[] names = like.perAtomNames();
        if (!Arrays.equals(names, extraNames)) {
            int cap = type.length;
            extraNames = names;
            extraStrides = new int[names.length];
            extra = new double[names.length][];
            for (int e = 0; e < names.length; e++) {
                // extra arrays are sized stride × capacity, like the type array
                extraStrides[e] = like.perAtom(names[e]).length / like.type().length;
                extra[e] = new double[extraStrides[e] * cap];
            }
        }
    }

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
        for (int e = 0; e < extra.length; e++) extra[e] = Arrays.copyOf(extra[e], extraStrides[e] * c);
    }

    /** Appends atom i of {@code sys}, whose extra arrays must be those of the last {@link #clear}. */
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
        for (int e = 0; e < extra.length; e++) {
            int st = extraStrides[e];
            System.arraycopy(sys.perAtom(extraNames[e], st), st * i, extra[e], st * k, st);
        }
    }

    /** Appends every atom of this block to {@code sys}, registering extra arrays it lacks. */
    public void appendTo(AtomSystem sys) {
        sys.ensureCapacity(sys.size() + count);
        int first = sys.size();
        for (int k = 0; k < count; k++) {
            int i = sys.add(type[k], x[3 * k], x[3 * k + 1], x[3 * k + 2]);
            System.arraycopy(v, 3 * k, sys.v(), 3 * i, 3);
            System.arraycopy(f, 3 * k, sys.f(), 3 * i, 3);
            System.arraycopy(image, 3 * k, sys.image(), 3 * i, 3);
            sys.id()[i] = id[k];
            sys.q()[i] = q[k];
        }
        for (int e = 0; e < extra.length; e++) {
            int st = extraStrides[e];
            System.arraycopy(extra[e], 0, sys.perAtom(extraNames[e], st), st * first, st * count);
        }
    }
}
