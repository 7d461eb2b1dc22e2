package io.ionstream.actors.domain.decomp;

import io.ionstream.engine.system.AtomSystem;
import io.ionstream.engine.system.Box;
import java.util.HashMap;
import java.util.Map;

/**
 * Splitting a whole system into the initial atoms of each subdomain, and putting the final
 * atoms back together in the original order. Atoms are assigned by their wrapped fractional
 * position, exactly as a rebuild would; the input system is not modified.
 */
public final class Decomposition {
    private Decomposition() {}

    /** The atoms of each subdomain of {@code grid} (each with its own copy of the cell), in input order. */
    public static AtomBlock[] split(AtomSystem sys, DomainGrid grid) {
        requireUniqueIds(sys);
        int n = sys.size();
        AtomSystem wrapped = sys.copy();
        Box box = wrapped.box();
        double[] x = wrapped.x();
        for (int i = 0; i < n; i++) {
            int k = 3 * i;
            if (!Double.isFinite(x[k]) || !Double.isFinite(x[k + 1]) || !Double.isFinite(x[k + 2])) {
                throw new IllegalArgumentException("atom id " + sys.id()[i] + " has a non-finite position ("
                    + x[k] + ", " + x[k + 1] + ", " + x[k + 2] + ")");
            }
        }
        wrapped.wrapAll();
        AtomBlock[] parts = new AtomBlock[grid.count()];
        for (int t = 0; t < parts.length; t++) {
            parts[t] = new AtomBlock(n / parts.length + 16);
            parts[t].clear(wrapped);
        }
        double[] s = new double[3];
        for (int i = 0; i < n; i++) {
            box.toFractional(x[3 * i], x[3 * i + 1], x[3 * i + 2], s, 0);
            parts[grid.ownerOf(s[0], s[1], s[2])].append(wrapped, i);
        }
        return parts;
    }

    /** A subdomain's own system: the species and a copy of the cell of {@code sys}, the atoms of {@code part}. */
    public static AtomSystem subsystem(AtomSystem sys, AtomBlock part) {
        AtomSystem local = new AtomSystem(sys.species(), sys.box().copy(), part.count + 16);
        part.appendTo(local);
        return local;
    }

    /**
     * The full system after a run: a copy of {@code original} (same atom order) with positions,
     * velocities, forces, image flags and extra per-atom arrays taken from the subdomains' final
     * atoms, matched by id, and the final cell.
     */
    public static AtomSystem gather(AtomSystem original, Box finalBox, AtomBlock[] parts) {
        AtomSystem out = original.copy();
        out.box().setFrom(finalBox);
        Map<Long, Integer> where = new HashMap<>(2 * original.size());
        for (int i = 0; i < original.size(); i++) where.put(original.id()[i], i);
        int seen = 0;
        for (AtomBlock b : parts) {
            for (int k = 0; k < b.count; k++) {
                Integer i = where.get(b.id[k]);
                if (i == null) throw new IllegalStateException("subdomain returned unknown atom id " + b.id[k]);
                System.arraycopy(b.x, 3 * k, out.x(), 3 * i, 3);
                System.arraycopy(b.v, 3 * k, out.v(), 3 * i, 3);
                System.arraycopy(b.f, 3 * k, out.f(), 3 * i, 3);
                System.arraycopy(b.image, 3 * k, out.image(), 3 * i, 3);
                out.q()[i] = b.q[k];
                for (int e = 0; e < b.extra.length; e++) {
                    int st = b.extraStrides[e];
                    System.arraycopy(b.extra[e], st * k, out.perAtom(b.extraNames[e], st), st * i, st);
                }
                seen++;
            }
        }
        if (seen != original.size()) {
            throw new IllegalStateException("subdomains returned " + seen + " atoms, the system has " + original.size());
        }
        return out;
    }

    private static void requireUniqueIds(AtomSystem sys) {
        Map<Long, Integer> seen = new HashMap<>(2 * sys.size());
        for (int i = 0; i < sys.size(); i++) {
            Integer prev = seen.put(sys.id()[i], i);
            if (prev != null) {
                throw new IllegalArgumentException("atoms " + (prev + 1) + " and " + (i + 1) + " share the id "
                    + sys.id()[i] + ": a decomposed run needs unique atom ids");
            }
        }
    }
}
