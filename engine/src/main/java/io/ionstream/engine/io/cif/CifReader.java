package io.ionstream.engine.io.cif;

import io.ionstream.engine.io.FormatException;
import io.ionstream.engine.io.LineReader;
import io.ionstream.engine.io.SpeciesNames;
import io.ionstream.engine.io.TextFiles;
import io.ionstream.engine.system.AtomSystem;
import io.ionstream.engine.system.Box;
import io.ionstream.engine.system.Elements;
import io.ionstream.engine.system.SpeciesTable;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads an ordered crystal from a CIF file: the cell ({@code _cell_length_*},
 * {@code _cell_angle_*}), the asymmetric unit ({@code _atom_site_fract_x/y/z}, species from
 * {@code _atom_site_type_symbol} or else from the leading letters of {@code _atom_site_label})
 * and the symmetry operations ({@code _space_group_symop_operation_xyz} or
 * {@code _symmetry_equiv_pos_as_xyz}), which are applied to every site; images closer than the
 * merge tolerance (Cartesian, periodic) are one atom.
 *
 * <p>Rules, so that nothing is guessed: the file must hold exactly one block with atom sites;
 * occupancies must be 1 (within 0.001; disordered sites are refused: build disorder with the
 * structure builders); a block without symmetry operations is accepted only when its space group
 * is P 1 (ionstream does not expand space groups from their names); two different species
 * landing on one site are an error. The cell is set up LAMMPS-aligned (a along x, b in the xy
 * plane), so no rotation is involved. Atoms are listed site by site in file order, ids 1..n.
 */
public final class CifReader {
    /** Default merge tolerance, Å: well above the rounding of 4-5 printed decimals, far below bond lengths. */
    public static final double DEFAULT_TOLERANCE = 0.01;
    /** The largest number of distinct operations of a three-dimensional space group. */
    static final int MAX_OPERATIONS = 192;

    private CifReader() {}

    public static AtomSystem read(Path file, String[] species) {
        return read(file, species, DEFAULT_TOLERANCE);
    }

