package io.ionstream.engine.analysis.external;

import io.ionstream.engine.io.FormatException;
import io.ionstream.engine.io.TrajectoryFrame;
import io.ionstream.engine.io.TrajectoryReader;
import io.ionstream.engine.system.Box;
import io.ionstream.engine.system.SpeciesTable;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Minimal reader of gzip-compressed VASP 5 XDATCAR files (fixed cell, header once), only so that
 * the analysis can be tested on the external AIMD trajectories before the engine.io readers of
 * the formats work are merged; to be replaced by {@code TrajectoryFiles.open} then.
 */
final class XdatcarStandIn implements TrajectoryReader {
    private final BufferedReader in;
    private final String source;
    private final Box box;
    private final SpeciesTable species;
    private final int[] type;
    private final long[] id;
    private int line;

    XdatcarStandIn(Path file) {
        try {
            in = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.US_ASCII));
            source = file.toString();
            line();
            double scale = Double.parseDouble(line().strip());
            double[][] abc = new double[3][3];
            for (int r = 0; r < 3; r++) {
                String[] f = line().strip().split("\\s+");
                for (int c = 0; c < 3; c++) abc[r][c] = scale * Double.parseDouble(f[c]);
            }
            box = Box.fromLatticeVectors(abc, null);
            String[] names = line().strip().split("\\s+");
            String[] counts = line().strip().split("\\s+");
            species = SpeciesTable.of(names);
            int n = 0;
            for (String c : counts) n += Integer.parseInt(c);
            type = new int[n];
            id = new long[n];
            for (int t = 0, k = 0; t < counts.length; t++) {
                for (int j = 0; j < Integer.parseInt(counts[t]); j++, k++) {
                    type[k] = t;
                    id[k] = k + 1;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String line() throws IOException {
        line++;
        String s = in.readLine();
        if (s == null) throw new FormatException(source, line, "unexpected end of file");
        return s;
    }

    @Override
    public TrajectoryFrame next() {
        try {
            String head = in.readLine();
            line++;
            if (head == null || head.isBlank()) return null;
            if (!head.strip().startsWith("Direct")) throw new FormatException(source, line, "expected 'Direct configuration='");
            int step = Integer.parseInt(head.substring(head.indexOf('=') + 1).strip());
            double[] x = new double[3 * type.length];
            for (int i = 0; i < type.length; i++) {
                String[] f = line().strip().split("\\s+");
                box.toCartesian(Double.parseDouble(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2]), x, 3 * i);
            }
            return new TrajectoryFrame(step, Double.NaN, box, species, type, id, x, false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
