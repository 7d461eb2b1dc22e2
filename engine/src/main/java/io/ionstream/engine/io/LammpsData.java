package io.ionstream.engine.io;

import io.ionstream.engine.system.AtomSystem;
import io.ionstream.engine.system.Box;
import io.ionstream.engine.system.Elements;
import io.ionstream.engine.system.SpeciesTable;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * LAMMPS data files ({@code read_data} / {@code write_data}) with atom styles {@code atomic}
 * (id type x y z [ix iy iz]) and {@code charge} (id type q x y z [ix iy iz]), orthorhombic or
 * triclinic boxes, Masses, Atoms and Velocities sections.
 *
 * <p>LAMMPS types are numbers; species symbols come from the caller or, when a type's mass is the
 * standard atomic weight of an element (within 0.01 amu), from that element, else "type&lt;n&gt;".
 */
public final class LammpsData {
    private LammpsData() {}

    public enum Style { ATOMIC, CHARGE }

    public static AtomSystem read(Path file, String[] symbols) {
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(r, file.toString(), symbols);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads a data file; {@code symbols} (may be null) names the LAMMPS types 1..n in order.
     */
    public static AtomSystem read(BufferedReader reader, String source, String[] symbols) {
        LineReader in = new LineReader(reader, source);
        in.require("a title line");
        long natoms = -1;
        int ntypes = -1;
        double[] lo = new double[3], hi = new double[3];
        boolean[] haveBounds = new boolean[3];
        double xy = 0, xz = 0, yz = 0;
        String s;
        // header: keyword lines until the first section name
        while ((s = in.next()) != null) {
            String t = LineReader.stripComment(s).strip();
            if (t.isEmpty()) continue;
            String[] f = LineReader.fields(t);
            if (t.endsWith("atom types")) {
                ntypes = in.parseInt(f[0], "number of atom types");
                if (ntypes < 1 || ntypes > 1000) throw in.error("number of atom types must be 1..1000, got " + ntypes);
            } else if (t.endsWith("atoms") && f.length == 2) {
                natoms = in.parseLong(f[0], "number of atoms");
                if (natoms < 0 || natoms > 500_000_000L) throw in.error("number of atoms out of range: " + natoms);
            } else if (t.endsWith("xlo xhi") || t.endsWith("ylo yhi") || t.endsWith("zlo zhi")) {
                if (f.length != 4) throw in.error("expected 'lo hi " + f[f.length - 2] + " " + f[f.length - 1] + "'");
                int d = t.endsWith("xlo xhi") ? 0 : t.endsWith("ylo yhi") ? 1 : 2;
                lo[d] = in.parseDouble(f[0], "box lower bound");
                hi[d] = in.parseDouble(f[1], "box upper bound");
                if (!(hi[d] > lo[d])) throw in.error("box upper bound " + hi[d] + " is not above lower bound " + lo[d]);
                haveBounds[d] = true;
            } else if (t.endsWith("xy xz yz")) {
                if (f.length != 6) throw in.error("expected 'xy xz yz xy xz yz'");
                xy = in.parseDouble(f[0], "tilt xy");
                xz = in.parseDouble(f[1], "tilt xz");
                yz = in.parseDouble(f[2], "tilt yz");
            } else if (Character.isDigit(t.charAt(0)) || t.charAt(0) == '-' || t.charAt(0) == '.') {
                // other counts (bonds, ...) are allowed only when zero
                if (f.length >= 2 && in.parseLong(f[0], "count") != 0) {
                    throw in.error("unsupported header line '" + t + "' (only atoms, atom types and box are supported)");
                }
            } else {
                in.pushBack(s);
                break;
            }
        }
        if (natoms < 0) throw new FormatException(source, 0, "header has no 'N atoms' line");
        if (ntypes < 0) throw new FormatException(source, 0, "header has no 'N atom types' line");
        for (int d = 0; d < 3; d++) {
            if (!haveBounds[d]) throw new FormatException(source, 0, "header has no '" + "xyz".charAt(d) + "lo " + "xyz".charAt(d) + "hi' line");
        }
        if (symbols != null && symbols.length != ntypes) {
            throw new FormatException(source, 0, "the file has " + ntypes + " atom types but " + symbols.length
                + " species names were given");
        }
        Box box = new Box(lo[0], lo[1], lo[2], hi[0] - lo[0], hi[1] - lo[1], hi[2] - lo[2], xy, xz, yz);

        double[] masses = null;
        double[][] atoms = null; // per atom: id type q x y z ix iy iz
        Map<Long, Integer> row = new HashMap<>();
        double[][] vel = null;
        while ((s = in.next()) != null) {
            String t = LineReader.stripComment(s).strip();
            if (t.isEmpty()) continue;
            String comment = s.contains("#") ? s.substring(s.indexOf('#') + 1).strip().toLowerCase(Locale.ROOT) : "";
            switch (t) {
                case "Masses" -> {
                    masses = new double[ntypes];
                    boolean[] seen = new boolean[ntypes];
                    for (int k = 0; k < ntypes; k++) {
                        String[] f = LineReader.fields(sectionLine(in, "Masses"));
                        if (f.length < 2) throw in.error("Masses line needs 'type mass'");
                        int ty = in.parseInt(f[0], "type") - 1;
                        if (ty < 0 || ty >= ntypes) throw in.error("type " + (ty + 1) + " outside 1.." + ntypes);
                        masses[ty] = in.parseDouble(f[1], "mass");
                        if (!(masses[ty] > 0)) throw in.error("mass of type " + (ty + 1) + " must be positive");
                        seen[ty] = true;
                    }
                    for (int k = 0; k < ntypes; k++) if (!seen[k]) throw in.error("Masses section lacks type " + (k + 1));
                }
                case "Atoms" -> {
                    Style style = comment.startsWith("charge") ? Style.CHARGE
                        : comment.startsWith("atomic") ? Style.ATOMIC
                        : comment.isEmpty() ? null
                        : unsupportedStyle(in, comment);
                    atoms = new double[(int) natoms][];
                    for (int k = 0; k < natoms; k++) {
                        String line = sectionLine(in, "Atoms");
                        String[] f = LineReader.fields(line);
                        Style st = style != null ? style : inferStyle(in, f.length);
                        int base = st == Style.CHARGE ? 6 : 5;
                        if (f.length != base && f.length != base + 3) {
                            throw in.error("Atoms (" + st.name().toLowerCase(Locale.ROOT) + ") line needs " + base + " or "
                                + (base + 3) + " fields, found " + f.length);
                        }
                        double[] a = new double[9];
                        long id = in.parseLong(f[0], "atom id");
                        if (id < 1) throw in.error("atom id must be positive, got " + id);
                        int ty = in.parseInt(f[1], "atom type");
                        if (ty < 1 || ty > ntypes) throw in.error("atom " + id + " has type " + ty + " outside 1.." + ntypes);
                        a[0] = id; a[1] = ty - 1;
                        int p = 2;
                        if (st == Style.CHARGE) a[2] = in.parseDouble(f[p++], "charge");
                        for (int d = 0; d < 3; d++) a[3 + d] = in.parseDouble(f[p++], "coordinate");
                        if (f.length == base + 3) {
                            for (int d = 0; d < 3; d++) a[6 + d] = in.parseInt(f[p++], "image flag");
                        }
                        if (row.put(id, k) != null) throw in.error("atom id " + id + " appears twice");
                        atoms[k] = a;
                    }
                }
                case "Velocities" -> {
                    if (atoms == null) throw in.error("Velocities section before Atoms is not supported");
                    vel = new double[(int) natoms][];
                    for (int k = 0; k < natoms; k++) {
                        String[] f = LineReader.fields(sectionLine(in, "Velocities"));
                        if (f.length != 4) throw in.error("Velocities line needs 'id vx vy vz'");
                        long id = in.parseLong(f[0], "atom id");
                        Integer r = row.get(id);
                        if (r == null) throw in.error("velocity for unknown atom id " + id);
                        vel[r] = new double[] {in.parseDouble(f[1], "vx"), in.parseDouble(f[2], "vy"), in.parseDouble(f[3], "vz")};
                    }
                }
                default -> throw in.error("unsupported section '" + t + "' (supported: Masses, Atoms, Velocities)");
            }
        }
        if (atoms == null && natoms > 0) throw new FormatException(source, in.line(), "no Atoms section");
        String[] names = new String[ntypes];
        double[] m = new double[ntypes];
        for (int k = 0; k < ntypes; k++) {
            if (symbols != null) {
                names[k] = Elements.normalise(symbols[k]);
                m[k] = masses != null ? masses[k] : massOf(source, names[k]);
            } else {
                if (masses == null) throw new FormatException(source, 0, "no Masses section and no species names given");
                m[k] = masses[k];
                names[k] = elementForMass(masses[k], "type" + (k + 1));
            }
        }
        AtomSystem sys = new AtomSystem(new SpeciesTable(uniquify(names), m), box, (int) natoms);
        for (int k = 0; k < natoms; k++) {
            double[] a = atoms[k];
            int i = sys.add((int) a[1], a[3], a[4], a[5]);
            sys.id()[i] = (long) a[0];
            sys.q()[i] = a[2];
            for (int d = 0; d < 3; d++) sys.image()[3 * i + d] = (int) a[6 + d];
            if (vel != null) {
                if (vel[k] == null) throw new FormatException(source, 0, "Velocities section lacks atom id " + (long) a[0]);
                System.arraycopy(vel[k], 0, sys.v(), 3 * i, 3);
            }
        }
        return sys;
    }

    private static Style unsupportedStyle(LineReader in, String comment) {
        throw in.error("unsupported atom style '" + comment + "' (supported: atomic, charge)");
    }

    private static Style inferStyle(LineReader in, int fields) {
        return switch (fields) {
            case 5, 8 -> Style.ATOMIC;
            case 6, 9 -> Style.CHARGE;
            default -> throw in.error("cannot tell the atom style from " + fields
                + " fields; add '# atomic' or '# charge' after 'Atoms'");
        };
    }

    private static String sectionLine(LineReader in, String section) {
        String s = in.nextContent(true);
        if (s == null) throw new FormatException(in.source(), in.line() + 1, "unexpected end of file in " + section + " section");
        return s;
    }

    private static double massOf(String source, String symbol) {
        if (!Elements.isElement(symbol)) {
            throw new FormatException(source, 0, "no Masses section and '" + symbol + "' is not a chemical element");
        }
        return Elements.mass(symbol);
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

    /** Writes {@code sys} in the given style with full precision, image flags and velocities. */
    public static void write(AtomSystem sys, Path file, Style style) {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            write(sys, w, style);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

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
        for (int t = 0; t < sp.size(); t++) sb.append(t + 1).append(' ').append(num(sp.mass(t))).append(" # ").append(sp.symbol(t)).append('\n');
        sb.append("\nAtoms # ").append(style == Style.CHARGE ? "charge" : "atomic").append("\n\n");
        double[] x = sys.x();
        int[] img = sys.image();
        for (int i = 0; i < sys.size(); i++) {
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
