package io.ionstream.engine.fe.micro;

import io.ionstream.engine.io.FormatException;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The ionstream voxel microstructure file: a short text header, then the grain id of every
 * voxel as little-endian binary, x fastest, then y, then z. The whole file may be gzip-compressed
 * (detected from its first bytes).
 * <pre>
 * ionstream-voxels 1
 * grid 64 64 64            (cubic grids only)
 * voxel_nm 1.5625          (voxel edge; cell side = grid × voxel_nm)
 * grains 8                 (ids are 0 .. grains−1)
 * encoding uint8           (uint8 | uint16 | int32, little-endian)
 * origin free text         (optional, provenance)
 * seed 0 12.5 3.1 40.0     (optional, one per grain: Voronoi seed in nm; then the boundaries are
 *                           the exact bisector planes and the ids must match the seeds)
 * data
 * &lt;grid³ ids&gt;
 * </pre>
 * Without seed lines the boundaries are fitted to the voxel faces shared by each pair of grains.
 */
public final class VoxelFile {
    public static final String MAGIC = "ionstream-voxels 1";

    /** What a file holds. {@code seeds} are fractional (unit cube) or null. */
    public record Contents(int grid, double voxelNm, int grains, int[] labels, double[] seeds, String origin) {
        public double cellNm() { return grid * voxelNm; }

        /** The polycrystal: exact Voronoi boundaries when seeds are given, fitted planes otherwise. */
        public Polycrystal toPolycrystal(String source, int threads) {
            if (seeds != null) {
                Polycrystal pc = PolycrystalBuilder.fromSeeds(seeds, grid, cellNm(), threads, origin);
                int[] mine = pc.labels();
                long differ = 0;
                int first = -1;
                for (int v = 0; v < mine.length; v++)
                    if (mine[v] != labels[v]) {
                        differ++;
                        if (first < 0) first = v;
                    }
                if (differ > 0)
                    throw new FormatException(source, 0, differ + " voxel ids disagree with the Voronoi cells of the seed lines (first: voxel " + first + ")");
                return pc;
            }
            return PolycrystalBuilder.fromLabels(labels, grid, grains, cellNm(), threads, origin);
        }
    }

    private VoxelFile() {}

    public static void write(Polycrystal pc, Path file, boolean gzip) throws IOException {
        int grains = pc.grains();
        String enc = grains <= 256 ? "uint8" : grains <= 65536 ? "uint16" : "int32";
        StringBuilder h = new StringBuilder();
        h.append(MAGIC).append('\n');
        h.append("grid ").append(pc.grid()).append(' ').append(pc.grid()).append(' ').append(pc.grid()).append('\n');
        h.append(String.format(Locale.ROOT, "voxel_nm %.17g%n", pc.voxelNm()));
        h.append("grains ").append(grains).append('\n');
        h.append("encoding ").append(enc).append('\n');
        h.append("origin ").append(pc.origin().replace('\n', ' ')).append('\n');
        double[] seeds = pc.seeds();
        if (seeds != null)
            for (int g = 0; g < grains; g++)
                h.append(String.format(Locale.ROOT, "seed %d %.17g %.17g %.17g%n", g, seeds[3 * g] * pc.cellNm(),
                    seeds[3 * g + 1] * pc.cellNm(), seeds[3 * g + 2] * pc.cellNm()));
        h.append("data\n");
        if (file.getParent() != null) Files.createDirectories(file.getParent());
        try (OutputStream raw = Files.newOutputStream(file);
             OutputStream os = new BufferedOutputStream(gzip ? new GZIPOutputStream(raw, 1 << 16) : raw, 1 << 16);
             DataOutputStream out = new DataOutputStream(os)) {
            out.write(h.toString().getBytes(StandardCharsets.US_ASCII));
            int[] labels = pc.labels();
            int width = enc.equals("uint8") ? 1 : enc.equals("uint16") ? 2 : 4;
            ByteBuffer buf = ByteBuffer.allocate(width * 8192).order(ByteOrder.LITTLE_ENDIAN);
            for (int v = 0; v < labels.length; v++) {
                if (width == 1) buf.put((byte) labels[v]);
                else if (width == 2) buf.putShort((short) labels[v]);
                else buf.putInt(labels[v]);
                if (!buf.hasRemaining()) {
                    out.write(buf.array(), 0, buf.position());
                    buf.clear();
                }
            }
            out.write(buf.array(), 0, buf.position());
        }
    }

