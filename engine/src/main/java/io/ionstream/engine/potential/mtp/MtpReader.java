package io.ionstream.engine.potential.mtp;

import io.ionstream.engine.io.FormatException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads MTP potentials in the three forms MLIP writes:
 * <ul>
 * <li>{@code .mtp}: text only (trained, or an untrained template without coefficients);</li>
 * <li>MLIP-3 {@code .almtp}: the same text, then the MaxVol active set:
 * <pre>
 * #MVS_v1.1
 * energy_weight E / force_weight F / stress_weight S / site_en_weight W   (text, one per line)
 * weight_scaling p
 * #&lt;A: n·n little-endian doubles, row-major&gt;&lt;invA: n·n doubles&gt;
 * #
 * cfg eqn                          n lines: which stored configuration and equation each row came from (-1 -1: initial)
 * #
 * BEGIN_CFG ... END_CFG            the selected configurations, MLIP .cfg text
 * </pre></li>
 * <li>MLIP-2 {@code .als}: the text, then {@code ^}, four raw doubles (site, energy, force,
 * stress weights), {@code #}, A and invA as above, a newline, n lines "row cfg", then the
 * configurations.</li>
 * </ul>
 * n is the potential's {@link MtpModel#coefficientCount()}. The layout was established from the
 * files in {@code ../shared/mtp-reference} and MLIP's public sources (the selection classes' Save
 * and Load, MaxVol's WriteData); it is documented in docs/architecture.md.
 */
public final class MtpReader {
    private static final byte[] MVS_MARK = "#MVS_v1.1".getBytes(StandardCharsets.US_ASCII);

    private MtpReader() {}

    /** A potential and, for active-learning files, its active set (else null). */
    public record MtpFile(MtpModel model, ActiveSet activeSet, String source) {}

    public static MtpFile read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return read(bytes, file.toString());
    }

    /** Reads just the potential of a file (any of the three forms). */
    public static MtpModel readModel(Path file) {
        return read(file).model();
    }

    public static MtpFile read(byte[] bytes, String source) {
        int mvs = indexOf(bytes, MVS_MARK, 0);
        int als = -1;
        for (int i = 1; i < bytes.length; i++) {
            if (bytes[i] == '^' && bytes[i - 1] == '\n') { als = i; break; }
        }
        if (mvs >= 0 && als >= 0) {
            // the first marker ends the text; the other byte may be part of the binary payload
            if (mvs < als) als = -1;
            else mvs = -1;
        }
        int textEnd = mvs >= 0 ? mvs : als >= 0 ? als : bytes.length;
        String text = new String(bytes, 0, textEnd, StandardCharsets.UTF_8);
        MtpModel model = new MtpTextParser(text, source).parse();
        ActiveSet set = null;
        if (mvs >= 0) set = new Binary(bytes, mvs + MVS_MARK.length, source, model).readMvs();
        else if (als >= 0) set = new Binary(bytes, als + 1, source, model).readAls();
        return new MtpFile(model, set, source);
    }

    static int indexOf(byte[] hay, byte[] needle, int from) {
        outer:
        for (int i = from; i + needle.length <= hay.length; i++) {
            for (int k = 0; k < needle.length; k++) if (hay[i + k] != needle[k]) continue outer;
            return i;
        }
        return -1;
    }

    /** A cursor over the mixed text/binary tail of an active-learning file. */
    private static final class Binary {
        private final byte[] b;
        private final String source;
        private final MtpModel model;
        private int pos;

        Binary(byte[] b, int pos, String source, MtpModel model) {
            this.b = b;
            this.pos = pos;
            this.source = source;
            this.model = model;
        }

        private FormatException error(String problem) {
            return new FormatException(source, 0, "active set, byte " + pos + ": " + problem);
        }

        private String token(String what) {
            while (pos < b.length && Character.isWhitespace(b[pos])) pos++;
            int start = pos;
            while (pos < b.length && !Character.isWhitespace(b[pos]) && b[pos] != '#') pos++;
            if (start == pos) throw error("file ends where " + what + " was expected (truncated?)");
            return new String(b, start, pos - start, StandardCharsets.US_ASCII);
        }

        private double namedReal(String name) {
            String key = token("'" + name + "'");
            if (!key.equals(name)) throw error("expected '" + name + "', found '" + abbreviate(key) + "'");
            String v = token("the value of " + name);
            try {
                double d = Double.parseDouble(v);
                if (!Double.isFinite(d)) throw error(name + " is not finite");
                return d;
            } catch (NumberFormatException e) {
                throw error(name + " is not a number: '" + abbreviate(v) + "'");
            }
        }

        private int integer(String what) {
            String v = token(what);
            try {
                return Integer.parseInt(v);
            } catch (NumberFormatException e) {
                throw error(what + " is not an integer: '" + abbreviate(v) + "'");
            }
        }

        private void skipPast(char c, String what) {
            while (pos < b.length && b[pos] != c) pos++;
            if (pos >= b.length) throw error("file ends before the '" + c + "' that starts " + what + " (truncated?)");
            pos++;
        }

        private double[] doubles(int count, String what) {
            long need = 8L * count;
            if (pos + need > b.length) {
                throw error(what + " needs " + need + " bytes (" + count + " doubles) but only " + (b.length - pos)
                    + " remain: the file is truncated or the active set does not belong to this potential ("
                    + model.coefficientCount() + " coefficients)");
            }
            double[] out = new double[count];
            ByteBuffer.wrap(b, pos, (int) need).order(ByteOrder.LITTLE_ENDIAN).asDoubleBuffer().get(out);
            pos += (int) need;
            for (int i = 0; i < count; i++) {
                if (!Double.isFinite(out[i])) throw error(what + " element " + i + " is not finite");
            }
            return out;
        }

        private int checkedSize() {
            if (!model.isTrained()) {
                throw new FormatException(source, 0, "an active set needs a trained potential, but the potential has no coefficients");
            }
            return model.coefficientCount();
        }

        ActiveSet readMvs() {
            int n = checkedSize();
            double e = namedReal("energy_weight");
            double f = namedReal("force_weight");
            double s = namedReal("stress_weight");
            double w = namedReal("site_en_weight");
            String key = token("'weight_scaling'");
            if (!key.equals("weight_scaling")) throw error("expected 'weight_scaling', found '" + abbreviate(key) + "'");
            int p = integer("weight_scaling");
            skipPast('#', "the matrices");
            double[] a = doubles(n * n, "matrix A");
            double[] inv = doubles(n * n, "matrix invA");
            skipPast('#', "the row links");
            int[] cfg = new int[n], eqn = new int[n];
            for (int r = 0; r < n; r++) {
                cfg[r] = integer("the configuration of active-set row " + r);
                eqn[r] = integer("the equation of active-set row " + r);
            }
            skipPast('#', "the selected configurations");
            String rest = new String(b, pos, b.length - pos, StandardCharsets.UTF_8);
            return new ActiveSet(ActiveSet.Format.MLIP3_MVS, e, f, s, w, p, n, a, inv, cfg, eqn, rest);
        }

        ActiveSet readAls() {
            int n = checkedSize();
            double[] weights = doubles(4, "the selection weights");
            skipPast('#', "the matrices");
            double[] a = doubles(n * n, "matrix A");
            double[] inv = doubles(n * n, "matrix invA");
            int[] cfg = new int[n], eqn = new int[n];
            for (int r = 0; r < n; r++) {
                int row = integer("the row number of link " + r);
                if (row != r) throw error("active-set link " + r + " names row " + row);
                cfg[r] = integer("the configuration of active-set row " + r);
                eqn[r] = -1;
            }
            String rest = new String(b, pos, b.length - pos, StandardCharsets.UTF_8);
            // MLIP-2 order: site, energy, force, stress; its default energy weighting divides by N
            return new ActiveSet(ActiveSet.Format.MLIP2_ALS, weights[1], weights[2], weights[3], weights[0], 2, n, a, inv,
                cfg, eqn, rest);
        }
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 37) + "..." : s;
    }
}
