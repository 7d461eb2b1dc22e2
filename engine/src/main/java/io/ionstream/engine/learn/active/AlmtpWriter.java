package io.ionstream.engine.learn.active;

import io.ionstream.engine.io.mlip.MlipCfgWriter;
import io.ionstream.engine.io.mlip.MlipConfiguration;
import io.ionstream.engine.potential.mtp.MtpModel;
import io.ionstream.engine.potential.mtp.MtpWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes a potential with its neighbourhood active set as an MLIP-3 {@code .almtp} file (the
 * layout of docs/architecture.md, "Active sets and extrapolation grades"): the {@code .mtp} text,
 * {@code #MVS_v1.1}, the selection weights (site energies only), {@code weight_scaling 2},
 * {@code #}, A and the stored inverse (element [k][j] = (A⁻¹)[j][k]) as n·n little-endian
 * doubles each, {@code \n#\n}, one "cfg eqn" line per row (eqn = 1 + 3N + 9 + atom, MLIP's number
 * of a site-energy equation; {@code -1 -1} for initial rows), {@code #} and the configurations
 * that own rows, as {@code .cfg} text.
 */
public final class AlmtpWriter {
    private AlmtpWriter() {}

    /** {@code configs} are the configurations the set's row indices refer to (in that order). */
    public static void write(Path file, MtpModel model, MaxVol set, List<MlipConfiguration> configs) {
        try {
            Files.write(file, bytes(model, set, configs));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    public static byte[] bytes(MtpModel model, MaxVol set, List<MlipConfiguration> configs) {
        int n = set.size();
        if (n != model.coefficientCount()) {
            throw new IllegalArgumentException("the active set has " + n + " rows, the potential " + model.coefficientCount()
                + " coefficients");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            out.write(MtpWriter.toText(model).getBytes(StandardCharsets.UTF_8));
            out.write(("#MVS_v1.1\nenergy_weight " + num(0) + "\nforce_weight " + num(0) + "\nstress_weight " + num(0)
                + "\nsite_en_weight " + num(1) + "\nweight_scaling 2\n#").getBytes(StandardCharsets.US_ASCII));
            double[] a = set.matrix(), inv = set.inverse();
            ByteBuffer buf = ByteBuffer.allocate(16 * n * n).order(ByteOrder.LITTLE_ENDIAN);
            for (double v : a) buf.putDouble(v);
            for (int k = 0; k < n; k++) for (int j = 0; j < n; j++) buf.putDouble(inv[j * n + k]);
            out.write(buf.array());
            StringBuilder sb = new StringBuilder("\n#\n");
            for (int k = 0; k < n; k++) {
                int c = set.configurationOf(k);
                if (c < 0) {
                    sb.append("-1 -1\n");
                } else {
                    if (c >= configs.size()) throw new IllegalArgumentException("active-set row " + k + " refers to configuration " + c);
                    int atoms = configs.get(c).size();
                    sb.append(c).append(' ').append(1 + 3 * atoms + 9 + set.atomOf(k)).append('\n');
                }
            }
            sb.append("#\n");
            out.write(sb.toString().getBytes(StandardCharsets.US_ASCII));
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            for (MlipConfiguration c : configs) MlipCfgWriter.write(w, c);
            w.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static String num(double v) {
        return String.format(java.util.Locale.ROOT, "%.16e", v);
    }
}
