package io.ionstream.engine.system;

import java.util.Arrays;

/**
 * The state of an atomistic system as structure-of-arrays: interleaved positions, velocities,
 * forces and image counters ({@code x[3i], x[3i+1], x[3i+2]}), types (indices into the
 * {@link SpeciesTable}), global ids, charges. Arrays may be longer than {@link #size()}; only the
 * first {@code 3 * size()} (or {@code size()}) entries are meaningful.
 *
 * <p>Units: LAMMPS metal (Å, Å/ps, eV/Å, e).
 */
public final class AtomSystem {
    private final SpeciesTable species;
    private final Box box;
    private int n;
    private double[] x, v, f, q;
    private int[] image, type;
    private long[] id;
    private final double[] massByType;
    // named extra per-atom arrays (minimiser state ...): carried by add, permute, copy, ensureCapacity
    private String[] extraNames = new String[0];
    private int[] extraStrides = new int[0];
    private double[][] extraArrays = new double[0][];
    private double[] extraScratch = new double[0];

    public AtomSystem(SpeciesTable species, Box box, int capacity) {
        this.species = species;
        this.box = box;
        this.massByType = species.masses();
        int cap = Math.max(capacity, 1);
        x = new double[3 * cap];
        v = new double[3 * cap];
        f = new double[3 * cap];
        image = new int[3 * cap];
        type = new int[cap];
        id = new long[cap];
        q = new double[cap];
    }

    public SpeciesTable species() { return species; }
    public Box box() { return box; }
    public int size() { return n; }

    /** Interleaved positions (Å); wrapped into the cell at neighbour-list builds. */
    public double[] x() { return x; }
    /** Interleaved velocities (Å/ps). */
    public double[] v() { return v; }
    /** Interleaved forces (eV/Å), valid after a force evaluation. */
    public double[] f() { return f; }
    /** Interleaved image counters: unwrapped = x + image·(a, b, c). */
    public int[] image() { return image; }
    public int[] type() { return type; }
    public long[] id() { return id; }
    /** Charges (e). */
    public double[] q() { return q; }

    public double mass(int i) { return massByType[type[i]]; }
    /** Masses indexed by type (shared, do not modify). */
    public double[] massByType() { return massByType; }

    /** Appends an atom at rest; its global id is its index unless set otherwise. Returns the index. */
    public int add(int t, double px, double py, double pz) {
        if (t < 0 || t >= species.size()) {
            throw new IllegalArgumentException("atom " + (n + 1) + ": type " + t + " is not a species of this system ("
                + species + ")");
        }
        ensureCapacity(n + 1);
        int k = 3 * n;
        x[k] = px; x[k + 1] = py; x[k + 2] = pz;
        v[k] = v[k + 1] = v[k + 2] = 0;
        f[k] = f[k + 1] = f[k + 2] = 0;
        image[k] = image[k + 1] = image[k + 2] = 0;
        type[n] = t;
        id[n] = n + 1;
        q[n] = 0;
        for (int e = 0; e < extraArrays.length; e++) {
            Arrays.fill(extraArrays[e], extraStrides[e] * n, extraStrides[e] * (n + 1), 0.0);
        }
        return n++;
    }

    public void ensureCapacity(int atoms) {
        if (atoms <= type.length) return;
        int cap = Math.max(atoms, type.length + (type.length >> 1) + 16);
        x = Arrays.copyOf(x, 3 * cap);
        v = Arrays.copyOf(v, 3 * cap);
        f = Arrays.copyOf(f, 3 * cap);
        image = Arrays.copyOf(image, 3 * cap);
        type = Arrays.copyOf(type, cap);
        id = Arrays.copyOf(id, cap);
        q = Arrays.copyOf(q, cap);
        for (int e = 0; e < extraArrays.length; e++) extraArrays[e] = Arrays.copyOf(extraArrays[e], extraStrides[e] * cap);
    }

    /**
     * The named extra per-atom array ({@code stride} doubles per atom, interleaved like
     * {@link #x()}), registering it zero-filled on first use. Extra arrays travel with their atoms
     * through {@link #permute}, {@link #copy} and {@link #ensureCapacity}, so per-atom state such
     * as a minimiser's search direction survives spatial sorting (and, later, migration).
     * The returned reference changes when capacity grows: fetch it again in every phase.
     */
    public double[] perAtom(String name, int stride) {
        int e = extraIndex(name);
        if (e >= 0) {
            if (extraStrides[e] != stride) {
                throw new IllegalArgumentException("per-atom array '" + name + "' has stride " + extraStrides[e]
                    + ", requested " + stride);
            }
            return extraArrays[e];
        }
        if (stride < 1) throw new IllegalArgumentException("per-atom array '" + name + "': stride must be >= 1, got " + stride);
        int k = extraNames.length;
        extraNames = Arrays.copyOf(extraNames, k + 1);
        extraStrides = Arrays.copyOf(extraStrides, k + 1);
        extraArrays = Arrays.copyOf(extraArrays, k + 1);
        extraNames[k] = name;
        extraStrides[k] = stride;
        extraArrays[k] = new double[stride * type.length];
        return extraArrays[k];
    }

    /** The named extra per-atom array; throws naming the registered ones when absent. */
    public double[] perAtom(String name) {
        int e = extraIndex(name);
        if (e < 0) {
            throw new IllegalArgumentException("no per-atom array '" + name + "' (registered: "
                + String.join(", ", extraNames) + ")");
        }
        return extraArrays[e];
    }

    public boolean hasPerAtom(String name) { return extraIndex(name) >= 0; }

