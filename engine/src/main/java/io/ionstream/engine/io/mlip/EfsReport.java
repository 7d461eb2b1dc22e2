package io.ionstream.engine.io.mlip;

import io.ionstream.engine.io.CNumberFormat;
import io.ionstream.engine.io.FormatException;
import io.ionstream.engine.io.LineReader;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The plain-text energy/force/stress report of {@code ../shared/mtp-reference/golden_*.txt}, which
 * {@code bin/ionstream efs} writes so that its output can be diffed against MLIP's. One block per
 * configuration:
 *
 * <pre>
 * CFG k natoms N
 * ENERGY E
 * REF_ENERGY Eref                                (only when the .cfg carried an energy)
 * ATOM id type t site_en Vi F fx fy fz           (one per atom, in file order)
 * STRESS(xx yy zz yz xz xy, energy units = -dE/dstrain ... as mlp prints PlusStress) ...
 * </pre>
 *
 * Numbers are C's {@code %.17g} (see {@link CNumberFormat}); the stress is MLIP's PlusStress, the
 * virial W = −dE/dε in eV.
 */
public final class EfsReport {
    /** The stress line's fixed prefix. */
    public static final String STRESS_HEADER =
        "STRESS(xx yy zz yz xz xy, energy units = -dE/dstrain ... as mlp prints PlusStress)";

    /**
     * One configuration's block.
     *
     * @param refEnergy  NaN when absent
     * @param forces     interleaved (file frame)
     * @param plusStress xx yy zz yz xz xy
     */
    public record Block(int index, double energy, double refEnergy, long[] ids, int[] types, double[] siteEnergies,
                        double[] forces, double[] plusStress) {
        public int atoms() { return ids.length; }
    }

    private EfsReport() {}

    public static void write(Appendable out, Block b) {
        try {
            out.append("CFG ").append(Integer.toString(b.index)).append(" natoms ")
                .append(Integer.toString(b.atoms())).append('\n');
            out.append("ENERGY ").append(CNumberFormat.g17(b.energy)).append('\n');
            if (!Double.isNaN(b.refEnergy)) out.append("REF_ENERGY ").append(CNumberFormat.g17(b.refEnergy)).append('\n');
            StringBuilder sb = new StringBuilder(120);
            for (int i = 0; i < b.atoms(); i++) {
                sb.setLength(0);
                sb.append("ATOM ").append(b.ids[i]).append(" type ").append(b.types[i])
                    .append(" site_en ").append(CNumberFormat.g17(b.siteEnergies[i]))
                    .append(" F ").append(CNumberFormat.g17(b.forces[3 * i]))
                    .append(' ').append(CNumberFormat.g17(b.forces[3 * i + 1]))
                    .append(' ').append(CNumberFormat.g17(b.forces[3 * i + 2])).append('\n');
                out.append(sb);
            }
            out.append(STRESS_HEADER);
            for (double v : b.plusStress) out.append(' ').append(CNumberFormat.g17(v));
            out.append('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<Block> read(Path file) {
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(r, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    public static List<Block> read(BufferedReader reader, String source) {
        LineReader in = new LineReader(reader, source);
        List<Block> blocks = new ArrayList<>();
        String s;
        while ((s = in.nextContent(false)) != null) {
            String[] f = LineReader.fields(s);
            if (f.length != 4 || !f[0].equals("CFG") || !f[2].equals("natoms")) {
                throw in.error("expected 'CFG k natoms N', found '" + s.strip() + "'");
            }
            int index = in.parseInt(f[1], "configuration index");
            int n = in.parseInt(f[3], "number of atoms");
            if (n < 0) throw in.error("negative number of atoms");
            String[] e = LineReader.fields(in.require("ENERGY"));
            if (e.length != 2 || !e[0].equals("ENERGY")) throw in.error("expected 'ENERGY E'");
            double energy = in.parseDouble(e[1], "energy");
            double ref = Double.NaN;
            String next = in.require("ATOM or REF_ENERGY");
            if (next.startsWith("REF_ENERGY")) {
                String[] r = LineReader.fields(next);
                if (r.length != 2) throw in.error("expected 'REF_ENERGY E'");
                ref = in.parseDouble(r[1], "reference energy");
                next = null;
            }
            long[] ids = new long[n];
            int[] types = new int[n];
            double[] se = new double[n], fo = new double[3 * n];
            for (int i = 0; i < n; i++) {
                String line = next != null ? next : in.require("ATOM line " + (i + 1) + " of " + n);
                next = null;
                String[] a = LineReader.fields(line);
                if (a.length != 10 || !a[0].equals("ATOM") || !a[2].equals("type") || !a[4].equals("site_en") || !a[6].equals("F")) {
                    throw in.error("expected 'ATOM id type t site_en V F fx fy fz', found '" + line.strip() + "'");
                }
                ids[i] = in.parseLong(a[1], "atom id");
                types[i] = in.parseInt(a[3], "atom type");
                se[i] = in.parseDouble(a[5], "site energy");
                for (int d = 0; d < 3; d++) fo[3 * i + d] = in.parseDouble(a[7 + d], "force");
            }
            String st = next != null ? next : in.require("the STRESS line");
            if (!st.startsWith(STRESS_HEADER)) throw in.error("expected the STRESS line");
            String[] v = LineReader.fields(st.substring(STRESS_HEADER.length()));
            if (v.length != 6) throw in.error("STRESS needs 6 values, found " + v.length);
            double[] ps = new double[6];
            for (int k = 0; k < 6; k++) ps[k] = in.parseDouble(v[k], "stress");
            blocks.add(new Block(index, energy, ref, ids, types, se, fo, ps));
        }
        if (blocks.isEmpty()) throw new FormatException(source, 0, "no CFG blocks");
        return blocks;
    }
}
