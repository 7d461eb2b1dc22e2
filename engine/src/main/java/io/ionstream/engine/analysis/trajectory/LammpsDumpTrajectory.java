package io.ionstream.engine.analysis.trajectory;

import io.ionstream.engine.io.DumpFrame;
import io.ionstream.engine.io.FormatException;
import io.ionstream.engine.io.LammpsDumpReader;
import io.ionstream.engine.io.TrajectoryFrame;
import io.ionstream.engine.io.TrajectoryReader;
import io.ionstream.engine.system.Box;
import io.ionstream.engine.system.Elements;
import io.ionstream.engine.system.SpeciesTable;
import java.nio.file.Path;

/**
 * A LAMMPS text dump as a {@link TrajectoryReader}. Positions are taken, in this order of
 * preference, from {@code xu yu zu} (unwrapped), {@code x y z} with {@code ix iy iz} (unwrapped
 * with the image flags), {@code xsu ysu zsu}, {@code xs ys zs} (+ image flags) and plain
 * {@code x y z} (wrapped: the analysis unwraps them frame to frame). Types are LAMMPS types
 * 1..n named by {@code typeSymbols} (element symbols); without names they become "type1", …
 * with unit masses, so that mass-weighted centres of mass are plain averages.
 */
public final class LammpsDumpTrajectory implements TrajectoryReader {
    private final LammpsDumpReader reader;
    private final String source;
    private final String[] typeSymbols;
    private final double timestep;
    private SpeciesTable species;

    /**
     * @param typeSymbols element of each LAMMPS type (may be null)
     * @param timestep    MD time step in ps to give frames a time, or NaN
     */
    public LammpsDumpTrajectory(Path file, String[] typeSymbols, double timestep) {
        this.reader = LammpsDumpReader.open(file);
        this.source = file.toString();
        this.typeSymbols = typeSymbols;
        this.timestep = timestep;
        if (typeSymbols != null) this.species = SpeciesTable.of(typeSymbols);
    }

    @Override
    public TrajectoryFrame next() {
        DumpFrame d = reader.next();
        if (d == null) return null;
        int n = d.atoms();
        int cType = d.columnIndex("type");
        if (cType < 0) throw new FormatException(source, 0, "dump at timestep " + d.timestep() + " has no 'type' column");
        int cId = d.columnIndex("id");
        String[] cols = d.columns();
        int nc = cols.length;
        double[] v = d.values();
        int[] type = new int[n];
        long[] id = new long[n];
        int maxType = 0;
        for (int i = 0; i < n; i++) {
            double t = v[i * nc + cType];
            if (t < 1 || t != Math.rint(t)) throw new FormatException(source, 0, "atom " + (i + 1) + " at timestep " + d.timestep() + " has type " + t);
            type[i] = (int) t - 1;
            maxType = Math.max(maxType, type[i] + 1);
            id[i] = cId >= 0 ? (long) v[i * nc + cId] : i + 1;
        }
        ensureSpecies(maxType, d.timestep());
        double[] x = new double[3 * n];
        boolean unwrapped = positions(d, x);
        double time = Double.isNaN(timestep) ? Double.NaN : d.timestep() * timestep;
        return new TrajectoryFrame(d.timestep(), time, d.box(), species, type, id, x, unwrapped);
    }

    private void ensureSpecies(int maxType, long step) {
        if (species != null && species.size() >= maxType) return;
        if (typeSymbols != null) {
            throw new FormatException(source, 0, "timestep " + step + " has atom type " + maxType + " but only "
                + typeSymbols.length + " species names were given (" + String.join(",", typeSymbols) + ")");
        }
        String[] s = new String[maxType];
        double[] m = new double[maxType];
        for (int t = 0; t < maxType; t++) {
            s[t] = "type" + (t + 1);
            m[t] = 1.0;
        }
        species = new SpeciesTable(s, m);
    }

    /** Fills x; returns true when the result is unwrapped. */
    private boolean positions(DumpFrame d, double[] x) {
        Box box = d.box();
        int n = d.atoms();
        if (d.has("xu") && d.has("yu") && d.has("zu")) {
            copy(d, "xu", "yu", "zu", x);
            return true;
        }
        boolean images = d.has("ix") && d.has("iy") && d.has("iz");
        double[] shift = new double[3];
        if (d.has("x") && d.has("y") && d.has("z")) {
            copy(d, "x", "y", "z", x);
        } else if (d.has("xsu") && d.has("ysu") && d.has("zsu")) {
            copy(d, "xsu", "ysu", "zsu", x);
            for (int i = 0; i < n; i++) box.toCartesian(x[3 * i], x[3 * i + 1], x[3 * i + 2], x, 3 * i);
            return true;
        } else if (d.has("xs") && d.has("ys") && d.has("zs")) {
            copy(d, "xs", "ys", "zs", x);
            for (int i = 0; i < n; i++) box.toCartesian(x[3 * i], x[3 * i + 1], x[3 * i + 2], x, 3 * i);
        } else {
            throw new FormatException(source, 0, "dump at timestep " + d.timestep() + " has no position columns "
                + "(need xu yu zu, x y z, xs ys zs or xsu ysu zsu; found " + String.join(" ", d.columns()) + ")");
        }
        if (!images) return false;
        double[] ix = d.column("ix"), iy = d.column("iy"), iz = d.column("iz");
        for (int i = 0; i < n; i++) {
            box.imageShift((int) ix[i], (int) iy[i], (int) iz[i], shift, 0);
            x[3 * i] += shift[0];
            x[3 * i + 1] += shift[1];
            x[3 * i + 2] += shift[2];
        }
        return true;
    }

    private static void copy(DumpFrame d, String a, String b, String c, double[] x) {
        double[] p = d.interleaved(a, b, c);
        System.arraycopy(p, 0, x, 0, p.length);
    }

    /** Element symbols, or null when {@code s} is null/blank. */
    public static String[] parseTypes(String s) {
        if (s == null || s.isBlank()) return null;
        String[] p = s.split(",");
        for (int i = 0; i < p.length; i++) {
            p[i] = p[i].strip();
            if (!Elements.isElement(Elements.normalise(p[i]))) throw new IllegalArgumentException("'" + p[i] + "' is not a chemical element");
        }
        return p;
    }

    @Override
    public void close() {
        reader.close();
    }
}
