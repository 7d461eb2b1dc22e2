package io.ionstream.engine.io.mlip;

import io.ionstream.engine.io.FormatException;
import io.ionstream.engine.io.LineReader;
import io.ionstream.engine.system.AtomSystem;
import io.ionstream.engine.system.Box;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads MLIP's text configuration format ({@code .cfg}): blocks from {@code BEGIN_CFG} to
 * {@code END_CFG} with {@code Size}, an optional {@code Supercell} (three cell vectors as rows; a
 * configuration without one is not periodic), {@code AtomData} (columns {@code id type}, then
 * {@code cartes_x/y/z} or {@code direct_x/y/z}, optional {@code fx fy fz}, and any further
 * columns, kept by name), optional {@code Energy}, {@code PlusStress} (xx yy zz yz xz xy, the
 * virial in eV) and {@code Feature name value} lines.
 *
 * <p>MLIP types are 0-based indices; the {@link MlipSpecies} given to the reader names them and
 * bounds them: an atom whose type has no species is an error naming its line.
 */
public final class MlipCfgReader {
    /** Vacuum around a non-periodic configuration: far beyond any interatomic cut-off. */
    static final double NON_PERIODIC_MARGIN = 100.0;
    /** Atom arrays start at most this large and grow with the lines actually read. */
    private static final int INITIAL_ATOMS = 4096;

    private final MlipSpecies species;

    public MlipCfgReader(MlipSpecies species) {
        this.species = species;
    }

    public MlipSpecies species() { return species; }