    public static AtomSystem read(Path file, String[] species, double tolerance) {
        try (BufferedReader r = TextFiles.reader(file)) {
            return read(r, file.toString(), species, tolerance);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param species   the species table order (null: order of first appearance)
     * @param tolerance merge distance for symmetry images, Å
     */
    public static AtomSystem read(BufferedReader reader, String source, String[] species, double tolerance) {
        if (!(tolerance > 0)) throw new IllegalArgumentException("merge tolerance must be positive, got " + tolerance);
        LineReader in = new LineReader(reader, source);
        List<CifBlock> blocks = CifBlock.parse(in);
        CifBlock block = null;
        for (CifBlock b : blocks) {
            if (b.get("_atom_site_fract_x") == null) continue;
            if (block != null) {
                throw new FormatException(source, b.line(), "more than one data block with atom sites (data_" + block.name()
                    + " and data_" + b.name() + "); give one structure per file");
            }
            block = b;
        }
        if (block == null) {
            for (CifBlock b : blocks) {
                if (b.get("_atom_site_cartn_x") != null) {
                    throw new FormatException(source, b.line(), "only Cartesian atom sites (_atom_site_Cartn_*): fractional coordinates are required");
                }
            }
            throw new FormatException(source, 0, "no data block with _atom_site_fract_x/y/z");
        }
        return new Build(source, block, species, tolerance).run();
    }

    /** One structure being built from a block. */
    private static final class Build {
        final String source;
        final CifBlock block;
        final String[] callerSpecies;
        final double tolerance;

        Build(String source, CifBlock block, String[] species, double tolerance) {
            this.source = source;
            this.block = block;
            this.callerSpecies = species == null ? null : species.clone();
            this.tolerance = tolerance;
        }

        AtomSystem run() {
            Box box = cell();
            List<SymmetryOperation> ops = operations();

            CifBlock.Values fx = block.get("_atom_site_fract_x");
            CifBlock.Values fy = required("_atom_site_fract_y");
            CifBlock.Values fz = required("_atom_site_fract_z");
            CifBlock.Values label = block.get("_atom_site_label");
            CifBlock.Values symbol = block.get("_atom_site_type_symbol");
            CifBlock.Values occupancy = block.get("_atom_site_occupancy");
            int sites = fx.values().size();
            if (sites == 0) throw new FormatException(source, block.line(), "the atom-site loop has no rows");
            for (CifBlock.Values v : new CifBlock.Values[] {fy, fz, label, symbol, occupancy}) {
                if (v != null && (v.loop() != fx.loop() || v.values().size() != sites)) {
                    throw new FormatException(source, fx.lines().get(0), "atom-site tags are not all in one loop of " + sites + " rows");
                }
            }
            if (label == null && symbol == null) {
                throw new FormatException(source, fx.lines().get(0), "atom sites have neither _atom_site_type_symbol nor _atom_site_label");
            }

            String[] siteSymbol = new String[sites];
            List<String> order = new ArrayList<>();
            double[] frac = new double[3 * sites];
            for (int k = 0; k < sites; k++) {
                int line = fx.lines().get(k);
                String name = label != null ? label.values().get(k) : "site " + (k + 1);
                siteSymbol[k] = element(symbol != null ? symbol.values().get(k) : label.values().get(k), line);
                if (!order.contains(siteSymbol[k])) order.add(siteSymbol[k]);
                frac[3 * k] = number(fx, k, "_atom_site_fract_x");
                frac[3 * k + 1] = number(fy, k, "_atom_site_fract_y");
                frac[3 * k + 2] = number(fz, k, "_atom_site_fract_z");
                if (occupancy != null && !isUnknown(occupancy.values().get(k))) {
                    double occ = number(occupancy, k, "_atom_site_occupancy");
                    if (Math.abs(occ - 1) > 1e-3) {
                        throw new FormatException(source, line, "site " + name + " has occupancy " + occupancy.values().get(k)
                            + ": partially occupied sites are not supported (ordered crystals only; build disorder with the structure builders)");
                    }
                }
            }
            SpeciesTable table = SpeciesNames.table(callerSpecies, order, null, source, fx.lines().get(0));
            int[] siteType = new int[sites];
            for (int k = 0; k < sites; k++) siteType[k] = SpeciesNames.typeOf(table, siteSymbol[k], source, fx.lines().get(k));
            return expand(box, ops, table, frac, siteType, label, fx);
        }

        AtomSystem expand(Box box, List<SymmetryOperation> ops, SpeciesTable table, double[] frac, int[] siteType,
                          CifBlock.Values label, CifBlock.Values fx) {
            int sites = siteType.length;
            SiteGrid grid = new SiteGrid(box, tolerance);
            AtomSystem sys = new AtomSystem(table, box, Math.min(sites * ops.size(), 4096));
            double[] s = new double[3], c = new double[3];
            for (int k = 0; k < sites; k++) {
                for (SymmetryOperation op : ops) {
                    op.apply(frac, 3 * k, s, 0);
                    for (int d = 0; d < 3; d++) {
                        s[d] -= Math.floor(s[d]);
                        if (s[d] >= 1) s[d] -= 1;
                    }
                    int existing = grid.find(s);
                    if (existing >= 0) {
                        int t = sys.type()[existing];
                        if (t != siteType[k]) {
                            throw new FormatException(source, fx.lines().get(k), "site " + siteName(label, k) + " (" + table.symbol(siteType[k])
                                + ") falls on an atom of " + table.symbol(t) + " after applying the symmetry operations");
                        }
                        continue;
                    }
                    box.toCartesian(s[0], s[1], s[2], c, 0);
                    grid.add(s, sys.add(siteType[k], c[0], c[1], c[2]));
                }
            }
            return sys;
        }

        Box cell() {
            double a = positive("_cell_length_a"), b = positive("_cell_length_b"), c = positive("_cell_length_c");
            double alpha = angle("_cell_angle_alpha"), beta = angle("_cell_angle_beta"), gamma = angle("_cell_angle_gamma");
            double ca = cos(alpha), cb = cos(beta), cg = cos(gamma), sg = sin(gamma);
            double yz = c * (ca - cb * cg) / sg;
            double xz = c * cb;
            double lz2 = c * c - xz * xz - yz * yz;
            if (!(lz2 > 0)) {
                throw new FormatException(source, block.get("_cell_angle_alpha").lines().get(0),
                    "cell angles " + alpha + ", " + beta + ", " + gamma + " do not form a cell");
            }
            try {
                return new Box(0, 0, 0, a, b * sg, Math.sqrt(lz2), b * cg, xz, yz);
            } catch (IllegalArgumentException e) {
                throw new FormatException(source, block.line(), "unusable cell: " + e.getMessage(), e);
            }
        }

        List<SymmetryOperation> operations() {
            CifBlock.Values v = block.first("_space_group_symop_operation_xyz", "_symmetry_equiv_pos_as_xyz");
            List<SymmetryOperation> ops = new ArrayList<>();
            if (v == null) {
                CifBlock.Values sg = block.first("_space_group_name_h-m_alt", "_symmetry_space_group_name_h-m");
                String name = sg == null ? null : sg.values().get(0).replace(" ", "").replace("_", "");
                if (sg == null || !name.equalsIgnoreCase("P1")) {
                    throw new FormatException(source, sg == null ? block.line() : sg.lines().get(0),
                        "no symmetry operations (_space_group_symop_operation_xyz)" + (sg == null ? " and no space group" : " for space group '"
                            + sg.values().get(0) + "'") + "; ionstream does not expand space groups by name (list the operations; 'x,y,z' for P 1)");
                }
                ops.add(SymmetryOperation.parse("x,y,z"));
                return ops;
            }
            for (int k = 0; k < v.values().size(); k++) {
                SymmetryOperation op;
                try {
                    op = SymmetryOperation.parse(v.values().get(k));
                } catch (IllegalArgumentException e) {
                    throw new FormatException(source, v.lines().get(k), "symmetry operation " + e.getMessage(), e);
                }
                boolean seen = false;
                for (SymmetryOperation o : ops) seen |= o.sameAs(op);
                if (seen) continue;
                ops.add(op);
                if (ops.size() > MAX_OPERATIONS) {
                    throw new FormatException(source, v.lines().get(k), "more than " + MAX_OPERATIONS + " distinct symmetry operations");
                }
            }
            return ops;
        }

        /** The element of a type symbol ("Li1+", "S2-") or label ("Li1", "Cl2a"): 2 letters if an element, else 1. */
        String element(String text, int line) {
            int n = 0;
            while (n < text.length() && n < 2 && Character.isLetter(text.charAt(n))) n++;
            if (n == 2 && Elements.isElement(text.substring(0, 2))) return Elements.normalise(text.substring(0, 2));
            if (n >= 1 && Elements.isElement(text.substring(0, 1))) return Elements.normalise(text.substring(0, 1));
            if (callerSpecies != null) {
                for (String s : callerSpecies) if (s.equalsIgnoreCase(text)) return SpeciesNames.normalise(s);
            }
            throw new FormatException(source, line, "cannot tell the element of atom site '" + text + "'");
        }

        double number(CifBlock.Values v, int k, String tag) {
            String s = v.values().get(k);
            int line = v.lines().get(k);
            if (isUnknown(s)) throw new FormatException(source, line, tag + " is unknown ('" + s + "')");
            int p = s.indexOf('(');
            String digits = p >= 0 && s.endsWith(")") ? s.substring(0, p) : s;
            try {
                double d = Double.parseDouble(digits);
                if (!Double.isFinite(d) || Math.abs(d) > 1e6) throw new NumberFormatException();
                return d;
            } catch (NumberFormatException e) {
                throw new FormatException(source, line, tag + " value '" + abbreviate(s) + "' is not a number");
            }
        }

        CifBlock.Values required(String tag) {
            CifBlock.Values v = block.get(tag);
            if (v == null) throw new FormatException(source, block.line(), "data_" + block.name() + " has no " + tag);
            return v;
        }

        /** A tag that must have exactly one value. */
        CifBlock.Values scalar(String tag) {
            CifBlock.Values v = required(tag);
            if (v.values().size() != 1) throw new FormatException(source, v.lines().get(1), tag + " has " + v.values().size() + " values, expected one");
            return v;
        }

        double positive(String tag) {
            double v = number(scalar(tag), 0, tag);
            if (!(v > 0)) throw new FormatException(source, block.get(tag).lines().get(0), tag + " must be positive, got " + v);
            return v;
        }

        double angle(String tag) {
            double v = number(scalar(tag), 0, tag);
            if (!(v > 0 && v < 180)) throw new FormatException(source, block.get(tag).lines().get(0), tag + " must lie in (0, 180) degrees, got " + v);
            return v;
        }

        private static String siteName(CifBlock.Values label, int k) {
            return label != null ? label.values().get(k) : "#" + (k + 1);
        }
    }

    /** cos of an angle in degrees, exact zero at 90° (so that right angles give orthogonal cells). */
    private static double cos(double degrees) {
        return degrees == 90 ? 0 : Math.cos(Math.toRadians(degrees));
    }

    private static double sin(double degrees) {
        return degrees == 90 ? 1 : Math.sin(Math.toRadians(degrees));
    }

    private static boolean isUnknown(String s) {
        return s.equals("?") || s.equals(".");
    }

    private static String abbreviate(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "…" : s;
    }

    /**
     * Atoms placed so far, binned in fractional space so that finding an atom within the
     * tolerance (periodic) costs a look at 27 bins rather than at every atom.
     */
    private static final class SiteGrid {
        final Box box;
        final double tolerance;
        final int[] bins = new int[3];
        final Map<Long, List<double[]>> cells = new HashMap<>();

        SiteGrid(Box box, double tolerance) {
            this.box = box;
            this.tolerance = tolerance;
            double[] w = box.perpendicularWidths();
            // a bin at least one tolerance wide: two points closer than it differ by at most one bin
            for (int d = 0; d < 3; d++) bins[d] = (int) Math.max(1, Math.min(1 << 20, Math.floor(w[d] / tolerance)));
        }

        int find(double[] s) {
            int[] b = bin(s);
            double[] d = new double[3];
            for (int i = -1; i <= 1; i++) {
                for (int j = -1; j <= 1; j++) {
                    for (int k = -1; k <= 1; k++) {
                        List<double[]> list = cells.get(key(b[0] + i, b[1] + j, b[2] + k));
                        if (list == null) continue;
                        for (double[] e : list) {
                            for (int q = 0; q < 3; q++) {
                                double ds = s[q] - e[q];
                                d[q] = ds - Math.rint(ds);
                            }
                            double dx = box.lx() * d[0] + box.xy() * d[1] + box.xz() * d[2];
                            double dy = box.ly() * d[1] + box.yz() * d[2];
                            double dz = box.lz() * d[2];
                            if (dx * dx + dy * dy + dz * dz < tolerance * tolerance) return (int) e[3];
                        }
                    }
                }
            }
            return -1;
        }

        void add(double[] s, int index) {
            int[] b = bin(s);
            cells.computeIfAbsent(key(b[0], b[1], b[2]), x -> new ArrayList<>(2)).add(new double[] {s[0], s[1], s[2], index});
        }

        int[] bin(double[] s) {
            int[] b = new int[3];
            for (int d = 0; d < 3; d++) b[d] = Math.min(bins[d] - 1, (int) (s[d] * bins[d]));
            return b;
        }

        long key(int i, int j, int k) {
            i = Math.floorMod(i, bins[0]);
            j = Math.floorMod(j, bins[1]);
            k = Math.floorMod(k, bins[2]);
            return ((long) i * (1 << 20) + j) * (1 << 20) + k;
        }
    }
}
