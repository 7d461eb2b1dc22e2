package io.ionstream.engine.io;

import io.ionstream.engine.system.AtomSystem;
import io.ionstream.engine.system.Box;
import io.ionstream.engine.system.Elements;
import io.ionstream.engine.system.SpeciesTable;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * LAMMPS data files ({@code read_data} / {@code write_data}) with atom styles {@code atomic}
 * (id type x y z [ix iy iz]) and {@code charge} (id type q x y z [ix iy iz]), orthorhombic or
 * triclinic boxes; sections Masses, Atoms, Velocities, Atom Type Labels, and the coefficient
 * sections LAMMPS's {@code write_data} adds (Pair Coeffs, PairIJ Coeffs), which are skipped:
 * they describe a force field, not the structure. Topology (bonds, angles, …) must be absent.
 *
 * <p>LAMMPS types are numbers; species symbols come, in this order of preference, from the
 * caller, from an Atom Type Labels section, from one-word comments on every Masses line
 * ({@code 1 6.94 # Li}, as we write them), or, when a type's mass is the standard atomic weight
 * of an element (within 0.01 amu), from that element, else "type&lt;n&gt;".
 */
public final class LammpsData {
    private LammpsData() {}

    public enum Style { ATOMIC, CHARGE }

    private static final long MAX_ATOMS = 500_000_000L;
    private static final int MAX_TYPES = 1000;
    /** Header keywords that may appear only with a count of zero. */
    private static final Set<String> ZERO_ONLY = Set.of("bonds", "angles", "dihedrals", "impropers", "bond types",
        "angle types", "dihedral types", "improper types", "extra bond per atom", "extra angle per atom",
        "extra dihedral per atom", "extra improper per atom", "extra special per atom", "ellipsoids", "lines",
        "triangles", "bodies");

    /** Reads a data file ({@code .gz} allowed); {@code symbols} (may be null) names types 1..n. */
    public static AtomSystem read(Path file, String[] symbols) {
        try (BufferedReader r = TextFiles.reader(file)) {
            return read(r, file.toString(), symbols);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads a data file; {@code symbols} (may be null) names the LAMMPS types 1..n in order.
     */
    public static AtomSystem read(BufferedReader reader, String source, String[] symbols) {
        return new Parser(new LineReader(reader, source), symbols).parse();
    }

    /** One read: the header, then the sections in any order. */
    private static final class Parser {
        final LineReader in;
        final String source;
        final String[] symbols;
        long natoms = -1;
        int ntypes = -1;
        final double[] lo = new double[3], hi = new double[3];
        final boolean[] haveBounds = new boolean[3];
        double xy, xz, yz;
        double[] masses;
        String[] massComments;
        String[] labels;
        // atoms, grown as lines arrive
        int count;
        long[] ids = new long[16];
        int[] types = new int[16];
        double[] q = new double[16], x = new double[48];
        int[] img = new int[48];
        final Map<Long, Integer> row = new HashMap<>();
        // velocities, by atom id (the section may come before or after Atoms)
        int vcount;
        long[] vids;
        double[] vel;
        int[] vlines;
        final java.util.Set<String> seenSections = new HashSet<>();

        Parser(LineReader in, String[] symbols) {
            this.in = in;
            this.source = in.source();
            this.symbols = symbols == null ? null : symbols.clone();
        }

        AtomSystem parse() {
            in.require("a title line");
            header();
            if (symbols != null && symbols.length != ntypes) {
                throw new FormatException(source, 0, "the file has " + ntypes + " atom types but " + symbols.length
                    + " species names were given");
            }
            Box box;
            try {
                box = new Box(lo[0], lo[1], lo[2], hi[0] - lo[0], hi[1] - lo[1], hi[2] - lo[2], xy, xz, yz);
            } catch (IllegalArgumentException e) {
                throw new FormatException(source, 0, "unusable box: " + e.getMessage(), e);
            }
            String s;
            while ((s = in.next()) != null) {
                String t = LineReader.stripComment(s).strip();
                if (t.isEmpty()) continue;
                String comment = s.contains("#") ? s.substring(s.indexOf('#') + 1).strip().toLowerCase(Locale.ROOT) : "";
                if (!seenSections.add(t)) throw in.error("section '" + t + "' appears twice");
                switch (t) {
                    case "Masses" -> masses();
                    case "Atoms" -> atoms(comment);
                    case "Velocities" -> velocities();
                    case "Atom Type Labels" -> labels();
                    case "Pair Coeffs" -> skip(ntypes, t);
                    case "PairIJ Coeffs" -> skip((long) ntypes * (ntypes + 1) / 2, t);
                    default -> throw in.error("unsupported section '" + abbreviate(t)
                        + "' (supported: Masses, Atoms, Velocities, Atom Type Labels; Pair/PairIJ Coeffs are skipped)");
                }
            }
            if (count != natoms) throw new FormatException(source, in.line(), "no Atoms section");
            return build(box);
        }

        void header() {
            String s;
            header:
            while ((s = in.next()) != null) {
                String t = LineReader.stripComment(s).strip();
                if (t.isEmpty()) continue;
                String[] f = LineReader.fields(t);
                int k = 0;
                while (k < f.length && startsNumeric(f[k])) k++;
                if (k == 0) {
                    in.pushBack(s);
                    break header;
                }
                String keyword = String.join(" ", Arrays.copyOfRange(f, k, f.length));
                switch (keyword) {
                    case "atoms" -> {
                        one(k, keyword);
                        if (natoms >= 0) throw in.error("'atoms' given twice");
                        natoms = in.parseLong(f[0], "number of atoms");
                        if (natoms < 0 || natoms > MAX_ATOMS) throw in.error("number of atoms out of range 0.." + MAX_ATOMS + ": " + natoms);
                    }
                    case "atom types" -> {
                        one(k, keyword);
                        if (ntypes >= 0) throw in.error("'atom types' given twice");
                        long nt = in.parseLong(f[0], "number of atom types");
                        if (nt < 1 || nt > MAX_TYPES) throw in.error("number of atom types must be 1.." + MAX_TYPES + ", got " + nt);
                        ntypes = (int) nt;
                    }
                    case "xlo xhi", "ylo yhi", "zlo zhi" -> {
                        if (k != 2) throw in.error("expected 'lo hi " + keyword + "'");
                        int d = keyword.charAt(0) - 'x';
                        if (haveBounds[d]) throw in.error("'" + keyword + "' given twice");
                        lo[d] = in.parseDouble(f[0], "box lower bound");
                        hi[d] = in.parseDouble(f[1], "box upper bound");
                        if (!(hi[d] > lo[d])) throw in.error("box upper bound " + hi[d] + " is not above lower bound " + lo[d]);
                        haveBounds[d] = true;
                    }
                    case "xy xz yz" -> {
                        if (k != 3) throw in.error("expected 'xy xz yz xy xz yz'");
                        xy = in.parseDouble(f[0], "tilt xy");
                        xz = in.parseDouble(f[1], "tilt xz");
                        yz = in.parseDouble(f[2], "tilt yz");
                    }
                    default -> {
                        if (!ZERO_ONLY.contains(keyword)) {
                            throw in.error("unsupported header line '" + abbreviate(t) + "' (supported: atoms, atom types, box bounds, tilts)");
                        }
                        one(k, keyword);
                        if (in.parseLong(f[0], keyword) != 0) {
                            throw in.error("'" + abbreviate(t) + "': only atomic and charge systems without topology are supported");
                        }
                    }
                }
            }
            if (natoms < 0) throw new FormatException(source, 0, "header has no 'N atoms' line");
            if (ntypes < 0) throw new FormatException(source, 0, "header has no 'N atom types' line");
            for (int d = 0; d < 3; d++) {
                char c = "xyz".charAt(d);
                if (!haveBounds[d]) throw new FormatException(source, 0, "header has no '" + c + "lo " + c + "hi' line");
            }
        }

        void one(int numbers, String keyword) {
            if (numbers != 1) throw in.error("expected one number before '" + keyword + "'");
        }

        void masses() {
            masses = new double[ntypes];
            massComments = new String[ntypes];
            boolean[] seen = new boolean[ntypes];
            for (int k = 0; k < ntypes; k++) {
                String raw = rawSectionLine("Masses");
                String[] f = LineReader.fields(LineReader.stripComment(raw));
                if (f.length != 2) throw in.error("Masses line needs 'type mass', found '" + abbreviate(raw.strip()) + "'");
                int ty = type(f[0]);
                if (seen[ty]) throw in.error("Masses section lists type " + (ty + 1) + " twice");
                masses[ty] = in.parseDouble(f[1], "mass");
                if (!(masses[ty] > 0)) throw in.error("mass of type " + (ty + 1) + " must be positive");
                seen[ty] = true;
                int h = raw.indexOf('#');
                if (h >= 0) {
                    String[] c = LineReader.fields(raw.substring(h + 1));
                    if (c.length == 1) massComments[ty] = c[0];
                }
            }
        }

        void labels() {
            labels = new String[ntypes];
            for (int k = 0; k < ntypes; k++) {
                String[] f = LineReader.fields(sectionLine("Atom Type Labels"));
                if (f.length != 2) throw in.error("Atom Type Labels line needs 'type label'");
                int ty = type(f[0]);
                if (labels[ty] != null) throw in.error("Atom Type Labels lists type " + (ty + 1) + " twice");
                labels[ty] = f[1];
            }
        }

        void atoms(String comment) {
            Style style = comment.startsWith("charge") ? Style.CHARGE
                : comment.startsWith("atomic") ? Style.ATOMIC
                : comment.isEmpty() ? null
                : unsupportedStyle(comment);
            for (long k = 0; k < natoms; k++) {
                String[] f = LineReader.fields(sectionLine("Atoms"));
                Style st = style != null ? style : inferStyle(f.length);
                int base = st == Style.CHARGE ? 6 : 5;
                if (f.length != base && f.length != base + 3) {
                    throw in.error("Atoms (" + st.name().toLowerCase(Locale.ROOT) + ") line needs " + base + " or "
                        + (base + 3) + " fields, found " + f.length);
                }
                grow(count + 1);
                int i = count;
                long id = in.parseLong(f[0], "atom id");
                if (id < 1) throw in.error("atom id must be positive, got " + id);
                if (row.put(id, i) != null) throw in.error("atom id " + id + " appears twice");
                ids[i] = id;
                types[i] = type(f[1]);
                int p = 2;
                if (st == Style.CHARGE) q[i] = in.parseDouble(f[p++], "charge");
                for (int d = 0; d < 3; d++) x[3 * i + d] = in.parseDouble(f[p++], "coordinate");
                if (f.length == base + 3) {
                    for (int d = 0; d < 3; d++) img[3 * i + d] = in.parseInt(f[p++], "image flag");
                }
                count++;
            }
        }

        void velocities() {
            int cap = (int) Math.min(natoms, 4096);
            vids = new long[Math.max(cap, 1)];
            vel = new double[3 * Math.max(cap, 1)];
            vlines = new int[Math.max(cap, 1)];
            for (long k = 0; k < natoms; k++) {
                String[] f = LineReader.fields(sectionLine("Velocities"));
                if (f.length != 4) throw in.error("Velocities line needs 'id vx vy vz', found " + f.length + " fields");
                if (vcount == vids.length) {
                    vids = Arrays.copyOf(vids, 2 * vcount);
                    vel = Arrays.copyOf(vel, 6 * vcount);
                    vlines = Arrays.copyOf(vlines, 2 * vcount);
                }
                vlines[vcount] = in.line();
                vids[vcount] = in.parseLong(f[0], "atom id");
                for (int d = 0; d < 3; d++) vel[3 * vcount + d] = in.parseDouble(f[1 + d], "velocity");
                vcount++;
            }
        }

        void skip(long lines, String section) {
            for (long k = 0; k < lines; k++) sectionLine(section);
        }

        AtomSystem build(Box box) {
            String[] names = new String[ntypes];
            double[] m = new double[ntypes];
            boolean commentsNameAll = massComments != null;
            for (int k = 0; k < ntypes && commentsNameAll; k++) commentsNameAll = massComments[k] != null;
            for (int k = 0; k < ntypes; k++) {
                if (symbols != null) {
                    names[k] = symbols[k] == null ? "" : Elements.normalise(symbols[k]);
                } else if (labels != null && labels[k] != null) {
                    names[k] = SpeciesNames.normalise(labels[k]);
                } else if (commentsNameAll) {
                    names[k] = SpeciesNames.normalise(massComments[k]);
                } else if (masses != null) {
                    names[k] = elementForMass(masses[k], "type" + (k + 1));
                } else {
                    throw new FormatException(source, 0, "no Masses section and no species names given");
                }
                if (names[k].isEmpty()) throw new FormatException(source, 0, "species name of type " + (k + 1) + " is empty");
                m[k] = masses != null ? masses[k] : massOf(names[k]);
            }
            SpeciesTable table;
            try {
                table = new SpeciesTable(uniquify(names), m);
            } catch (IllegalArgumentException e) {
                throw new FormatException(source, 0, e.getMessage(), e);
            }
            AtomSystem sys = new AtomSystem(table, box, count);
            for (int k = 0; k < count; k++) {
                int i = sys.add(types[k], x[3 * k], x[3 * k + 1], x[3 * k + 2]);
                sys.id()[i] = ids[k];
                sys.q()[i] = q[k];
                System.arraycopy(img, 3 * k, sys.image(), 3 * i, 3);
            }
            if (vel != null) {
                boolean[] have = new boolean[count];
                for (int k = 0; k < vcount; k++) {
                    Integer r = row.get(vids[k]);
                    if (r == null) throw new FormatException(source, vlines[k], "Velocities section names unknown atom id " + vids[k]);
                    if (have[r]) throw new FormatException(source, vlines[k], "Velocities section lists atom id " + vids[k] + " twice");
                    have[r] = true;
                    System.arraycopy(vel, 3 * k, sys.v(), 3 * r, 3);
                }
            }
            return sys;
        }

        int type(String field) {
            int ty = in.parseInt(field, "atom type");
            if (ty < 1 || ty > ntypes) throw in.error("type " + ty + " outside 1.." + ntypes);
            return ty - 1;
        }

        void grow(int n) {
            if (n <= ids.length) return;
            int cap = Math.max(n, 2 * ids.length);
            ids = Arrays.copyOf(ids, cap);
            types = Arrays.copyOf(types, cap);
            q = Arrays.copyOf(q, cap);
            x = Arrays.copyOf(x, 3 * cap);
            img = Arrays.copyOf(img, 3 * cap);
        }

        Style unsupportedStyle(String comment) {
            throw in.error("unsupported atom style '" + abbreviate(comment) + "' (supported: atomic, charge)");
        }

        Style inferStyle(int fields) {
            return switch (fields) {
                case 5, 8 -> Style.ATOMIC;
                case 6, 9 -> Style.CHARGE;
                default -> throw in.error("cannot tell the atom style from " + fields
                    + " fields; add '# atomic' or '# charge' after 'Atoms'");
            };
        }

        String sectionLine(String section) {
            String s = in.nextContent(true);
            if (s == null) throw new FormatException(source, in.line() + 1, "unexpected end of file in " + section + " section");
            return s;
        }

        /** The next non-blank line with its comment (Masses comments name species). */
        String rawSectionLine(String section) {
            String s;
            while ((s = in.next()) != null) {
                if (!LineReader.stripComment(s).isBlank()) return s;
            }
            throw new FormatException(source, in.line() + 1, "unexpected end of file in " + section + " section");
        }

        double massOf(String symbol) {
            if (!Elements.isElement(symbol)) {
                throw new FormatException(source, 0, "no Masses section and '" + symbol + "' is not a chemical element");
            }
            return Elements.mass(symbol);
        }
    }

    private static boolean startsNumeric(String s) {
        char c = s.charAt(0);
        return Character.isDigit(c) || c == '-' || c == '+' || c == '.';
    }

    static String elementForMass(double mass, String fallback) {
        for (int z = 1; z <= 92; z++) {
            if (Math.abs(Elements.mass(Elements.symbol(z)) - mass) < 0.01) return Elements.symbol(z);
        }
        return fallback;
    }

    private static String[] uniquify(String[] names) {
        String[] out = names.clone();
        for (int i = 0; i < out.length; i++) {
            for (int j = 0; j < i; j++) {
                if (out[j].equals(out[i])) out[i] = names[i] + "_" + (i + 1);
            }
        }
        return out;
    }

    private static String abbreviate(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "…" : s;
    }

    /** Writes {@code sys} in the given style with full precision, image flags and velocities. */
    public static void write(AtomSystem sys, Path file, Style style) {
        try (Writer w = TextFiles.writer(file)) {
            write(sys, w, style);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Writes {@code sys}: every number with the shortest text that reads back to the same
     * double, species names as Masses comments, image flags, and a Velocities section.
     */
    public static void write(AtomSystem sys, Writer w, Style style) throws IOException {
        Box b = sys.box();
        SpeciesTable sp = sys.species();
        StringBuilder sb = new StringBuilder(256 + sys.size() * 96);
        sb.append("ionstream data file: ").append(sys.formula()).append(" (species ").append(sp).append(")\n\n");
        sb.append(sys.size()).append(" atoms\n").append(sp.size()).append(" atom types\n\n");
        sb.append(num(b.xlo())).append(' ').append(num(b.xlo() + b.lx())).append(" xlo xhi\n");
        sb.append(num(b.ylo())).append(' ').append(num(b.ylo() + b.ly())).append(" ylo yhi\n");
        sb.append(num(b.zlo())).append(' ').append(num(b.zlo() + b.lz())).append(" zlo zhi\n");
        if (!b.isOrthorhombic()) sb.append(num(b.xy())).append(' ').append(num(b.xz())).append(' ').append(num(b.yz())).append(" xy xz yz\n");
        sb.append("\nMasses\n\n");
        for (int t = 0; t < sp.size(); t++) {
            String s = sp.symbol(t);
            boolean oneWord = !s.isEmpty() && LineReader.fields(s).length == 1 && s.indexOf('#') < 0;
            sb.append(t + 1).append(' ').append(num(sp.mass(t)));
            if (oneWord) sb.append(" # ").append(s);
            sb.append('\n');
        }
        sb.append("\nAtoms # ").append(style == Style.CHARGE ? "charge" : "atomic").append("\n\n");
        double[] x = sys.x();
        int[] img = sys.image();
        for (int i = 0; i < sys.size(); i++) {
            if (!(Double.isFinite(x[3 * i]) && Double.isFinite(x[3 * i + 1]) && Double.isFinite(x[3 * i + 2]))) {
                throw new IllegalArgumentException("atom " + sys.id()[i] + " has a non-finite position; refusing to write it");
            }
            sb.append(sys.id()[i]).append(' ').append(sys.type()[i] + 1);
            if (style == Style.CHARGE) sb.append(' ').append(num(sys.q()[i]));
            sb.append(' ').append(num(x[3 * i])).append(' ').append(num(x[3 * i + 1])).append(' ').append(num(x[3 * i + 2]));
            sb.append(' ').append(img[3 * i]).append(' ').append(img[3 * i + 1]).append(' ').append(img[3 * i + 2]).append('\n');
        }
        sb.append("\nVelocities\n\n");
        double[] v = sys.v();
        for (int i = 0; i < sys.size(); i++) {
            sb.append(sys.id()[i]).append(' ').append(num(v[3 * i])).append(' ').append(num(v[3 * i + 1])).append(' ').append(num(v[3 * i + 2])).append('\n');
        }
        w.write(sb.toString());
    }

    /** Shortest decimal that reads back to the same double. */
    private static String num(double d) {
        return Double.toString(d);
    }
}
