package io.ionstream.engine.io.cif;

import java.util.Arrays;
import java.util.Locale;

/**
 * A crystallographic symmetry operation in fractional coordinates, s' = R·s + t, parsed from
 * the CIF "xyz" form: three comma-separated expressions such as {@code -x+1/2}, {@code x-y},
 * {@code 1/4+z}, {@code 0.5-y}. R must be an integer matrix with determinant ±1.
 */
public record SymmetryOperation(int[] rotation, double[] translation) {

    /** Parses an operation; throws {@link IllegalArgumentException} naming what is wrong. */
    public static SymmetryOperation parse(String text) {
        String[] parts = text.split(",", -1);
        if (parts.length != 3) throw new IllegalArgumentException("'" + text + "' does not have three comma-separated parts");
        int[] r = new int[9];
        double[] t = new double[3];
        for (int row = 0; row < 3; row++) component(parts[row], text, r, t, row);
        int det = r[0] * (r[4] * r[8] - r[5] * r[7]) - r[1] * (r[3] * r[8] - r[5] * r[6]) + r[2] * (r[3] * r[7] - r[4] * r[6]);
        if (det != 1 && det != -1) {
            throw new IllegalArgumentException("'" + text + "' is not a symmetry operation (determinant " + det + ")");
        }
        // translations are defined modulo whole lattice vectors
        for (int d = 0; d < 3; d++) {
            t[d] -= Math.floor(t[d]);
            if (t[d] >= 1) t[d] -= 1;
        }
        return new SymmetryOperation(r, t);
    }

    private static void component(String expr, String whole, int[] r, double[] t, int row) {
        String s = expr.replace(" ", "").replace("\t", "").toLowerCase(Locale.ROOT);
        if (s.isEmpty()) throw new IllegalArgumentException("'" + whole + "' has an empty part");
        int i = 0, n = s.length();
        boolean any = false;
        while (i < n) {
            int sign = 1;
            if (s.charAt(i) == '+' || s.charAt(i) == '-') {
                sign = s.charAt(i) == '-' ? -1 : 1;
                i++;
            } else if (any) {
                throw new IllegalArgumentException("'" + whole + "': expected + or - at '" + s.substring(i) + "'");
            }
            if (i >= n) throw new IllegalArgumentException("'" + whole + "': dangling sign");
            double number = Double.NaN;
            int start = i;
            while (i < n && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '.')) i++;
            if (i > start) {
                number = parseNumber(s.substring(start, i), whole);
                if (i < n && s.charAt(i) == '/') {
                    int ds = ++i;
                    while (i < n && Character.isDigit(s.charAt(i))) i++;
                    if (i == ds) throw new IllegalArgumentException("'" + whole + "': fraction without denominator");
                    double den = parseNumber(s.substring(ds, i), whole);
                    if (den == 0) throw new IllegalArgumentException("'" + whole + "': division by zero");
                    number /= den;
                }
                if (i < n && s.charAt(i) == '*') i++;
            }
            if (i < n && s.charAt(i) >= 'x' && s.charAt(i) <= 'z') {
                double coefficient = Double.isNaN(number) ? 1 : number;
                if (coefficient != Math.rint(coefficient) || Math.abs(coefficient) > 6) {
                    throw new IllegalArgumentException("'" + whole + "': coefficient " + coefficient + " is not a small integer");
                }
                r[3 * row + (s.charAt(i) - 'x')] += sign * (int) coefficient;
                i++;
            } else if (!Double.isNaN(number)) {
                t[row] += sign * number;
            } else {
                throw new IllegalArgumentException("'" + whole + "': unexpected '" + s.substring(i) + "'");
            }
            any = true;
        }
    }

    private static double parseNumber(String s, String whole) {
        try {
            double v = Double.parseDouble(s);
            if (!Double.isFinite(v) || Math.abs(v) > 1e6) throw new NumberFormatException();
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + whole + "': '" + s + "' is not a number");
        }
    }

    /** Applies the operation to fractional coordinates {@code s[o..o+2]}, into {@code out[oo..oo+2]}. */
    public void apply(double[] s, int o, double[] out, int oo) {
        double x = s[o], y = s[o + 1], z = s[o + 2];
        int[] r = rotation;
        out[oo] = r[0] * x + r[1] * y + r[2] * z + translation[0];
        out[oo + 1] = r[3] * x + r[4] * y + r[5] * z + translation[1];
        out[oo + 2] = r[6] * x + r[7] * y + r[8] * z + translation[2];
    }

    /** Same rotation and (modulo 1) translation. */
    public boolean sameAs(SymmetryOperation o) {
        if (!Arrays.equals(rotation, o.rotation)) return false;
        for (int d = 0; d < 3; d++) {
            double dt = Math.abs(translation[d] - o.translation[d]);
            if (Math.min(dt, 1 - dt) > 1e-9) return false;
        }
        return true;
    }
}
