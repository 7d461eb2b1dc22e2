package io.ionstream.engine.io.mlip;

import io.ionstream.engine.system.AtomSystem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes MLIP {@code .cfg} text: cell, atoms (Cartesian, in the file's frame), forces, energy,
 * PlusStress, extra per-atom columns and features, every real number with 17 significant digits
 * so that reading the file back gives identical doubles (like MLIP's "no loss" saving).
 */
public final class MlipCfgWriter {
    private MlipCfgWriter() {}

    public static void writeAll(Path file, List<MlipConfiguration> cfgs) {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (MlipConfiguration c : cfgs) write(w, c);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    public static void write(Writer w, MlipConfiguration c) throws IOException {
        AtomSystem sys = c.system();
        int n = sys.size();
        StringBuilder sb = new StringBuilder(256);
        sb.append("BEGIN_CFG\n Size\n    ").append(n).append('\n');
        double[][] lat = c.lattice();
        if (lat != null) {
            sb.append(" Supercell\n");
            for (double[] row : lat) sb.append("    ").append(num(row[0])).append(' ').append(num(row[1])).append(' ').append(num(row[2])).append('\n');
        }
        double[] x = java.util.Arrays.copyOf(sys.x(), 3 * n);
        c.toFileFrame(x, n);
        double[] f = c.forces();
        Map<String, double[]> cols = c.atomColumns();
        sb.append(" AtomData:  id type cartes_x cartes_y cartes_z");
        if (f != null) sb.append(" fx fy fz");
        for (String name : cols.keySet()) sb.append(' ').append(name);
        sb.append('\n');
        w.append(sb);
        long[] id = sys.id();
        int[] type = sys.type();
        for (int i = 0; i < n; i++) {
            sb.setLength(0);
            sb.append("    ").append(id[i]).append(' ').append(type[i]);
            for (int d = 0; d < 3; d++) sb.append(' ').append(num(x[3 * i + d]));
            if (f != null) for (int d = 0; d < 3; d++) sb.append(' ').append(num(f[3 * i + d]));
            for (double[] col : cols.values()) sb.append(' ').append(num(col[i]));
            sb.append('\n');
            w.append(sb);
        }
        sb.setLength(0);
        if (c.hasEnergy()) sb.append(" Energy\n    ").append(num(c.energy())).append('\n');
        double[] s = c.plusStress();
        if (s != null) {
            sb.append(" PlusStress:  xx yy zz yz xz xy\n   ");
            for (double v : s) sb.append(' ').append(num(v));
            sb.append('\n');
        }
        for (Map.Entry<String, String> e : c.features().entrySet()) {
            for (String value : e.getValue().split("\n", -1)) {
                sb.append(" Feature   ").append(e.getKey()).append('\t').append(value).append('\n');
            }
        }
        sb.append("END_CFG\n\n");
        w.append(sb);
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.16e", v);
    }
}
