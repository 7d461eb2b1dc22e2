package io.ionstream.engine.io.vasp;

import io.ionstream.engine.io.CellFrame;
import io.ionstream.engine.io.FormatException;
import io.ionstream.engine.io.LineReader;
import io.ionstream.engine.io.SpeciesNames;
import io.ionstream.engine.system.SpeciesTable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The header VASP's POSCAR, CONTCAR and XDATCAR share: comment, scaling factor(s), three lattice
 * vectors, the species line (VASP 5; absent in VASP 4 files, whose species the caller must name)
 * and the counts line.
 *
 * <p>One scaling factor multiplies the lattice and Cartesian positions; a negative one is the
 * cell volume (Å³) instead; three factors scale the x, y, z Cartesian components separately.
 */
final class VaspHeader {
    /** More atoms than any VASP run: a bound that keeps a corrupt count from meaning anything. */
    static final long MAX_ATOMS = 100_000_000L;

    final String comment;
    final double[] scale;      // per Cartesian component, after resolving a volume
    final double[][] lattice;  // scaled, rows a, b, c, file frame
    final String[] blockNames; // species of each block (from the file or the caller)
    final int[] counts;
    final int atoms;
    final int firstLine;       // line of the comment
    final int latticeLine;
    final boolean vasp4;       // no species line: the caller named the blocks

    private VaspHeader(String comment, double[] scale, double[][] lattice, String[] blockNames, int[] counts,
                       int firstLine, int latticeLine, boolean vasp4) {
        this.vasp4 = vasp4;
        this.comment = comment;
        this.scale = scale;
        this.lattice = lattice;
        this.blockNames = blockNames;
        this.counts = counts;
        int sum = 0;
        for (int c : counts) sum += c;
        this.atoms = sum;
        this.firstLine = firstLine;
        this.latticeLine = latticeLine;
    }

    /**
     * Reads a header whose comment line is {@code comment} (already read). {@code callerSpecies}
     * names the blocks of a VASP 4 file (no species line); for a VASP 5 file it is not used here.
     */
    static VaspHeader read(LineReader in, String comment, String[] callerSpecies) {
        int first = in.line();
        String[] sf = LineReader.fields(in.require("the scaling factor"));
        if (sf.length == 0) throw in.error("the scaling factor line is empty");
        double[] scale;
        boolean volume = false;
        if (sf.length >= 2 && isNumber(sf[1]) && !(sf.length >= 3 && isNumber(sf[2]))) {
            throw in.error("expected one or three scaling factors, found two");
        }
        if (sf.length >= 3 && isNumber(sf[1]) && isNumber(sf[2])) {
            scale = new double[] {in.parseDouble(sf[0], "scaling factor"), in.parseDouble(sf[1], "scaling factor"),
                in.parseDouble(sf[2], "scaling factor")};
            for (double s : scale) if (!(s > 0)) throw in.error("three scaling factors must all be positive, got " + s);
        } else {
            double s = in.parseDouble(sf[0], "scaling factor");
            if (s == 0) throw in.error("scaling factor is zero");
            volume = s < 0;
            scale = new double[] {s, s, s};
        }
        int latticeLine = in.line() + 1;
        double[][] lat = new double[3][];
        for (int k = 0; k < 3; k++) {
            String[] f = LineReader.fields(in.require("lattice vector " + "abc".charAt(k)));
            if (f.length < 3) throw in.error("lattice vector " + "abc".charAt(k) + " needs 3 numbers, found " + f.length);
            lat[k] = new double[] {in.parseDouble(f[0], "lattice vector"), in.parseDouble(f[1], "lattice vector"),
                in.parseDouble(f[2], "lattice vector")};
        }
        if (volume) {
            double det = Math.abs(det(lat));
            if (!(det > 0)) throw new FormatException(in.source(), latticeLine, "lattice vectors are coplanar: a volume cannot scale them");
            double s = Math.cbrt(-scale[0] / det);
            scale = new double[] {s, s, s};
        }
        for (double[] v : lat) {
            for (int d = 0; d < 3; d++) {
                v[d] *= scale[d];
                if (!Double.isFinite(v[d])) throw new FormatException(in.source(), latticeLine, "scaled lattice vector is not finite");
            }
        }

        String line = in.require("the species or counts line");
        String[] f = LineReader.fields(line);
        if (f.length == 0) throw in.error("expected species names or atom counts, found an empty line");
        String[] names;
        boolean vasp4 = isInteger(f[0]);
        if (vasp4) {
            if (callerSpecies == null) {
                throw in.error("VASP 4 file without a species line: name the species of its " + f.length
                    + " blocks (e.g. --species Li,P,S,Cl)");
            }
            if (callerSpecies.length != f.length) {
                throw in.error("VASP 4 file with " + f.length + " species blocks but " + callerSpecies.length + " species named");
            }
            names = callerSpecies.clone();
        } else {
            names = new String[f.length];
            for (int k = 0; k < f.length; k++) names[k] = potcarSymbol(f[k]);
            f = LineReader.fields(in.require("the atom counts line"));
            if (f.length != names.length) {
                throw in.error("the species line names " + names.length + " species but the counts line has " + f.length + " numbers");
            }
        }
        int[] counts = new int[f.length];
        long total = 0;
        for (int k = 0; k < f.length; k++) {
            long c = in.parseLong(f[k], "atom count");
            if (c < 0) throw in.error("negative atom count " + c);
            total += c;
            if (total > MAX_ATOMS) throw in.error("more than " + MAX_ATOMS + " atoms");
            counts[k] = (int) c;
        }
        if (total == 0) throw in.error("the file declares no atoms");
        return new VaspHeader(comment, scale, lat, names, counts, first, latticeLine, vasp4);
    }

    /** "Li_sv", "Li_sv/1a2b3c" (VASP 6 CONTCAR) and "Li" all name Li. */
    static String potcarSymbol(String token) {
        int cut = token.length();
        for (char c : new char[] {'_', '/'}) {
            int k = token.indexOf(c);
            if (k > 0) cut = Math.min(cut, k);
        }
        return token.substring(0, cut);
    }

    /** The cell in our frame. */
    CellFrame cell(String source) {
        return CellFrame.of(lattice, null, source, latticeLine);
    }

    /** The species table: the caller's order when named (VASP 5), else the blocks' order. */
    SpeciesTable species(String[] callerSpecies, String source) {
        List<String> order = new ArrayList<>();
        for (String s : blockNames) {
            String n = SpeciesNames.normalise(s);
            if (!order.contains(n)) order.add(n);
        }
        return SpeciesNames.table(vasp4 ? null : callerSpecies, order, null, source, firstLine + 5);
    }

    /** Same species blocks and counts as another header (XDATCAR frames of one run). */
    boolean sameAtoms(VaspHeader o) {
        return Arrays.equals(blockNames, o.blockNames) && Arrays.equals(counts, o.counts);
    }

    private static double det(double[][] m) {
        return m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1])
            - m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0])
            + m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0]);
    }

    static boolean isInteger(String s) {
        if (s.isEmpty()) return false;
        for (int i = (s.charAt(0) == '-' || s.charAt(0) == '+') ? 1 : 0; i < s.length(); i++) {
            if (!Character.isDigit(s.charAt(i))) return false;
        }
        return s.length() > ((s.charAt(0) == '-' || s.charAt(0) == '+') ? 1 : 0);
    }

    private static boolean isNumber(String s) {
        try {
            Double.parseDouble(s);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
