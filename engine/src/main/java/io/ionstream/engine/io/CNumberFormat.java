package io.ionstream.engine.io;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * C's {@code printf("%.<p>g")} for doubles, digit for digit, so that text written here can be
 * compared with {@code diff} against files written by C/C++ programs (MLIP, LAMMPS). Java's own
 * {@code %g} differs (it keeps trailing zeros and switches notation elsewhere).
 *
 * <p>Rounding is done on the exact binary value (round half to even), as glibc does.
 */
public final class CNumberFormat {
    private CNumberFormat() {}

    /** {@code %.17g}: enough digits to read back the identical double. */
    public static String g17(double v) {
        return g(v, 17);
    }

    /** {@code %.<precision>g}. */
    public static String g(double v, int precision) {
        if (precision < 1) precision = 1;
        if (Double.isNaN(v)) return "nan";
        if (Double.isInfinite(v)) return v > 0 ? "inf" : "-inf";
        if (v == 0) return (Double.doubleToRawLongBits(v) < 0) ? "-0" : "0";
        BigDecimal bd = new BigDecimal(v).round(new MathContext(precision, RoundingMode.HALF_EVEN));
        int exp = bd.precision() - bd.scale() - 1;
        if (exp >= -4 && exp < precision) {
            String s = bd.setScale(Math.max(precision - 1 - exp, 0), RoundingMode.HALF_EVEN).toPlainString();
            return stripZeros(s);
        }
        String digits = bd.unscaledValue().abs().toString();
        StringBuilder mant = new StringBuilder();
        if (bd.signum() < 0) mant.append('-');
        mant.append(digits.charAt(0));
        if (digits.length() > 1) mant.append('.').append(digits, 1, digits.length());
        String m = stripZeros(mant.toString());
        int ae = Math.abs(exp);
        return m + "e" + (exp < 0 ? '-' : '+') + (ae < 10 ? "0" : "") + ae;
    }

    private static String stripZeros(String s) {
        if (s.indexOf('.') < 0) return s;
        int end = s.length();
        while (s.charAt(end - 1) == '0') end--;
        if (s.charAt(end - 1) == '.') end--;
        return s.substring(0, end);
    }
}
