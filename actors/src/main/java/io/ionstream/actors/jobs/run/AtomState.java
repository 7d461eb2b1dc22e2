package io.ionstream.actors.jobs.run;

import io.ionstream.engine.system.AtomSystem;
import io.ionstream.engine.system.Box;
import io.ionstream.engine.system.SpeciesTable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The atoms of a job at one step in canonical order (sorted by global id): species, cell,
 * positions, velocities, image counters, types, ids, charges and the named per-atom arrays of
 * the steppers. Both an uninterrupted run and a run restored from disk rebuild their
 * {@link AtomSystem} from this same state at every checkpoint, so atom order, neighbour lists
 * and therefore every floating-point sum are the same in both: the restored run continues the
 * trajectory bit for bit.
 */
public record AtomState(SpeciesTable species, double[] box, int n, double[] x, double[] v, int[] image, int[] type,
                        long[] id, double[] q, List<PerAtomArray> extras) {

    /** A named per-atom array ({@link AtomSystem#perAtom}) with {@code stride} values per atom. */
    public record PerAtomArray(String name, int stride, double[] values) {}

    public AtomState {
        if (box.length != 9) throw new IllegalArgumentException("a cell has 9 parameters, got " + box.length);
        extras = List.copyOf(extras);
    }

    /** The state of {@code sys} with its atoms sorted by global id (the system is not changed). */
    public static AtomState capture(AtomSystem sys) {
        int n = sys.size();
        long[] ids = sys.id();
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) order[i] = i;
        Arrays.sort(order, (a, b) -> Long.compare(ids[a], ids[b]));
        double[] x = new double[3 * n], v = new double[3 * n], q = new double[n];
        int[] image = new int[3 * n], type = new int[n];
        long[] id = new long[n];
        double[] sx = sys.x(), sv = sys.v(), sq = sys.q();
        int[] simage = sys.image(), stype = sys.type();
        for (int k = 0; k < n; k++) {
            int i = order[k];
            System.arraycopy(sx, 3 * i, x, 3 * k, 3);
            System.arraycopy(sv, 3 * i, v, 3 * k, 3);
            System.arraycopy(simage, 3 * i, image, 3 * k, 3);
            type[k] = stype[i];
            id[k] = ids[i];
            q[k] = sq[i];
            if (k > 0 && id[k] == id[k - 1]) throw new IllegalStateException("atom id " + id[k] + " appears twice");
        }
        List<PerAtomArray> extras = new ArrayList<>();
        String[] names = sys.perAtomNames();
        Arrays.sort(names);
        for (String name : names) {
            double[] a = sys.perAtom(name);
            int stride = a.length / Math.max(1, capacityOf(sys));
            double[] c = new double[stride * n];
            for (int k = 0; k < n; k++) System.arraycopy(a, stride * order[k], c, stride * k, stride);
            extras.add(new PerAtomArray(name, stride, c));
        }
        Box b = sys.box();
        double[] cell = {b.xlo(), b.ylo(), b.zlo(), b.lx(), b.ly(), b.lz(), b.xy(), b.xz(), b.yz()};
        return new AtomState(sys.species(), cell, n, x, v, image, type, id, q, extras);
    }

    /** Atom capacity of {@code sys} (the length of its type array), to recover an extra array's stride. */
    private static int capacityOf(AtomSystem sys) {
        return sys.type().length;
    }

    /** A fresh system holding this state, atoms in canonical order. */
    public AtomSystem toSystem() {
        AtomSystem s = new AtomSystem(species, cell(), n);
        for (int k = 0; k < n; k++) s.add(type[k], x[3 * k], x[3 * k + 1], x[3 * k + 2]);
        System.arraycopy(v, 0, s.v(), 0, 3 * n);
        System.arraycopy(image, 0, s.image(), 0, 3 * n);
        System.arraycopy(id, 0, s.id(), 0, n);
        System.arraycopy(q, 0, s.q(), 0, n);
        for (PerAtomArray e : extras) System.arraycopy(e.values(), 0, s.perAtom(e.name(), e.stride()), 0, e.stride() * n);
        return s;
    }

    public Box cell() {
        return new Box(box[0], box[1], box[2], box[3], box[4], box[5], box[6], box[7], box[8]);
    }

    /** Interleaved unwrapped positions (Å) in canonical order. */
    public double[] unwrapped() {
        Box b = cell();
        double[] u = new double[3 * n];
        for (int k = 0; k < n; k++) {
            b.imageShift(image[3 * k], image[3 * k + 1], image[3 * k + 2], u, 3 * k);
            for (int d = 0; d < 3; d++) u[3 * k + d] += x[3 * k + d];
        }
        return u;
    }
}
