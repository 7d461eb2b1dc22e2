package io.ionstream.engine.io.xyz;

import io.ionstream.engine.io.CellFrame;
import io.ionstream.engine.io.FormatException;
import io.ionstream.engine.io.LineReader;
import io.ionstream.engine.io.SpeciesNames;
import io.ionstream.engine.io.TextFiles;
import io.ionstream.engine.io.TrajectoryFrame;
import io.ionstream.engine.io.TrajectoryReader;
import io.ionstream.engine.system.AtomSystem;
import io.ionstream.engine.system.Box;
import io.ionstream.engine.system.Elements;
import io.ionstream.engine.system.SpeciesTable;
import io.ionstream.engine.units.MetalUnits;
import java.io.BufferedReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads extended XYZ files (ASE / libAtoms conventions) frame by frame.
 *
 * <p>Comment line: {@code Lattice="ax ay az bx by bz cx cy cz"} (required: our systems are
 * periodic), {@code Properties=} (default {@code species:S:1:pos:R:3}), {@code pbc} (default
 * {@code T T T}), {@code Origin} (OVITO's cell origin, default 0) and {@code species_order}
 * (written by us to keep the species table's order); every other entry is kept as info.
 *
 * <p>Per-atom properties understood (names case-insensitive): {@code species} (S) or {@code Z}
 * (I) or {@code type} (I, LAMMPS-style 1..n, needs species named by the caller); {@code pos}
 * (R:3, Å); {@code velocities}/{@code vel}/{@code velo} (R:3, Å/ps, LAMMPS metal: convert
 * GPUMD's Å/fs first); {@code momenta} (R:3, ASE units, used when no velocities are given);
 * {@code forces}/{@code force} (R:3, eV/Å); {@code charge}/{@code charges}/
 * {@code initial_charges}/{@code q} (R:1, e); {@code id} (I:1, positive, unique; default
 * 1..n); {@code image} (I:3, image flags); {@code masses}/{@code mass} (R:1, amu, one value per
 * species). Other properties are skipped.
 *
 * <p>Species order: as named by the caller, else {@code species_order}, else first appearance
 * in the first frame; it stays fixed for the whole file. As a {@link TrajectoryReader} a frame
 * is unwrapped when the file has image flags.
 */
public final class ExtXyzReader implements TrajectoryReader {
    /** ASE's unit of time in ps: sqrt(amu·Å²/eV). */
    private static final double ASE_TIME_PS = Math.sqrt(MetalUnits.MVV2E);
    private static final int MAX_ATOMS = Integer.MAX_VALUE / 3 - 16;

    private final LineReader in;
    private final String source;
    private final String[] callerSpecies;
    private SpeciesTable species;

    public ExtXyzReader(BufferedReader reader, String source, String[] species) {
        this.in = new LineReader(reader, source);
        this.source = source;
        this.callerSpecies = species == null ? null : species.clone();
    }

    public static ExtXyzReader open(Path file, String[] species) {
        return new ExtXyzReader(TextFiles.reader(file), file.toString(), species);
    }

    /** The one frame of a single-structure file; a file with more frames is an error. */
    public static ExtXyzFrame readSingle(Path file, String[] species) {
        try (ExtXyzReader r = open(file, species)) {
            ExtXyzFrame f = r.nextFrame();
            if (f == null) throw new FormatException(file.toString(), 0, "the file holds no frame");
            if (r.in.nextContent(false) != null) {
                throw new FormatException(file.toString(), r.in.line(), "the file holds more than one frame; read it as a trajectory");
            }
            return f;
        }
    }

    /** All frames of a file (for small files; stream large ones with {@link #nextFrame()}). */
    public static List<ExtXyzFrame> readAll(Path file, String[] species) {
        List<ExtXyzFrame> out = new ArrayList<>();
        try (ExtXyzReader r = open(file, species)) {
            ExtXyzFrame f;
            while ((f = r.nextFrame()) != null) out.add(f);
        }
        return out;
    }

    /** The species table fixed by the first frame (null before it is read). */
    public SpeciesTable species() {
        return species;
    }

    @Override
    public TrajectoryFrame next() {
        ExtXyzFrame f = nextFrame();
        if (f == null) return null;
        AtomSystem s = f.system();
        int n = s.size();
        double[] x = Arrays.copyOf(s.x(), 3 * n);
        if (f.images()) {
            for (int i = 0; i < n; i++) s.unwrapped(i, x, 3 * i);
        }
        return new TrajectoryFrame(f.step(), f.timePs(), s.box().copy(), s.species(), Arrays.copyOf(s.type(), n),
            Arrays.copyOf(s.id(), n), x, f.images());
    }

    /** The next frame, or null at the end of the file. */
    public ExtXyzFrame nextFrame() {
        String countLine = in.nextContent(false);
        if (countLine == null) return null;
        int countLineNo = in.line();
        String[] cf = LineReader.fields(countLine);
        if (cf.length != 1) throw in.error("expected the number of atoms alone on the line, found '" + abbreviate(countLine) + "'");
        long nl = in.parseLong(cf[0], "number of atoms");
        if (nl < 0 || nl > MAX_ATOMS) throw in.error("number of atoms out of range: " + nl);
        int n = (int) nl;

        String commentLine = in.require("the comment line");
        int cl = in.line();
        ExtXyzComment comment = ExtXyzComment.parse(commentLine, source, cl);
        String lattice = comment.get("Lattice");
        if (lattice == null) {
            throw new FormatException(source, cl, "no Lattice=\"...\" in the comment line: the periodic cell is unknown");
        }
        double[] l = ExtXyzComment.numbers(lattice, "Lattice", source, cl);
        if (l.length != 9) throw new FormatException(source, cl, "Lattice needs 9 numbers, found " + l.length);
        double[] origin = null;
        if (comment.get("Origin") != null) {
            origin = ExtXyzComment.numbers(comment.get("Origin"), "Origin", source, cl);
            if (origin.length != 3) throw new FormatException(source, cl, "Origin needs 3 numbers, found " + origin.length);
        }
        boolean[] pbc = {true, true, true};
        if (comment.get("pbc") != null) {
            pbc = ExtXyzComment.logicals(comment.get("pbc"), "pbc", source, cl);
            if (pbc.length != 3) throw new FormatException(source, cl, "pbc needs 3 values, found " + pbc.length);
        }
        CellFrame cell = CellFrame.of(new double[][] {{l[0], l[1], l[2]}, {l[3], l[4], l[5]}, {l[6], l[7], l[8]}}, origin, source, cl);
        ExtXyzProperties props = comment.get("Properties") == null ? ExtXyzProperties.standard()
            : ExtXyzProperties.parse(comment.get("Properties"), source, cl);
        Layout lay = new Layout(props, source, cl);
        if (lay.type != null && callerSpecies == null) {
            throw new FormatException(source, cl, "atoms are given by a numeric 'type' column; name the species of types 1..n");
        }

        Atoms atoms = readAtoms(n, lay, props.width());
        if (species == null) species = firstTable(comment, atoms, cl);
        int[] type = new int[n];
        for (int i = 0; i < n; i++) type[i] = atoms.typeIndex(i, species, source);

        Box box = cell.box();
        AtomSystem sys = new AtomSystem(species, box, n);
        double[] x = atoms.pos;
        cell.rotate(x, n);
        for (int i = 0; i < n; i++) {
            sys.add(type[i], x[3 * i], x[3 * i + 1], x[3 * i + 2]);
        }
        if (atoms.id != null) {
            System.arraycopy(atoms.id, 0, sys.id(), 0, n);
            requireUniqueIds(sys.id(), n, countLineNo);
        }
        if (atoms.vel != null) {
            cell.rotate(atoms.vel, n);
            System.arraycopy(atoms.vel, 0, sys.v(), 0, 3 * n);
        } else if (atoms.momenta != null) {
            cell.rotate(atoms.momenta, n);
            for (int i = 0; i < n; i++) {
                double m = sys.mass(i) * ASE_TIME_PS;
                for (int d = 0; d < 3; d++) sys.v()[3 * i + d] = atoms.momenta[3 * i + d] / m;
            }
        }
        if (atoms.force != null) {
            cell.rotate(atoms.force, n);
            System.arraycopy(atoms.force, 0, sys.f(), 0, 3 * n);
        }
        if (atoms.charge != null) System.arraycopy(atoms.charge, 0, sys.q(), 0, n);
        if (atoms.image != null) System.arraycopy(atoms.image, 0, sys.image(), 0, 3 * n);

        Map<String, String> info = comment.without("Lattice", "Properties", "pbc", "Origin", "species_order");
        if (cell.rotated()) {
            for (String key : new String[] {"stress", "virial"}) rotateTensorEntry(info, key, cell, cl);
        }
        return new ExtXyzFrame(sys, info, pbc, cell.rotation(), atoms.image != null);
    }

    private SpeciesTable firstTable(ExtXyzComment comment, Atoms atoms, int line) {
        if (callerSpecies != null) {
            return SpeciesNames.table(callerSpecies, List.of(), atoms.massBySymbol(source), source, line);
        }
        List<String> order = atoms.symbols;
        String recorded = comment.get("species_order");
        if (recorded != null) {
            order = List.of(LineReader.fields(recorded.replace(',', ' ')));
            for (String s : atoms.symbols) {
                if (!order.contains(s)) {
                    throw new FormatException(source, line, "species '" + s + "' is missing from species_order=\"" + recorded + "\"");
                }
            }
        }
        return SpeciesNames.table(null, order, atoms.massBySymbol(source), source, line);
    }

    private Atoms readAtoms(int n, Layout lay, int width) {
        Atoms a = new Atoms(Math.min(n, 4096), lay);
        for (int i = 0; i < n; i++) {
            String line = in.require("atom line " + (i + 1) + " of " + n);
            String[] f = LineReader.fields(line);
            if (f.length != width) {
                throw in.error("atom line has " + f.length + " fields, Properties declare " + width);
            }
            a.ensure(i + 1);
            a.count = i + 1;
            if (lay.species != null) {
                a.symbol(i, f[lay.species.offset()]);
            } else if (lay.z != null) {
                int z = in.parseInt(f[lay.z.offset()], "atomic number Z");
                if (!(z >= 1 && z <= 92)) throw in.error("atomic number " + z + " is not a known element");
                a.symbol(i, Elements.symbol(z));
            } else {
                int t = in.parseInt(f[lay.type.offset()], "type");
                if (t < 1 || t > callerSpecies.length) {
                    throw in.error("type " + t + " outside 1.." + callerSpecies.length + " (the species named)");
                }
                a.symbol(i, callerSpecies[t - 1]);
            }
            vector(f, lay.pos, a.pos, i, "position");
            if (a.vel != null) vector(f, lay.vel, a.vel, i, "velocity");
            if (a.momenta != null) vector(f, lay.momenta, a.momenta, i, "momentum");
            if (a.force != null) vector(f, lay.force, a.force, i, "force");
            if (a.charge != null) a.charge[i] = in.parseDouble(f[lay.charge.offset()], "charge");
            if (a.mass != null) {
                a.mass[i] = in.parseDouble(f[lay.mass.offset()], "mass");
                if (!(a.mass[i] > 0)) throw in.error("mass must be positive, got " + a.mass[i]);
            }
            if (a.id != null) {
                a.id[i] = in.parseLong(f[lay.id.offset()], "id");
                if (a.id[i] < 1) throw in.error("atom id must be positive, got " + a.id[i]);
            }
            if (a.image != null) {
                for (int d = 0; d < 3; d++) a.image[3 * i + d] = in.parseInt(f[lay.image.offset() + d], "image flag");
            }
            a.line[i] = in.line();
        }
        return a;
    }

    private void vector(String[] f, ExtXyzProperties.Column c, double[] out, int i, String what) {
        for (int d = 0; d < 3; d++) out[3 * i + d] = in.parseDouble(f[c.offset() + d], what);
    }

    private void requireUniqueIds(long[] id, int n, int line) {
        long[] sorted = Arrays.copyOf(id, n);
        Arrays.sort(sorted);
        for (int k = 1; k < n; k++) {
            if (sorted[k] == sorted[k - 1]) throw new FormatException(source, line, "atom id " + sorted[k] + " appears twice in the frame");
        }
    }

    private void rotateTensorEntry(Map<String, String> info, String key, CellFrame cell, int line) {
        for (Map.Entry<String, String> e : info.entrySet()) {
            if (!e.getKey().equalsIgnoreCase(key)) continue;
            double[] t = cell.rotateTensor(tensor(e.getValue(), key, source, line));
            StringBuilder sb = new StringBuilder();
            for (int k = 0; k < 9; k++) sb.append(k == 0 ? "" : " ").append(t[k]);
            e.setValue(sb.toString());
        }
    }

    /** A 3x3 tensor from 9 components (row-major) or 6 in Voigt order xx yy zz yz xz xy. */
    static double[] tensor(String value, String key, String source, int line) {
        double[] v = ExtXyzComment.numbers(value, key, source, line);
        if (v.length == 9) return v;
        if (v.length == 6) return new double[] {v[0], v[5], v[4], v[5], v[1], v[3], v[4], v[3], v[2]};
        throw new FormatException(source, line, key + " needs 9 or 6 (Voigt) components, found " + v.length);
    }

    private static String abbreviate(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "…" : s;
    }

    @Override
    public void close() {
        in.close();
    }

    /** Where the understood properties sit in an atom line. */
    private static final class Layout {
        final ExtXyzProperties.Column species, z, type, pos, vel, momenta, force, charge, mass, id, image;

        Layout(ExtXyzProperties p, String source, int line) {
            species = p.find('S', 1, source, line, "species");
            z = species == null ? p.find('I', 1, source, line, "Z") : null;
            type = species == null && z == null ? p.find('I', 1, source, line, "type") : null;
            if (species == null && z == null && type == null) {
                throw new FormatException(source, line, "Properties name no species (species:S:1, Z:I:1 or type:I:1)");
            }
            pos = p.find('R', 3, source, line, "pos", "positions");
            if (pos == null) throw new FormatException(source, line, "Properties name no positions (pos:R:3)");
            vel = p.find('R', 3, source, line, "velocities", "vel", "velo");
            momenta = vel == null ? p.find('R', 3, source, line, "momenta") : null;
            force = p.find('R', 3, source, line, "forces", "force");
            charge = p.find('R', 1, source, line, "charge", "charges", "initial_charges", "q");
            mass = p.find('R', 1, source, line, "masses", "mass");
            id = p.find('I', 1, source, line, "id");
            image = p.find('I', 3, source, line, "image");
        }
    }

    /** Per-atom values of one frame, grown as lines arrive (a declared count allocates nothing). */
    private static final class Atoms {
        final List<String> symbols = new ArrayList<>();
        private final Map<String, Integer> symbolIndex = new HashMap<>();
        int count;
        int[] local;
        int[] typeOfLocal;
        int[] line;
        double[] pos, vel, momenta, force, charge, mass;
        long[] id;
        int[] image;

        Atoms(int cap, Layout lay) {
            cap = Math.max(cap, 1);
            local = new int[cap];
            line = new int[cap];
            pos = new double[3 * cap];
            if (lay.vel != null) vel = new double[3 * cap];
            if (lay.momenta != null) momenta = new double[3 * cap];
            if (lay.force != null) force = new double[3 * cap];
            if (lay.charge != null) charge = new double[cap];
            if (lay.mass != null) mass = new double[cap];
            if (lay.id != null) id = new long[cap];
            if (lay.image != null) image = new int[3 * cap];
        }

        void ensure(int n) {
            if (n <= local.length) return;
            int cap = Math.max(n, local.length * 2);
            local = Arrays.copyOf(local, cap);
            line = Arrays.copyOf(line, cap);
            pos = Arrays.copyOf(pos, 3 * cap);
            if (vel != null) vel = Arrays.copyOf(vel, 3 * cap);
            if (momenta != null) momenta = Arrays.copyOf(momenta, 3 * cap);
            if (force != null) force = Arrays.copyOf(force, 3 * cap);
            if (charge != null) charge = Arrays.copyOf(charge, cap);
            if (mass != null) mass = Arrays.copyOf(mass, cap);
            if (id != null) id = Arrays.copyOf(id, cap);
            if (image != null) image = Arrays.copyOf(image, 3 * cap);
        }

        /** Records atom i's species; raw tokens are looked up first so each is normalised once. */
        void symbol(int i, String raw) {
            Integer k = symbolIndex.get(raw);
            if (k == null) {
                String s = SpeciesNames.normalise(raw);
                k = symbols.indexOf(s);
                if (k < 0) {
                    k = symbols.size();
                    symbols.add(s);
                }
                symbolIndex.put(raw, k);
            }
            local[i] = k;
        }

        int typeIndex(int i, SpeciesTable table, String source) {
            if (typeOfLocal == null) {
                typeOfLocal = new int[symbols.size()];
                Arrays.fill(typeOfLocal, -1);
            }
            int k = local[i];
            if (typeOfLocal[k] < 0) typeOfLocal[k] = SpeciesNames.typeOf(table, symbols.get(k), source, line[i]);
            return typeOfLocal[k];
        }

        /** One mass per symbol from the masses column; differing masses for one symbol are an error. */
        Map<String, Double> massBySymbol(String source) {
            if (mass == null) return null;
            Map<String, Double> out = new LinkedHashMap<>();
            for (int i = 0; i < count; i++) {
                String s = symbols.get(local[i]);
                Double prev = out.putIfAbsent(s, mass[i]);
                if (prev != null && prev.doubleValue() != mass[i]) {
                    throw new FormatException(source, line[i], "species " + s + " has masses " + prev + " and " + mass[i]);
                }
            }
            return out;
        }
    }
}
