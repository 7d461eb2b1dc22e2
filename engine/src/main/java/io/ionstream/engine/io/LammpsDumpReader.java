package io.ionstream.engine.io;

import io.ionstream.engine.system.Box;
import java.io.BufferedReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads LAMMPS text dumps ({@code dump custom} / {@code dump atom}) frame by frame, orthorhombic
 * or triclinic ("BOX BOUNDS xy xz yz"), with any numeric columns plus the text column
 * {@code element}; optional {@code ITEM: TIME} and {@code ITEM: UNITS} blocks (from
 * {@code dump_modify time/units yes}) are understood. Plain or {@code .gz}.
 */
public final class LammpsDumpReader implements AutoCloseable {
    private static final long MAX_ATOMS = 200_000_000L;
    private static final int MAX_COLUMNS = 4096;

    private final LineReader in;

    public LammpsDumpReader(BufferedReader reader, String source) {
        this.in = new LineReader(reader, source);
    }

    public static LammpsDumpReader open(Path file) {
        return new LammpsDumpReader(TextFiles.reader(file), file.toString());
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

    public String source() {
        return in.source();
    }

    /** Line of the last line read (for callers' error messages). */
    public int line() {
        return in.line();
    }

    /** The next frame, or null at the end of the file. */
    public DumpFrame next() {
        String s = in.nextContent(false);
        if (s == null) return null;
        double time = Double.NaN;
        while (!s.strip().startsWith("ITEM: TIMESTEP")) {
            if (s.strip().startsWith("ITEM: UNITS")) {
                in.require("the units style");
            } else if (s.strip().startsWith("ITEM: TIME")) {
                String[] f = LineReader.fields(in.require("the time"));
                if (f.length == 0) throw in.error("missing time value");
                time = in.parseDouble(f[0], "time");
            } else {
                expect(s, "ITEM: TIMESTEP");
            }
            s = in.require("ITEM: TIMESTEP");
        }
        String[] sf = LineReader.fields(in.require("the timestep"));
        if (sf.length == 0) throw in.error("missing timestep");
        long step = in.parseLong(sf[0], "timestep");
        expect(in.require("ITEM: NUMBER OF ATOMS"), "ITEM: NUMBER OF ATOMS");
        String[] nf = LineReader.fields(in.require("the number of atoms"));
        if (nf.length == 0) throw in.error("missing number of atoms");
        long n = in.parseLong(nf[0], "number of atoms");
        if (n < 0 || n > MAX_ATOMS) throw in.error("number of atoms out of range 0.." + MAX_ATOMS + ": " + n);
        String boxLine = in.require("ITEM: BOX BOUNDS");
        expect(boxLine, "ITEM: BOX BOUNDS");
        if (boxLine.contains("abc origin")) throw in.error("general triclinic boxes ('BOX BOUNDS abc origin') are not supported");
        boolean triclinic = boxLine.contains("xy xz yz");
        double[][] b = new double[3][3];
        for (int d = 0; d < 3; d++) {
            String[] f = LineReader.fields(in.require("box bounds"));
            int need = triclinic ? 3 : 2;
            if (f.length < need) throw in.error("box bounds line needs " + need + " numbers, found " + f.length);
            for (int k = 0; k < need; k++) b[d][k] = in.parseDouble(f[k], "box bound");
            if (!(b[d][1] > b[d][0])) throw in.error("box bound hi " + b[d][1] + " not above lo " + b[d][0]);
        }
        Box box = triclinic ? triclinicBox(b) : orthoBox(b);
        String atomsLine = in.require("ITEM: ATOMS");
        expect(atomsLine, "ITEM: ATOMS");
        String[] cols = LineReader.fields(atomsLine.strip().substring("ITEM: ATOMS".length()));
        if (cols.length == 0) throw in.error("ITEM: ATOMS names no columns");
        if (cols.length > MAX_COLUMNS) throw in.error(cols.length + " columns: more than " + MAX_COLUMNS);
        Set<String> names = new HashSet<>();
        for (String c : cols) if (!names.add(c)) throw in.error("column '" + c + "' appears twice");
        if (n * cols.length > Integer.MAX_VALUE - 8) {
            throw in.error(n + " atoms x " + cols.length + " columns do not fit one frame in memory");
        }
        int elementColumn = Arrays.asList(cols).indexOf("element");
        int atoms = (int) n;
        // grown as lines arrive: a corrupt count must not allocate anything up front
        int cap = Math.min(atoms, Math.max(1, 65536 / cols.length));
        double[] values = new double[cap * cols.length];
        String[] elements = elementColumn >= 0 ? new String[cap] : null;
        for (int i = 0; i < atoms; i++) {
            String line = in.require("atom line " + (i + 1) + " of " + atoms);
            String[] f = LineReader.fields(line);
            if (f.length != cols.length) throw in.error("atom line has " + f.length + " fields, expected " + cols.length);
            if (i == cap) {
                cap = (int) Math.min(atoms, 2L * cap);
                values = Arrays.copyOf(values, cap * cols.length);
                if (elements != null) elements = Arrays.copyOf(elements, cap);
            }
            for (int c = 0; c < cols.length; c++) {
                if (c == elementColumn) {
                    elements[i] = f[c];
                    values[i * cols.length + c] = Double.NaN;
                } else {
                    values[i * cols.length + c] = in.parseDouble(f[c], "column " + cols[c]);
                }
            }
        }
        return new DumpFrame(step, box, cols, values, atoms, time, elements);
    }

    private Box orthoBox(double[][] b) {
        for (int d = 0; d < 3; d++) {
            if (!(b[d][1] > b[d][0])) throw in.error("box bound hi " + b[d][1] + " not above lo " + b[d][0]);
        }
        return box(b[0][0], b[1][0], b[2][0], b[0][1] - b[0][0], b[1][1] - b[1][0], b[2][1] - b[2][0], 0, 0, 0);
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
        return box(xlo, ylo, zlo, xhi - xlo, yhi - ylo, zhi - zlo, xy, xz, yz);
    }

    private Box box(double xlo, double ylo, double zlo, double lx, double ly, double lz, double xy, double xz, double yz) {
        try {
            return new Box(xlo, ylo, zlo, lx, ly, lz, xy, xz, yz);
        } catch (IllegalArgumentException e) {
            throw in.error("unusable box: " + e.getMessage());
        }
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