    public static Contents read(Path file) throws IOException {
        String src = file.toString();
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            raw.mark(2);
            int b0 = raw.read(), b1 = raw.read();
            raw.reset();
            InputStream in = (b0 == 0x1f && b1 == 0x8b) ? new BufferedInputStream(new GZIPInputStream(raw, 1 << 16), 1 << 16) : raw;
            return read(in, src);
        }
    }

    static Contents read(InputStream in, String src) throws IOException {
        int line = 0;
        String first = readLine(in, src, ++line);
        if (!MAGIC.equals(first)) throw new FormatException(src, line, "not an ionstream voxel file (first line must be '" + MAGIC + "')");
        int grid = -1, grains = -1;
        double voxelNm = Double.NaN;
        String enc = null, origin = src;
        double[] seedNm = null;
        boolean[] seen = null;
        while (true) {
            String l = readLine(in, src, ++line).strip();
            if (l.isEmpty() || l.startsWith("#")) continue;
            if (l.equals("data")) break;
            String[] t = l.split("\\s+");
            try {
                switch (t[0]) {
                    case "grid" -> {
                        need(t, 4, src, line);
                        int a = Integer.parseInt(t[1]), b = Integer.parseInt(t[2]), c = Integer.parseInt(t[3]);
                        if (a != b || b != c) throw new FormatException(src, line, "only cubic grids are supported, got " + a + "×" + b + "×" + c);
                        if (a < 2 || (long) a * a * a > Integer.MAX_VALUE - 8) throw new FormatException(src, line, "grid " + a + " out of range (2..1290)");
                        grid = a;
                    }
                    case "voxel_nm" -> {
                        need(t, 2, src, line);
                        voxelNm = Double.parseDouble(t[1]);
                        if (!(voxelNm > 0) || !Double.isFinite(voxelNm)) throw new FormatException(src, line, "voxel_nm must be positive, got " + t[1]);
                    }
                    case "grains" -> {
                        need(t, 2, src, line);
                        grains = Integer.parseInt(t[1]);
                        if (grains < 1) throw new FormatException(src, line, "grains must be ≥ 1, got " + grains);
                    }
                    case "encoding" -> {
                        need(t, 2, src, line);
                        enc = t[1];
                        if (!enc.equals("uint8") && !enc.equals("uint16") && !enc.equals("int32"))
                            throw new FormatException(src, line, "unknown encoding '" + enc + "' (uint8, uint16 or int32)");
                    }
                    case "origin" -> origin = l.substring(6).strip();
                    case "seed" -> {
                        need(t, 5, src, line);
                        if (grains < 0) throw new FormatException(src, line, "seed lines must follow the grains line");
                        if (seedNm == null) {
                            seedNm = new double[3 * grains];
                            seen = new boolean[grains];
                        }
                        int g = Integer.parseInt(t[1]);
                        if (g < 0 || g >= grains) throw new FormatException(src, line, "seed index " + g + " outside 0.." + (grains - 1));
                        if (seen[g]) throw new FormatException(src, line, "seed " + g + " given twice");
                        seen[g] = true;
                        for (int a = 0; a < 3; a++) {
                            seedNm[3 * g + a] = Double.parseDouble(t[2 + a]);
                            if (!Double.isFinite(seedNm[3 * g + a])) throw new FormatException(src, line, "seed " + g + " has a non-finite coordinate");
                        }
                    }
                    default -> throw new FormatException(src, line, "unknown header keyword '" + t[0] + "'");
                }
            } catch (NumberFormatException e) {
                throw new FormatException(src, line, "bad number in '" + l + "'");
            }
        }
        if (grid < 0) throw new FormatException(src, line, "header lacks the grid line");
        if (Double.isNaN(voxelNm)) throw new FormatException(src, line, "header lacks the voxel_nm line");
        if (grains < 0) throw new FormatException(src, line, "header lacks the grains line");
        if (enc == null) throw new FormatException(src, line, "header lacks the encoding line");
        double[] frac = null;
        if (seedNm != null) {
            for (int g = 0; g < grains; g++) if (!seen[g]) throw new FormatException(src, line, "seed line missing for grain " + g);
            double cell = grid * voxelNm;
            frac = new double[seedNm.length];
            for (int i = 0; i < frac.length; i++) {
                double f = seedNm[i] / cell;
                frac[i] = f - Math.floor(f);
            }
        }
        int width = enc.equals("uint8") ? 1 : enc.equals("uint16") ? 2 : 4;
        int n = grid * grid * grid;
        int[] labels = new int[n];
        byte[] chunk = new byte[width * 8192];
        int v = 0;
        while (v < n) {
            int want = Math.min(8192, n - v) * width;
            readFully(in, chunk, want, src, v);
            ByteBuffer bb = ByteBuffer.wrap(chunk, 0, want).order(ByteOrder.LITTLE_ENDIAN);
            for (int q = 0; q < want / width; q++, v++) {
                int id = width == 1 ? Byte.toUnsignedInt(bb.get()) : width == 2 ? Short.toUnsignedInt(bb.getShort()) : bb.getInt();
                if (id < 0 || id >= grains) throw new FormatException(src, 0, "voxel " + v + " has grain id " + id + " outside 0.." + (grains - 1));
                labels[v] = id;
            }
        }
        if (in.read() >= 0) throw new FormatException(src, 0, "trailing bytes after " + n + " voxels");
        return new Contents(grid, voxelNm, grains, labels, frac, origin);
    }

    private static void need(String[] t, int count, String src, int line) {
        if (t.length != count) throw new FormatException(src, line, "'" + t[0] + "' expects " + (count - 1) + " value(s)");
    }

    private static String readLine(InputStream in, String src, int line) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        while (true) {
            int c = in.read();
            if (c < 0) throw new FormatException(src, line, "file ends inside the header (no 'data' line)");
            if (c == '\n') break;
            if (b.size() > 4096) throw new FormatException(src, line, "header line too long (binary data before 'data'?)");
            b.write(c);
        }
        return b.toString(StandardCharsets.US_ASCII).replace("\r", "");
    }

    private static void readFully(InputStream in, byte[] buf, int len, String src, int voxel) throws IOException {
        int off = 0;
        while (off < len) {
            int r = in.read(buf, off, len - off);
            if (r < 0) throw new FormatException(src, 0, "file ends after voxel " + voxel + " of the data (truncated?)", new EOFException());
            off += r;
        }
    }
}
