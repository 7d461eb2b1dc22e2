package io.ionstream.engine.io.vasp;

import io.ionstream.engine.io.CellFrame;
import io.ionstream.engine.io.LineReader;
import io.ionstream.engine.io.SpeciesNames;
import io.ionstream.engine.system.AtomSystem;
import io.ionstream.engine.system.Box;
import io.ionstream.engine.system.SpeciesTable;
import java.io.BufferedReader;
import java.util.Arrays;
import java.util.Locale;

/**
 * Parses POSCAR/CONTCAR files: direct or Cartesian positions, all scaling-factor forms,
 * selective dynamics, the VASP 5 species line (VASP 4 files need the caller to name the species
 * of their blocks) and the velocities block of a CONTCAR (Cartesian Å/fs, converted to Å/ps).
 * What follows the velocities (the predictor-corrector block of MD restarts) is not used.
 *
 * <p>Positions are taken as written (not wrapped). Atom ids are 1..n in file order.
 */
public final class PoscarReader {
    private PoscarReader() {}

    /**
     * @param species for a VASP 5 file, the species table order (null: the file's order); for a
     *                VASP 4 file (no species line), the species of its blocks in order (required)
     */
    public static Poscar read(BufferedReader reader, String source, String[] species) {
        LineReader in = new LineReader(reader, source);
        String comment = in.require("the comment line");
        VaspHeader h = VaspHeader.read(in, comment, species);
        SpeciesTable table = h.species(species, source);

        String mode = in.require("'Direct' or 'Cartesian'");
        boolean selective = firstLetter(mode) == 's';
        if (selective) mode = in.require("'Direct' or 'Cartesian'");
        char m = firstLetter(mode);
        boolean cartesian = m == 'c' || m == 'k';
        if (!cartesian && m != 'd') {
            throw in.error("expected 'Direct' or 'Cartesian' (or 'Selective dynamics'), found '" + abbreviate(mode) + "'");
        }

        CellFrame cell = h.cell(source);
        Box box = cell.box();
        int n = h.atoms;
        AtomSystem sys = new AtomSystem(table, box, Math.min(n, 4096));
        boolean[] movable = selective ? new boolean[3 * Math.min(n, 4096)] : null;
        double[] p = new double[3];
        int i = 0;
        for (int b = 0; b < h.counts.length; b++) {
            int type = SpeciesNames.typeOf(table, h.blockNames[b], source, h.firstLine + 5);
            for (int k = 0; k < h.counts[b]; k++, i++) {
                String[] f = LineReader.fields(in.require("the position of atom " + (i + 1) + " of " + n));
                int need = selective ? 6 : 3;
                if (f.length < need) {
                    throw in.error("atom " + (i + 1) + " needs " + need + " fields (x y z" + (selective ? " and 3 T/F flags" : "")
                        + "), found " + f.length);
                }
                for (int d = 0; d < 3; d++) p[d] = in.parseDouble(f[d], "coordinate");
                if (cartesian) {
                    for (int d = 0; d < 3; d++) p[d] *= h.scale[d];
                    cell.rotate(p, 1);
                } else {
                    box.toCartesian(p[0], p[1], p[2], p, 0);
                }
                for (int d = 0; d < 3; d++) {
                    if (!Double.isFinite(p[d])) throw in.error("atom " + (i + 1) + " has a position out of range");
                }
                sys.add(type, p[0], p[1], p[2]);
                if (selective) {
                    if (movable.length < 3 * (i + 1)) movable = Arrays.copyOf(movable, Math.max(3 * (i + 1), 2 * movable.length));
                    for (int d = 0; d < 3; d++) movable[3 * i + d] = logical(in, f[3 + d]);
                }
            }
        }
        readVelocities(in, sys, cell);
        if (selective && movable.length != 3 * n) movable = Arrays.copyOf(movable, 3 * n);
        return new Poscar(sys, comment.strip(), movable, cell.rotation());
    }

    private static void readVelocities(LineReader in, AtomSystem sys, CellFrame cell) {
        String s = in.next();
        if (s == null) return;
        if (s.isBlank()) {
            String first = in.nextContent(false);
            if (first == null) return;
            in.pushBack(first);
        } else {
            char m = firstLetter(s);
            if (m == 'd') throw in.error("velocities in direct (lattice) coordinates are not supported; give them in Cartesian Å/fs");
            if (m == 'l') throw in.error("the lattice-velocities block of variable-cell MD is not supported");
            if (m != 'c' && m != 'k') {
                throw in.error("after the positions expected a blank line or 'Cartesian' starting the velocities, found '"
                    + abbreviate(s) + "'");
            }
        }
        int n = sys.size();
        double[] v = sys.v();
        for (int i = 0; i < n; i++) {
            String[] f = LineReader.fields(in.require("the velocity of atom " + (i + 1) + " of " + n));
            if (f.length < 3) throw in.error("a velocity needs 3 numbers, found " + f.length);
            for (int d = 0; d < 3; d++) v[3 * i + d] = in.parseDouble(f[d], "velocity");
        }
        cell.rotate(v, n);
        // CONTCAR velocities are Å/fs; ours are Å/ps
        for (int k = 0; k < 3 * n; k++) v[k] *= 1000.0;
    }

    private static boolean logical(LineReader in, String s) {
        return switch (s.toUpperCase(Locale.ROOT)) {
            case "T", ".T.", ".TRUE.", "TRUE" -> true;
            case "F", ".F.", ".FALSE.", "FALSE" -> false;
            default -> throw in.error("selective-dynamics flag '" + s + "' is not T or F");
        };
    }

    private static char firstLetter(String s) {
        String t = s.strip();
        return t.isEmpty() ? ' ' : Character.toLowerCase(t.charAt(0));
    }

    private static String abbreviate(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "…" : s;
    }
}
