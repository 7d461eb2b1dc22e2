package io.ionstream.engine.io;

import io.ionstream.engine.system.Box;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads LAMMPS text dumps ({@code dump custom} / {@code dump atom}) frame by frame, orthorhombic
 * or triclinic ("BOX BOUNDS xy xz yz"), with any columns.
 */
public final class LammpsDumpReader implements AutoCloseable {
    private final LineReader in;

    public LammpsDumpReader(BufferedReader reader, String source) {
        this.in = new LineReader(reader, source);
    }

    public static LammpsDumpReader open(Path file) {
        try {
            return new LammpsDumpReader(Files.newBufferedReader(file, StandardCharsets.UTF_8), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** All frames of a file. */
    public static List<DumpFrame> readAll(Path file) {
        List<DumpFrame> frames = new ArrayList<>();
        try (LammpsDumpReader r = open(file)) {
            DumpFrame f;
            while ((f = r.next()) != null) frames.add(f);
        }
        return frames;
    }

    /** The next frame, or null at the end of the file. */
    public DumpFrame next() {
        String s = in.nextContent(false);
        if (s == null) return null;
        expect(s, "ITEM: TIMESTEP");
        long step = in.parseLong(LineReader.fields(in.require("the timestep"))[0], "timestep");
        expect(in.require("ITEM: NUMBER OF ATOMS"), "ITEM: NUMBER OF ATOMS");
        String[] nf = LineReader.fields(in.require("the number of atoms"));
        if (nf.length == 0) throw in.error("missing number of atoms");
        long n = in.parseLong(nf[0], "number of atoms");
        if (n < 0 || n > 200_000_000L) throw in.error("number of atoms out of range: " + n);
        String boxLine = in.require("ITEM: BOX BOUNDS");
        expect(boxLine, "ITEM: BOX BOUNDS");
        boolean triclinic = boxLine.contains("xy xz yz");
        double[][] b = new double[3][3];
        for (int d = 0; d < 3; d++) {
            String[] f = LineReader.fields(in.require("box bounds"));
            int need = triclinic ? 3 : 2;
            if (f.length < need) throw in.error("box bounds line needs " + need + " numbers, found " + f.length);
            for (int k = 0; k < need; k++) b[d][k] = in.parseDouble(f[k], "box bound");
        }
        Box box = triclinic ? triclinicBox(b) : orthoBox(b);
        String atomsLine = in.require("ITEM: ATOMS");
        expect(atomsLine, "ITEM: ATOMS");
        String[] cols = LineReader.fields(atomsLine.strip().substring("ITEM: ATOMS".length()));
        if (cols.length == 0) throw in.error("ITEM: ATOMS names no columns");
        int atoms = (int) n;
        double[] values = new double[atoms * cols.length];
        for (int i = 0; i < atoms; i++) {
            String line = in.require("atom line " + (i + 1) + " of " + atoms);
            String[] f = LineReader.fields(line);
            if (f.length != cols.length) throw in.error("atom line has " + f.length + " fields, expected " + cols.length);
            for (int c = 0; c < cols.length; c++) {
                values[i * cols.length + c] = in.parseDouble(f[c], "column " + cols[c]);
            }
        }
        return new DumpFrame(step, box, cols, values, atoms);
    }

    private Box orthoBox(double[][] b) {
        for (int d = 0; d < 3; d++) {
            if (!(b[d][1] > b[d][0])) throw in.error("box bound hi " + b[d][1] + " not above lo " + b[d][0]);
        }
        return new Box(b[0][0], b[1][0], b[2][0], b[0][1] - b[0][0], b[1][1] - b[1][0], b[2][1] - b[2][0], 0, 0, 0);
    }

    /** LAMMPS writes the bounding box of a tilted cell; undo that (see its dump documentation). */
    private Box triclinicBox(double[][] b) {
        double xy = b[0][2], xz = b[1][2], yz = b[2][2];
        double xlo = b[0][0] - Math.min(0, Math.min(xy, Math.min(xz, xy + xz)));
        double xhi = b[0][1] - Math.max(0, Math.max(xy, Math.max(xz, xy + xz)));
        double ylo = b[1][0] - Math.min(0, yz);
        double yhi = b[1][1] - Math.max(0, yz);
        double zlo = b[2][0], zhi = b[2][1];
        if (!(xhi > xlo && yhi > ylo && zhi > zlo)) throw in.error("inconsistent triclinic box bounds");
        return new Box(xlo, ylo, zlo, xhi - xlo, yhi - ylo, zhi - zlo, xy, xz, yz);
    }

    private void expect(String line, String prefix) {
        if (!line.strip().startsWith(prefix)) throw in.error("expected '" + prefix + "', found '" + abbreviate(line) + "'");
    }

    private static String abbreviate(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "…" : s;
    }

    @Override
    public void close() {
        in.close();
    }
}
