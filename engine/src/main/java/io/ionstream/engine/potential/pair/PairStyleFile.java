package io.ionstream.engine.potential.pair;

import io.ionstream.engine.io.FormatException;
import io.ionstream.engine.io.LineReader;
import io.ionstream.engine.potential.Potential;
import io.ionstream.engine.system.SpeciesTable;
import java.io.BufferedReader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

/**
 * Pair styles written the LAMMPS way, one command per line:
 *
 * <pre>
 *   # argon
 *   pair_style lj/cut 8.5
 *   pair_coeff * * 0.0104 3.4
 *   pair_coeff Ar Kr 0.015 3.5 7.0
 * </pre>
 *
 * Types in {@code pair_coeff} are LAMMPS type numbers (1-based, in the order of the system's
 * species), ranges ({@code *}, {@code 2*}, {@code *3}, {@code 1*2}) or element symbols of the
 * species table. Supported styles: {@code lj/cut}. Anything else is reported with its line.
 */
public final class PairStyleFile {
    private PairStyleFile() {}

    /** The potentials described by {@code text} for a system with {@code species}. */
    public static List<Potential> parse(String source, String text, SpeciesTable species) {
        LineReader in = new LineReader(new BufferedReader(new StringReader(text)), source);
        StyleBuilder style = null;
        int styleLine = 0;
        boolean anyCoeff = false;
        String line;
        while ((line = in.nextContent(true)) != null) {
            String[] f = LineReader.fields(line);
            switch (f[0]) {
                case "pair_style" -> {
                    if (style != null) throw in.error("a second pair_style (the first is on line " + styleLine + ")");
                    if (f.length < 2) throw in.error("pair_style needs a style name");
                    style = StyleBuilder.of(f[1], species.size(), in);
                    style.style(java.util.Arrays.copyOfRange(f, 2, f.length), in);
                    styleLine = in.line();
                }
                case "pair_coeff" -> {
                    if (style == null) throw in.error("pair_coeff before pair_style");
                    if (f.length < 3) throw in.error("pair_coeff needs two types and the coefficients");
                    int[] ti = types(f[1], species, in), tj = types(f[2], species, in);
                    String[] c = java.util.Arrays.copyOfRange(f, 3, f.length);
                    for (int i = ti[0]; i <= ti[1]; i++) {
                        for (int j = Math.max(tj[0], i); j <= tj[1]; j++) style.coeff(i, j, c, in);
                        // LAMMPS sets (i, j) with i <= j; a reversed explicit pair means the same pair
                        for (int j = tj[0]; j <= Math.min(tj[1], i - 1); j++) {
                            if (j < ti[0] || j > ti[1]) style.coeff(j, i, c, in);
                        }
                    }
                    anyCoeff = true;
                }
                default -> throw in.error("unknown command '" + f[0] + "' (expected pair_style or pair_coeff)");
            }
        }
        if (style == null) throw new FormatException(source, 0, "no pair_style line");
        if (!anyCoeff) throw new FormatException(source, 0, "no pair_coeff line");
        List<Potential> out = new ArrayList<>(style.build());
        for (Potential p : out) {
            try {
                p.validate(species);
            } catch (IllegalArgumentException e) {
                throw new FormatException(source, 0, e.getMessage(), e);
            }
        }
        return out;
    }

    /** A type field as an inclusive 0-based range. */
    private static int[] types(String field, SpeciesTable species, LineReader in) {
        int n = species.size();
        int star = field.indexOf('*');
        if (star >= 0) {
            int lo = star == 0 ? 1 : typeNumber(field.substring(0, star), n, in);
            int hi = star == field.length() - 1 ? n : typeNumber(field.substring(star + 1), n, in);
            if (lo > hi) throw in.error("empty type range '" + field + "'");
            return new int[] {lo - 1, hi - 1};
        }
        if (Character.isLetter(field.charAt(0))) {
            int t = species.indexOf(field);
            if (t < 0) throw in.error("species '" + field + "' is not in the system (" + species + ")");
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

    /** One pair style: its pair_style arguments, its per-pair coefficients, the resulting terms. */
    private interface StyleBuilder {
        void style(String[] args, LineReader in);

        void coeff(int i, int j, String[] c, LineReader in);

        List<Potential> build();

        static StyleBuilder of(String name, int ntypes, LineReader in) {
            return switch (name) {
                case "lj/cut" -> new LjCutBuilder(ntypes);
                default -> throw in.error("unsupported pair style '" + name + "' (supported: lj/cut)");
            };
        }
    }

    private static final class LjCutBuilder implements StyleBuilder {
        private final int ntypes;
        private LjCut lj;

        LjCutBuilder(int ntypes) { this.ntypes = ntypes; }

        @Override
        public void style(String[] args, LineReader in) {
            if (args.length != 1) throw in.error("pair_style lj/cut takes one argument, the global cut-off (Å)");
            double rc = in.parseDouble(args[0], "lj/cut cut-off");
            try {
                lj = new LjCut(ntypes, rc);
            } catch (IllegalArgumentException e) {
                throw in.error(e.getMessage());
            }
        }

        @Override
        public void coeff(int i, int j, String[] c, LineReader in) {
            if (c.length < 2 || c.length > 3) throw in.error("lj/cut pair_coeff takes epsilon (eV) sigma (Å) [cut-off (Å)]");
            double eps = in.parseDouble(c[0], "epsilon"), sig = in.parseDouble(c[1], "sigma");
            try {
                if (c.length == 3) lj.coeff(i, j, eps, sig, in.parseDouble(c[2], "cut-off"));
                else lj.coeff(i, j, eps, sig);
            } catch (IllegalArgumentException e) {
                throw in.error(e.getMessage());
            }
        }

        @Override
        public List<Potential> build() { return List.of(lj); }
    }
}
