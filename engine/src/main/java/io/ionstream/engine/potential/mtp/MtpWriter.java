package io.ionstream.engine.potential.mtp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Writes an {@link MtpModel} as an MLIP {@code .mtp} file, in MLIP's own layout, with every real
 * number at 17 significant digits: reading the file back gives a bit-identical model (MLIP's own
 * writer keeps 16 digits, which is not always enough).
 */
public final class MtpWriter {
    private MtpWriter() {}

    public static void write(Path file, MtpModel m) {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(toText(m));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    public static String toText(MtpModel m) {
        StringBuilder sb = new StringBuilder(4096);
        sb.append("MTP\n");
        sb.append("version = ").append(m.version()).append('\n');
        sb.append("potential_name = ").append(m.potentialName()).append('\n');
        if (m.scalingGiven()) sb.append("scaling = ").append(num(m.scaling())).append('\n');
        sb.append("species_count = ").append(m.speciesCount()).append('\n');
        sb.append("potential_tag = ").append(m.potentialTag()).append('\n');
        sb.append("radial_basis_type = ").append(m.basisType().mlipName()).append('\n');
        if (m.basisScalingGiven()) sb.append("\tscaling = ").append(num(m.basisScaling())).append('\n');
        sb.append("\tmin_dist = ").append(num(m.minDist())).append('\n');
        sb.append("\tmax_dist = ").append(num(m.maxDist())).append('\n');
        sb.append("\tradial_basis_size = ").append(m.basisSize()).append('\n');
        sb.append("\tradial_funcs_count = ").append(m.radialFuncs()).append('\n');
        if (m.hasRadialCoeffs()) {
            double[] c = m.radialCoeffs();
            int s = m.speciesCount(), k = m.radialFuncs(), r = m.basisSize();
            sb.append("\tradial_coeffs\n");
            for (int blk = 0; blk < s * s; blk++) {
                sb.append("\t\t").append(blk / s).append('-').append(blk % s).append('\n');
                for (int mu = 0; mu < k; mu++) {
                    sb.append("\t\t\t");
                    list(sb, c, (blk * k + mu) * r, r);
                    sb.append('\n');
                }
            }
        }
        sb.append("alpha_moments_count = ").append(m.momentsCount()).append('\n');
        sb.append("alpha_index_basic_count = ").append(m.basicCount()).append('\n');
        sb.append("alpha_index_basic = ");
        quads(sb, m.alphaIndexBasic());
        sb.append("alpha_index_times_count = ").append(m.timesCount()).append('\n');
        sb.append("alpha_index_times = ");
        quads(sb, m.alphaIndexTimes());
        sb.append("alpha_scalar_moments = ").append(m.scalarMoments()).append('\n');
        sb.append("alpha_moment_mapping = {");
        int[] map = m.alphaMomentMapping();
        for (int i = 0; i < map.length; i++) sb.append(i == 0 ? "" : ", ").append(map[i]);
        sb.append("}\n");
        if (m.hasSpeciesCoeffs()) {
            sb.append("species_coeffs = ");
            double[] v = m.speciesCoeffs();
            list(sb, v, 0, v.length);
            sb.append('\n');
        }
        if (m.hasMomentCoeffs()) {
            sb.append("moment_coeffs = ");
            double[] v = m.momentCoeffs();
            list(sb, v, 0, v.length);
            sb.append('\n');
        }
        return sb.toString();
    }

    private static void list(StringBuilder sb, double[] v, int from, int count) {
        sb.append('{');
        for (int i = 0; i < count; i++) sb.append(i == 0 ? "" : ", ").append(num(v[from + i]));
        sb.append('}');
    }

    private static void quads(StringBuilder sb, int[] q) {
        sb.append('{');
        for (int i = 0; i < q.length / 4; i++) {
            sb.append(i == 0 ? "{" : ", {").append(q[4 * i]).append(", ").append(q[4 * i + 1]).append(", ")
                .append(q[4 * i + 2]).append(", ").append(q[4 * i + 3]).append('}');
        }
        sb.append("}\n");
    }

    /** 17 significant digits: always enough to read back the same double. */
    static String num(double v) {
        return String.format(Locale.ROOT, "%.16e", v);
    }
}