    /** Drops a named extra per-atom array (no-op when absent). */
    public void removePerAtom(String name) {
        int e = extraIndex(name);
        if (e < 0) return;
        int k = extraNames.length - 1;
        extraNames[e] = extraNames[k];
        extraStrides[e] = extraStrides[k];
        extraArrays[e] = extraArrays[k];
        extraNames = Arrays.copyOf(extraNames, k);
        extraStrides = Arrays.copyOf(extraStrides, k);
        extraArrays = Arrays.copyOf(extraArrays, k);
    }

    /** Names of the registered extra per-atom arrays. */
    public String[] perAtomNames() { return extraNames.clone(); }

    private int extraIndex(String name) {
        for (int e = 0; e < extraNames.length; e++) if (extraNames[e].equals(name)) return e;
        return -1;
    }

    /** Unwrapped position of atom i into {@code out[o..o+2]}. */
    public void unwrapped(int i, double[] out, int o) {
        int k = 3 * i;
        box.imageShift(image[k], image[k + 1], image[k + 2], out, o);
        out[o] += x[k];
        out[o + 1] += x[k + 1];
        out[o + 2] += x[k + 2];
    }

    /** Wraps every atom into the cell, keeping unwrapped coordinates continuous. */
    public void wrapAll() {
        for (int i = 0; i < n; i++) box.wrap(x, image, i);
    }

    /**
     * Reorders atoms so that new atom k is old atom {@code order[k]} (spatial sorting for cache
     * locality). {@code scratch} must hold at least {@code 3 * size()} doubles; passing the same
     * scratch every time keeps sorting allocation-free.
     */
    public void permute(int[] order, double[] scratch, long[] scratchLong) {
        permute3(x, order, scratch);
        permute3(v, order, scratch);
        permute3(f, order, scratch);
        for (int d = 0; d < 3; d++) {
            for (int k = 0; k < n; k++) scratch[k] = image[3 * order[k] + d];
            for (int k = 0; k < n; k++) image[3 * k + d] = (int) scratch[k];
        }
        for (int k = 0; k < n; k++) scratch[k] = type[order[k]];
        for (int k = 0; k < n; k++) type[k] = (int) scratch[k];
        for (int k = 0; k < n; k++) scratch[k] = q[order[k]];
        System.arraycopy(scratch, 0, q, 0, n);
        for (int k = 0; k < n; k++) scratchLong[k] = id[order[k]];
        System.arraycopy(scratchLong, 0, id, 0, n);
        for (int e = 0; e < extraArrays.length; e++) {
            int st = extraStrides[e];
            double[] a = extraArrays[e];
            if (extraScratch.length < st * n) extraScratch = new double[st * n + (st * n >> 3)];
            for (int k = 0; k < n; k++) System.arraycopy(a, st * order[k], extraScratch, st * k, st);
            System.arraycopy(extraScratch, 0, a, 0, st * n);
        }
    }

    private void permute3(double[] a, int[] order, double[] scratch) {
        for (int k = 0; k < n; k++) {
            int s = 3 * order[k];
            scratch[3 * k] = a[s];
            scratch[3 * k + 1] = a[s + 1];
            scratch[3 * k + 2] = a[s + 2];
        }
        System.arraycopy(scratch, 0, a, 0, 3 * n);
    }

    /**
     * Drops the atoms at indices {@code >= newSize} (a subdomain removes the atoms that migrated
     * away after {@link #permute} moved them to the end). Array capacity is kept.
     */
    public void truncate(int newSize) {
        if (newSize < 0 || newSize > n) {
            throw new IllegalArgumentException("cannot truncate " + n + " atoms to " + newSize);
        }
        n = newSize;
    }

    /** Index of the atom with global id {@code gid}, or -1 (linear scan: not for hot loops). */
    public int indexOfId(long gid) {
        for (int i = 0; i < n; i++) if (id[i] == gid) return i;
        return -1;
    }

    /** Deep copy (its own box too). */
    public AtomSystem copy() {
        AtomSystem c = new AtomSystem(species, box.copy(), n);
        c.n = n;
        System.arraycopy(x, 0, c.x, 0, 3 * n);
        System.arraycopy(v, 0, c.v, 0, 3 * n);
        System.arraycopy(f, 0, c.f, 0, 3 * n);
        System.arraycopy(image, 0, c.image, 0, 3 * n);
        System.arraycopy(type, 0, c.type, 0, n);
        System.arraycopy(id, 0, c.id, 0, n);
        System.arraycopy(q, 0, c.q, 0, n);
        for (int e = 0; e < extraArrays.length; e++) {
            double[] a = c.perAtom(extraNames[e], extraStrides[e]);
            System.arraycopy(extraArrays[e], 0, a, 0, extraStrides[e] * n);
        }
        return c;
    }

    /** Total mass (amu). */
    public double totalMass() {
        double m = 0;
        for (int i = 0; i < n; i++) m += massByType[type[i]];
        return m;
    }

    /** Number of atoms of each type. */
    public int[] countByType() {
        int[] c = new int[species.size()];
        for (int i = 0; i < n; i++) c[type[i]]++;
        return c;
    }

    /** Chemical formula in species order, e.g. "Li24 P4 S20 Cl4". */
    public String formula() {
        int[] c = countByType();
        StringBuilder sb = new StringBuilder();
        for (int t = 0; t < c.length; t++) {
            if (c[t] == 0) continue;
            if (!sb.isEmpty()) sb.append(' ');
            sb.append(species.symbol(t)).append(c[t]);
        }
        return sb.toString();
    }
}
