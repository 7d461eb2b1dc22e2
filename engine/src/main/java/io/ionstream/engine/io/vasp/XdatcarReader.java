package io.ionstream.engine.io.vasp;

import io.ionstream.engine.io.CellFrame;
import io.ionstream.engine.io.FormatException;
import io.ionstream.engine.io.LineReader;
import io.ionstream.engine.io.SpeciesNames;
import io.ionstream.engine.io.TextFiles;
import io.ionstream.engine.io.TrajectoryFrame;
import io.ionstream.engine.io.TrajectoryReader;
import io.ionstream.engine.system.Box;
import io.ionstream.engine.system.SpeciesTable;
import java.io.BufferedReader;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * VASP 5 XDATCAR trajectories (plain or {@code .gz}): one header, then blocks that start with
 * {@code Direct configuration= N} (or {@code Cartesian configuration= N}); in variable-cell runs
 * every block is preceded by its own header, whose species and counts must match the first.
 *
 * <p>Frames: step = N (the ionic step VASP wrote), time NaN (XDATCAR does not record the time
 * step), ids 1..n in file order, positions as written, i.e. wrapped into the cell
 * ({@code unwrapped = false}: unwrap from consecutive frames).
 */
public final class XdatcarReader implements TrajectoryReader {
    private final LineReader in;
    private final String source;
    private final String[] callerSpecies;
    private VaspHeader header;
    private CellFrame cell;
    private SpeciesTable species;
    private int[] blockTypes;

    public XdatcarReader(BufferedReader reader, String source, String[] species) {
        this.in = new LineReader(reader, source);
        this.source = source;
        this.callerSpecies = species == null ? null : species.clone();
    }

    public static XdatcarReader open(Path file, String[] species) {
        return new XdatcarReader(TextFiles.reader(file), file.toString(), species);
    }

    /** The species table (null before the first frame). */
    public SpeciesTable species() {
        return species;
    }

    @Override
    public TrajectoryFrame next() {
        if (header == null) {
            String comment = in.next();
            if (comment == null) throw new FormatException(source, 1, "empty file: expected an XDATCAR header");
            readHeader(comment);
        }
        String s = in.nextContent(false);
        if (s == null) return null;
        if (!isConfigurationLine(s)) {
            // variable-cell XDATCAR: a full header before each configuration
            readHeader(s);
            s = in.require("'Direct configuration= N'");
            if (!isConfigurationLine(s)) throw in.error("expected 'Direct configuration= N' after the header, found '" + abbreviate(s) + "'");
        }
        boolean cartesian = s.strip().toLowerCase(Locale.ROOT).startsWith("cartesian");
        long step = configurationNumber(s);
        int n = header.atoms;
        Box box = cell.box();
        // grown as lines arrive: a corrupt count must not allocate anything up front
        int cap = Math.min(n, 4096);
        double[] x = new double[3 * cap];
        int[] type = new int[cap];
        double[] p = new double[3];
        int block = 0, left = header.counts[0];
        for (int i = 0; i < n; i++) {
            if (i == cap) {
                cap = (int) Math.min(n, 2L * cap);
                x = Arrays.copyOf(x, 3 * cap);
                type = Arrays.copyOf(type, cap);
            }
            while (left == 0) left = header.counts[++block];
            left--;
            type[i] = blockTypes[block];
            String[] f = LineReader.fields(in.require("the position of atom " + (i + 1) + " of " + n + " in configuration " + step));
            if (f.length < 3) throw in.error("a position needs 3 numbers, found " + f.length);
            for (int d = 0; d < 3; d++) p[d] = in.parseDouble(f[d], "coordinate");
            if (cartesian) {
                for (int d = 0; d < 3; d++) p[d] *= header.scale[d];
                cell.rotate(p, 1);
                System.arraycopy(p, 0, x, 3 * i, 3);
            } else {
                box.toCartesian(p[0], p[1], p[2], x, 3 * i);
            }
            for (int d = 0; d < 3; d++) {
                if (!Double.isFinite(x[3 * i + d])) throw in.error("atom " + (i + 1) + " has a position out of range");
            }
        }
        long[] id = new long[n];
        for (int i = 0; i < n; i++) id[i] = i + 1;
        return new TrajectoryFrame(step, Double.NaN, box.copy(), species, type, id, x, false);
    }

    private void readHeader(String comment) {
        VaspHeader h = VaspHeader.read(in, comment, callerSpecies);
        if (header == null) {
            species = h.species(callerSpecies, source);
            blockTypes = new int[h.counts.length];
            for (int b = 0; b < h.counts.length; b++) {
                blockTypes[b] = SpeciesNames.typeOf(species, h.blockNames[b], source, h.firstLine + 5);
            }
        } else if (!h.sameAtoms(header)) {
            throw new FormatException(source, h.firstLine, "this header's species or counts differ from the first header's");
        }
        header = h;
        cell = h.cell(source);
    }

    private static boolean isConfigurationLine(String s) {
        String t = s.strip().toLowerCase(Locale.ROOT);
        return (t.startsWith("direct configuration") || t.startsWith("cartesian configuration")) && t.indexOf('=') > 0;
    }

    private long configurationNumber(String s) {
        String t = s.substring(s.indexOf('=') + 1).strip();
        String[] f = LineReader.fields(t);
        if (f.length == 0) throw in.error("configuration line has no number after '='");
        return in.parseLong(f[0], "configuration number");
    }

    private static String abbreviate(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "…" : s;
    }

    @Override
    public void close() {
        in.close();
    }
}
