package io.ionstream.engine.potential.pair;

import io.ionstream.engine.io.FormatException;
import io.ionstream.engine.io.LineReader;
import io.ionstream.engine.potential.Potential;
import io.ionstream.engine.potential.SystemSummary;
import io.ionstream.engine.potential.kspace.CoulLong;
import io.ionstream.engine.potential.kspace.EwaldParameters;
import java.io.BufferedReader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Pair styles written the LAMMPS way, one command per line ({@code #} starts a comment):
 *
 * <pre>
 *   pair_style lj/cut 8.5
 *   pair_coeff * * 0.0104 3.4
 *
 *   pair_style hybrid/overlay buck 8.0 coul/dsf 0.2 8.0
 *   pair_coeff 1 2 buck 1000.0 0.30 0.0
 *   pair_coeff * * coul/dsf
 *
 *   pair_style buck/coul/long 8.0
 *   pair_coeff Li S 1000.0 0.30 0.0
 *   kspace_style ewald 1.0e-6
 * </pre>
 *
 * Styles: {@code lj/cut} (ε σ [r_c]), {@code buck} (A ρ C [r_c]), {@code coul/dsf} (α r_c, no
 * coefficients), {@code coul/long} (r_c, no coefficients), {@code buck/coul/long} (r_c
 * [r_c,coul]; A ρ C [r_c]), any of them combined with {@code hybrid/overlay} (then each
 * {@code pair_coeff} names its sub-style), and {@code kspace_style ewald accuracy}, which the
 * {@code coul/long} styles need. Types in {@code pair_coeff} are LAMMPS type numbers (1-based, in
 * the order of the system's species), ranges ({@code *}, {@code 2*}, {@code *3}, {@code 1*2}) or
 * element symbols of the species. Every problem is reported with its line.
 */
public final class PairStyleFile {
    private static final String STYLES = "lj/cut, buck, coul/dsf, coul/long, buck/coul/long, hybrid/overlay";

    private PairStyleFile() {}

    /** The potentials described by {@code text} for the system summarised by {@code system}. */
    public static List<Potential> parse(String source, String text, SystemSummary system) {
        LineReader in = new LineReader(new BufferedReader(new StringReader(text)), source);
        int ntypes = system.species().size();
        Map<String, Style> styles = null;
        boolean hybrid = false;
        int styleLine = 0;
        double kspaceAccuracy = Double.NaN;
        String line;
        while ((line = in.nextContent(true)) != null) {
            String[] f = LineReader.fields(line);
            switch (f[0]) {
                case "pair_style" -> {
                    if (styles != null) throw in.error("a second pair_style (the first is on line " + styleLine + ")");
                    if (f.length < 2) throw in.error("pair_style needs a style name (" + STYLES + ")");
                    styles = new LinkedHashMap<>();
                    styleLine = in.line();
                    if (f[1].equals("hybrid/overlay") || f[1].equals("hybrid")) {
                        if (f[1].equals("hybrid")) throw in.error("pair_style hybrid is not supported; use hybrid/overlay");
                        hybrid = true;
                        int k = 2;
                        while (k < f.length) {
                            Style s = Style.of(f[k], ntypes, in);
                            int n = s.styleArgs(Arrays.copyOfRange(f, k + 1, f.length), in);
                            if (styles.put(f[k], s) != null) throw in.error("sub-style " + f[k] + " appears twice");
                            k += 1 + n;
                        }
                        if (styles.isEmpty()) throw in.error("pair_style hybrid/overlay needs sub-styles");
                    } else {
                        Style s = Style.of(f[1], ntypes, in);
                        String[] args = Arrays.copyOfRange(f, 2, f.length);
                        if (s.styleArgs(args, in) != args.length) throw in.error("too many arguments for pair_style " + f[1]);
                        styles.put(f[1], s);
                    }
                }
                case "pair_coeff" -> {
                    if (styles == null) throw in.error("pair_coeff before pair_style");
                    if (f.length < 3) throw in.error("pair_coeff needs two types and the coefficients");
                    int[] ti = types(f[1], system, in), tj = types(f[2], system, in);
                    Style s;
                    String[] c;
                    if (hybrid) {
                        if (f.length < 4) throw in.error("pair_coeff under hybrid/overlay needs the sub-style name after the types");
                        s = styles.get(f[3]);
                        if (s == null) throw in.error("sub-style " + f[3] + " is not in pair_style hybrid/overlay " + styles.keySet());
                        c = Arrays.copyOfRange(f, 4, f.length);
                    } else {
                        s = styles.values().iterator().next();
                        c = Arrays.copyOfRange(f, 3, f.length);
                    }
                    // (i, j) and (j, i) name the same pair; setting one twice is harmless
                    for (int i = ti[0]; i <= ti[1]; i++) {
                        for (int j = tj[0]; j <= tj[1]; j++) s.coeff(Math.min(i, j), Math.max(i, j), c, in);
                    }
                }
                case "kspace_style" -> {
                    if (f.length != 3 || !f[1].equals("ewald")) {
                        throw in.error("supported: kspace_style ewald <relative accuracy>");
                    }
                    if (!Double.isNaN(kspaceAccuracy)) throw in.error("a second kspace_style");
                    kspaceAccuracy = in.parseDouble(f[2], "ewald accuracy");
                    if (!(kspaceAccuracy > 0 && kspaceAccuracy < 1)) throw in.error("ewald accuracy must be in (0, 1), got " + f[2]);
                }
                default -> throw in.error("unknown command '" + f[0] + "' (expected pair_style, pair_coeff or kspace_style)");
            }
        }
        if (styles == null) throw new FormatException(source, 0, "no pair_style line");
        List<Potential> out = new ArrayList<>();
        double coulombCutoff = Double.NaN;
        for (Style s : styles.values()) {
            out.addAll(s.build(source));
            if (s.longRangeCutoff() > 0) coulombCutoff = s.longRangeCutoff();
        }
        if (!Double.isNaN(coulombCutoff)) {
            if (Double.isNaN(kspaceAccuracy)) {
                throw new FormatException(source, styleLine, "coul/long needs a kspace_style ewald line for the reciprocal part");
            }
            EwaldParameters p;
            try {
                p = EwaldParameters.forAccuracy(system.atoms(), system.sumSquaredCharges(), system.box(), kspaceAccuracy,
                    coulombCutoff);
            } catch (IllegalArgumentException e) {
                throw new FormatException(source, 0, e.getMessage(), e);
            }
            out.add(new CoulLong(p.alpha(), coulombCutoff));
            out.add(p.kSpace());
        } else if (!Double.isNaN(kspaceAccuracy)) {
            throw new FormatException(source, 0, "kspace_style ewald needs a coul/long pair style (coul/long or buck/coul/long)");
        }
        for (Potential p : out) {
            try {
                p.validate(system.species());
            } catch (IllegalArgumentException e) {
                throw new FormatException(source, 0, e.getMessage(), e);
            }
        }
        return out;
    }

    /** A type field as an inclusive 0-based range. */
    private static int[] types(String field, SystemSummary system, LineReader in) {
        int n = system.species().size();
        int star = field.indexOf('*');
        if (star >= 0) {
            int lo = star == 0 ? 1 : typeNumber(field.substring(0, star), n, in);
            int hi = star == field.length() - 1 ? n : typeNumber(field.substring(star + 1), n, in);
            if (lo > hi) throw in.error("empty type range '" + field + "'");
            return new int[] {lo - 1, hi - 1};
        }
        if (Character.isLetter(field.charAt(0))) {
            int t = system.species().indexOf(field);
            if (t < 0) throw in.error("species '" + field + "' is not in the system (" + system.species() + ")");
            return new int[] {t, t};
        }
        int t = typeNumber(field, n, in);
        return new int[] {t - 1, t - 1};
    }

    private static int typeNumber(String s, int n, LineReader in) {
        int t = in.parseInt(s, "type");
        if (t < 1 || t > n) throw in.error("type " + t + " outside 1.." + n + " (the system has " + n + " species)");
        return t;
    }

    /** One pair style: its pair_style arguments, per-pair coefficients, the resulting terms. */
    private abstract static class Style {
        final String name;
        final int ntypes;

        Style(String name, int ntypes) {
            this.name = name;
            this.ntypes = ntypes;
        }

        static Style of(String name, int ntypes, LineReader in) {
            return switch (name) {
                case "lj/cut" -> new LjCutStyle(ntypes);
                case "buck" -> new BuckStyle(ntypes, false);
                case "buck/coul/long" -> new BuckStyle(ntypes, true);
                case "coul/dsf" -> new CoulDsfStyle(ntypes);
                case "coul/long" -> new CoulLongStyle(ntypes);
                default -> throw in.error("unsupported pair style '" + name + "' (supported: " + STYLES + ")");
            };
        }

        /** Consumes this style's pair_style arguments from the front of {@code args}; returns how many. */
        abstract int styleArgs(String[] args, LineReader in);

        abstract void coeff(int i, int j, String[] c, LineReader in);

        abstract List<Potential> build(String source);

        /** Real-space cut-off of a coul/long part (0: none). */
        double longRangeCutoff() { return 0; }

        double positive(String[] args, int k, String what, LineReader in) {
            if (k >= args.length) throw in.error("pair_style " + name + " needs " + what);
            double v = in.parseDouble(args[k], what);
            if (!(v > 0)) throw in.error(name + ": " + what + " must be positive, got " + args[k]);
            return v;
        }

        /** Whether {@code s} is a number (an optional trailing argument) rather than the next sub-style. */
        static boolean numeric(String[] args, int k) {
            if (k >= args.length) return false;
            try {
                Double.parseDouble(args[k]);
                return true;
            } catch (NumberFormatException e) {
                return false;
            }
        }

        void rethrow(IllegalArgumentException e, LineReader in) {
            throw in.error(e.getMessage());
        }
    }

    private static final class LjCutStyle extends Style {
        private LjCut lj;

        LjCutStyle(int ntypes) { super("lj/cut", ntypes); }

        @Override
        int styleArgs(String[] args, LineReader in) {
            lj = new LjCut(ntypes, positive(args, 0, "the global cut-off (Å)", in));
            return 1;
        }

        @Override
        void coeff(int i, int j, String[] c, LineReader in) {
            if (c.length < 2 || c.length > 3) throw in.error("lj/cut pair_coeff takes epsilon (eV) sigma (Å) [cut-off (Å)]");
            double eps = in.parseDouble(c[0], "epsilon"), sig = in.parseDouble(c[1], "sigma");
            try {
                if (c.length == 3) lj.coeff(i, j, eps, sig, in.parseDouble(c[2], "cut-off"));
                else lj.coeff(i, j, eps, sig);
            } catch (IllegalArgumentException e) {
                rethrow(e, in);
            }
        }

        @Override
        List<Potential> build(String source) { return List.of(lj); }
    }

    private static final class BuckStyle extends Style {
        private final boolean coulLong;
        private Buckingham buck;
        private double coulCut;

        BuckStyle(int ntypes, boolean coulLong) {
            super(coulLong ? "buck/coul/long" : "buck", ntypes);
            this.coulLong = coulLong;
        }

        @Override
        int styleArgs(String[] args, LineReader in) {
            double rc = positive(args, 0, "the global cut-off (Å)", in);
            buck = new Buckingham(ntypes, rc);
            if (!coulLong) return 1;
            coulCut = numeric(args, 1) ? positive(args, 1, "the Coulomb cut-off (Å)", in) : rc;
            return numeric(args, 1) ? 2 : 1;
        }

        @Override
        void coeff(int i, int j, String[] c, LineReader in) {
            if (c.length < 3 || c.length > 4) throw in.error(name + " pair_coeff takes A (eV) rho (Å) C (eV Å⁶) [cut-off (Å)]");
            double a = in.parseDouble(c[0], "A"), rho = in.parseDouble(c[1], "rho"), cc = in.parseDouble(c[2], "C");
            try {
                if (c.length == 4) buck.coeff(i, j, a, rho, cc, in.parseDouble(c[3], "cut-off"));
                else buck.coeff(i, j, a, rho, cc);
            } catch (IllegalArgumentException e) {
                rethrow(e, in);
            }
        }

        @Override
        List<Potential> build(String source) { return List.of(buck); }

        @Override
        double longRangeCutoff() { return coulLong ? coulCut : 0; }
    }

    private static final class CoulDsfStyle extends Style {
        private double alpha, cutoff;

        CoulDsfStyle(int ntypes) { super("coul/dsf", ntypes); }

        @Override
        int styleArgs(String[] args, LineReader in) {
            alpha = positive(args, 0, "the damping alpha (1/Å)", in);
            cutoff = positive(args, 1, "the cut-off (Å)", in);
            return 2;
        }

        @Override
        void coeff(int i, int j, String[] c, LineReader in) {
            if (c.length != 0) throw in.error("coul/dsf pair_coeff takes no coefficients (pair_coeff * * coul/dsf)");
        }

        @Override
        List<Potential> build(String source) { return List.of(new CoulDsf(alpha, cutoff)); }
    }

    private static final class CoulLongStyle extends Style {
        private double cutoff;

        CoulLongStyle(int ntypes) { super("coul/long", ntypes); }

        @Override
        int styleArgs(String[] args, LineReader in) {
            cutoff = positive(args, 0, "the cut-off (Å)", in);
            return 1;
        }

        @Override
        void coeff(int i, int j, String[] c, LineReader in) {
            if (c.length != 0) throw in.error("coul/long pair_coeff takes no coefficients (pair_coeff * *)");
        }

        @Override
        List<Potential> build(String source) { return List.of(); }

        @Override
        double longRangeCutoff() { return cutoff; }
    }
}