    /** Every configuration of a file, in order. */
    public List<MlipConfiguration> readAll(Path file) {
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return readAll(r, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    public List<MlipConfiguration> readAll(BufferedReader reader, String source) {
        LineReader in = new LineReader(reader, source);
        List<MlipConfiguration> out = new ArrayList<>();
        MlipConfiguration c;
        while ((c = next(in)) != null) out.add(c);
        return out;
    }

    /** Parses configurations from text (e.g. the tail of an active-set file). */
    public List<MlipConfiguration> readAll(String text, String source) {
        return readAll(new BufferedReader(new StringReader(text)), source);
    }

    /** The next configuration of a stream, or null at its end (streaming large files). */
    public MlipConfiguration next(LineReader in) {
        String s = in.nextContent(false);
        if (s == null) return null;
        if (!s.strip().equals("BEGIN_CFG")) throw in.error("expected BEGIN_CFG, found '" + s.strip() + "'");
        return readBlock(in);
    }

    private MlipConfiguration readBlock(LineReader in) {
        int begin = in.line();
        int n = -1;
        double[][] lattice = null;
        AtomData atoms = null;
        double energy = Double.NaN;
        double[] stress = null;
        Map<String, String> features = new LinkedHashMap<>();
        while (true) {
            String s = in.require("END_CFG of the configuration starting at line " + begin);
            String t = s.strip();
            if (t.isEmpty()) continue;
            if (t.equals("END_CFG")) break;
            String[] f = LineReader.fields(t);
            switch (f[0]) {
                case "Size" -> {
                    String v = in.require("the number of atoms after Size").strip();
                    n = in.parseInt(v, "number of atoms");
                    if (n < 0) throw in.error("number of atoms must not be negative, got " + n);
                }
                case "Supercell" -> lattice = readSupercell(in);
                case "AtomData:", "AtomData" -> {
                    if (n < 0) throw in.error("AtomData before Size");
                    atoms = readAtoms(in, t, n);
                }
                case "Energy" -> energy = in.parseDouble(in.require("the energy value").strip(), "energy");
                case "PlusStress:", "PlusStress" -> stress = readStress(in, t);
                case "Feature" -> {
                    if (f.length < 2) throw in.error("Feature line without a name");
                    String name = f[1];
                    int at = t.indexOf(name, "Feature".length()) + name.length();
                    String value = t.substring(at).strip();
                    features.merge(name, value, (a, b) -> a + "\n" + b);
                }
                case "EnergyWeight" -> features.put("EnergyWeight", in.require("the energy weight").strip());
                default -> throw in.error("unknown section '" + f[0] + "' in the configuration starting at line " + begin);
            }
        }
        if (n < 0) throw new FormatException(in.source(), begin, "configuration has no Size");
        if (atoms == null) {
            if (n > 0) throw new FormatException(in.source(), begin, "configuration has no AtomData");
            atoms = new AtomData(new long[0], new int[0], new double[0], false, null, new LinkedHashMap<>());
        }
        return build(in, begin, n, lattice, atoms, energy, stress, features);
    }

    private double[][] readSupercell(LineReader in) {
        List<double[]> rows = new ArrayList<>();
        while (rows.size() < 3) {
            String s = in.require("cell vectors after Supercell");
            String[] f = LineReader.fields(s);
            if (f.length != 3 || !isNumber(f[0])) {
                in.pushBack(s);
                break;
            }
            rows.add(new double[] {
                in.parseDouble(f[0], "cell vector x"), in.parseDouble(f[1], "cell vector y"),
                in.parseDouble(f[2], "cell vector z")});
        }
        if (rows.size() != 3) {
            throw in.error("Supercell has " + rows.size() + " vector(s); only fully periodic cells (3 vectors) "
                + "or no Supercell (non-periodic) are supported");
        }
        return rows.toArray(double[][]::new);
    }

    private static boolean isNumber(String s) {
        try {
            Double.parseDouble(s);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private record AtomData(long[] ids, int[] types, double[] pos, boolean direct, double[] forces,
                            Map<String, double[]> extra) {}

    private AtomData readAtoms(LineReader in, String header, int n) {
        String[] cols = LineReader.fields(header.substring(header.indexOf("AtomData") + "AtomData".length())
            .replaceFirst("^:", ""));
        int id = -1, type = -1, fx = -1;
        int[] pos = {-1, -1, -1};
        boolean direct = false;
        List<Integer> extraCols = new ArrayList<>();
        for (int c = 0; c < cols.length; c++) {
            switch (cols[c]) {
                case "id" -> id = c;
                case "type" -> type = c;
                case "cartes_x" -> pos[0] = c;
                case "cartes_y" -> pos[1] = c;
                case "cartes_z" -> pos[2] = c;
                case "direct_x" -> { pos[0] = c; direct = true; }
                case "direct_y" -> { pos[1] = c; direct = true; }
                case "direct_z" -> { pos[2] = c; direct = true; }
                case "fx" -> fx = c;
                case "fy", "fz" -> { }
                default -> extraCols.add(c);
            }
        }
        if (id < 0 || type < 0 || pos[0] < 0 || pos[1] < 0 || pos[2] < 0) {
            throw in.error("AtomData needs columns id, type and cartes_x/y/z (or direct_x/y/z); found " + String.join(" ", cols));
        }
        int fy = -1, fz = -1;
        if (fx >= 0) {
            fy = Arrays.asList(cols).indexOf("fy");
            fz = Arrays.asList(cols).indexOf("fz");
            if (fy < 0 || fz < 0) throw in.error("AtomData has fx but not fy and fz");
        }
        // arrays grow as atom lines arrive: a corrupt Size must not allocate gigabytes up front
        int cap = Math.min(n, INITIAL_ATOMS);
        long[] ids = new long[cap];
        int[] types = new int[cap];
        double[] x = new double[3 * cap];
        double[] f = fx >= 0 ? new double[3 * cap] : null;
        Map<String, double[]> extra = new LinkedHashMap<>();
        for (int c : extraCols) extra.put(cols[c], new double[cap]);
        for (int i = 0; i < n; i++) {
            String s = in.require("atom " + (i + 1) + " of " + n);
            if (i == cap) {
                cap = (int) Math.min(n, 2L * cap);
                ids = Arrays.copyOf(ids, cap);
                types = Arrays.copyOf(types, cap);
                x = Arrays.copyOf(x, 3 * cap);
                if (f != null) f = Arrays.copyOf(f, 3 * cap);
                for (Map.Entry<String, double[]> e : extra.entrySet()) e.setValue(Arrays.copyOf(e.getValue(), cap));
            }
            String[] v = LineReader.fields(s);
            if (v.length != cols.length) {
                throw in.error("atom line has " + v.length + " fields, AtomData declares " + cols.length + " ("
                    + String.join(" ", cols) + ")");
            }
            ids[i] = in.parseLong(v[id], "atom id");
            int t = in.parseInt(v[type], "atom type");
            if (t < 0 || t >= species.size()) {
                throw in.error("atom " + ids[i] + " has type " + t + ", but " + (t < 0 ? "types are 0-based"
                    : "only " + species.size() + " species are known (" + species.describe() + ")"));
            }
            types[i] = t;
            for (int d = 0; d < 3; d++) x[3 * i + d] = in.parseDouble(v[pos[d]], cols[pos[d]]);
            if (f != null) {
                f[3 * i] = in.parseDouble(v[fx], "fx");
                f[3 * i + 1] = in.parseDouble(v[fy], "fy");
                f[3 * i + 2] = in.parseDouble(v[fz], "fz");
            }
            for (int c : extraCols) extra.get(cols[c])[i] = in.parseDouble(v[c], cols[c]);
        }
        return new AtomData(ids, types, x, direct, f, extra);
    }

    private double[] readStress(LineReader in, String header) {
        String[] names = LineReader.fields(header.substring(header.indexOf("PlusStress") + "PlusStress".length())
            .replaceFirst("^:", ""));
        String[] expected = {"xx", "yy", "zz", "yz", "xz", "xy"};
        if (names.length != 0 && !Arrays.equals(names, expected)) {
            throw in.error("PlusStress components must be 'xx yy zz yz xz xy', found '" + String.join(" ", names) + "'");
        }
        String[] v = LineReader.fields(in.require("the six PlusStress values"));
        if (v.length != 6) throw in.error("PlusStress needs 6 values, found " + v.length);
        double[] s = new double[6];
        for (int k = 0; k < 6; k++) s[k] = in.parseDouble(v[k], "PlusStress " + expected[k]);
        return s;
    }

    private MlipConfiguration build(LineReader in, int begin, int n, double[][] lattice, AtomData a, double energy,
                                    double[] stress, Map<String, String> features) {
        Box box;
        double[] rot = null;
        double[] x = a.pos.clone();
        if (lattice != null) {
            if (a.direct) {
                for (int i = 0, k = 0; i < n; i++, k += 3) {
                    double sa = x[k], sb = x[k + 1], sc = x[k + 2];
                    for (int d = 0; d < 3; d++) x[k + d] = sa * lattice[0][d] + sb * lattice[1][d] + sc * lattice[2][d];
                }
            }
            if (lattice[0][1] == 0 && lattice[0][2] == 0 && lattice[1][2] == 0
                && lattice[0][0] > 0 && lattice[1][1] > 0 && lattice[2][2] > 0) {
                // already LAMMPS-aligned: keep every number exactly
                box = Box.triclinic(lattice[0][0], lattice[1][1], lattice[2][2], lattice[1][0], lattice[2][0], lattice[2][1]);
            } else {
                rot = new double[9];
                try {
                    box = Box.fromLatticeVectors(lattice, rot);
                } catch (IllegalArgumentException e) {
                    throw new FormatException(in.source(), begin, "Supercell: " + e.getMessage());
                }
                for (int i = 0, k = 0; i < n; i++, k += 3) {
                    double px = x[k], py = x[k + 1], pz = x[k + 2];
                    x[k] = rot[0] * px + rot[1] * py + rot[2] * pz;
                    x[k + 1] = rot[3] * px + rot[4] * py + rot[5] * pz;
                    x[k + 2] = rot[6] * px + rot[7] * py + rot[8] * pz;
                }
            }
        } else {
            if (a.direct) throw new FormatException(in.source(), begin, "direct (fractional) coordinates need a Supercell");
            double[] lo = {0, 0, 0}, hi = {0, 0, 0};
            for (int d = 0; d < 3; d++) {
                lo[d] = Double.POSITIVE_INFINITY;
                hi[d] = Double.NEGATIVE_INFINITY;
                for (int i = 0; i < n; i++) {
                    lo[d] = Math.min(lo[d], x[3 * i + d]);
                    hi[d] = Math.max(hi[d], x[3 * i + d]);
                }
                if (n == 0) { lo[d] = 0; hi[d] = 0; }
            }
            double m = NON_PERIODIC_MARGIN;
            box = new Box(lo[0] - m, lo[1] - m, lo[2] - m, hi[0] - lo[0] + 2 * m, hi[1] - lo[1] + 2 * m,
                hi[2] - lo[2] + 2 * m, 0, 0, 0);
        }
        AtomSystem sys = new AtomSystem(species.toSpeciesTable(), box, Math.max(n, 1));
        for (int i = 0; i < n; i++) {
            sys.add(a.types[i], x[3 * i], x[3 * i + 1], x[3 * i + 2]);
            sys.id()[i] = a.ids[i];
        }
        return new MlipConfiguration(sys, rot, lattice, energy, a.forces, stress, features, a.extra, begin);
    }
}
