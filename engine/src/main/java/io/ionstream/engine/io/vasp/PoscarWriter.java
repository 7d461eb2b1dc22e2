package io.ionstream.engine.io.vasp;

import io.ionstream.engine.system.AtomSystem;
import io.ionstream.engine.system.Box;
import io.ionstream.engine.system.SpeciesTable;
import java.io.IOException;
import java.io.Writer;

/**
 * Writes VASP 5 POSCAR/CONTCAR: scaling factor 1, our cell's lattice vectors, the species line
 * (species without atoms are left out: VASP has no empty blocks), Cartesian positions relative
 * to the cell origin with every digit that a double needs, selective-dynamics flags when given,
 * and, when any atom moves, a CONTCAR velocities block (blank line, Cartesian Å/fs).
 *
 * <p>POSCAR groups atoms by species, so atoms are written in stable type order; ids and image
 * flags are not part of the format.
 */
public final class PoscarWriter {
    private PoscarWriter() {}

    public static void write(Poscar p, Writer w) throws IOException {
        AtomSystem sys = p.system();
        int n = sys.size();
        if (p.movable() != null && p.movable().length < 3 * n) {
            throw new IllegalArgumentException("selective-dynamics flags cover " + p.movable().length / 3 + " atoms, the system has " + n);
        }
        SpeciesTable sp = sys.species();
        int[] count = sys.countByType();
        Box b = sys.box();
        StringBuilder sb = new StringBuilder(256 + n * 80);
        String comment = p.comment() == null || p.comment().isBlank() ? sys.formula() : p.comment();
        sb.append(comment.replace('\n', ' ').replace('\r', ' ')).append('\n');
        sb.append("1.0\n");
        sb.append(' ').append(b.lx()).append(" 0.0 0.0\n");
        sb.append(' ').append(b.xy()).append(' ').append(b.ly()).append(" 0.0\n");
        sb.append(' ').append(b.xz()).append(' ').append(b.yz()).append(' ').append(b.lz()).append('\n');
        StringBuilder names = new StringBuilder(), counts = new StringBuilder();
        for (int t = 0; t < sp.size(); t++) {
            if (count[t] == 0) continue;
            String s = sp.symbol(t);
            for (int k = 0; k < s.length(); k++) {
                if (s.charAt(k) <= ' ') throw new IllegalArgumentException("species name '" + s + "' cannot be written to POSCAR");
            }
            names.append(' ').append(s);
            counts.append(' ').append(count[t]);
        }
        sb.append(names).append('\n').append(counts).append('\n');
        if (p.movable() != null) sb.append("Selective dynamics\n");
        sb.append("Cartesian\n");
        int[] order = typeOrder(sys);
        double[] x = sys.x();
        for (int i : order) {
            int k = 3 * i;
            if (!(Double.isFinite(x[k]) && Double.isFinite(x[k + 1]) && Double.isFinite(x[k + 2]))) {
                throw new IllegalArgumentException("atom " + sys.id()[i] + " has a non-finite position; refusing to write it");
            }
            sb.append(' ').append(x[k] - b.xlo()).append(' ').append(x[k + 1] - b.ylo()).append(' ').append(x[k + 2] - b.zlo());
            if (p.movable() != null) {
                for (int d = 0; d < 3; d++) sb.append(p.movable()[k + d] ? " T" : " F");
            }
            sb.append('\n');
        }
        double[] v = sys.v();
        boolean moving = false;
        for (int k = 0; k < 3 * n && !moving; k++) moving = v[k] != 0;
        if (moving) {
            sb.append('\n');
            for (int i : order) {
                int k = 3 * i;
                // ours are Å/ps, CONTCAR's Å/fs
                sb.append(' ').append(v[k] / 1000.0).append(' ').append(v[k + 1] / 1000.0).append(' ').append(v[k + 2] / 1000.0).append('\n');
            }
        }
        w.write(sb.toString());
    }

    /** Atom indices in stable type order (the order POSCAR blocks impose). */
    static int[] typeOrder(AtomSystem sys) {
        int n = sys.size();
        int[] count = sys.countByType();
        int[] start = new int[count.length];
        for (int t = 1; t < count.length; t++) start[t] = start[t - 1] + count[t - 1];
        int[] order = new int[n];
        for (int i = 0; i < n; i++) order[start[sys.type()[i]]++] = i;
        return order;
    }
}
