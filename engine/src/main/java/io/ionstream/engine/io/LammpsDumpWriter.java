package io.ionstream.engine.io;

import io.ionstream.engine.system.AtomSystem;
import io.ionstream.engine.system.Box;
import io.ionstream.engine.system.SpeciesTable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;

/**
 * Writes LAMMPS custom dumps that LAMMPS ({@code read_dump}, {@code rerun}), OVITO, ASE and
 * MDAnalysis read: {@code ITEM: TIMESTEP}, {@code NUMBER OF ATOMS}, {@code BOX BOUNDS} (with
 * LAMMPS's bounding box and tilts for triclinic cells) and {@code ITEM: ATOMS}, one frame per
 * call, every number with the shortest text that reads back to the same double.
 *
 * <p>Columns: {@code id type element} and then either {@code xu yu zu} (unwrapped, the default,
 * what trajectories need) or {@code x y z ix iy iz} ({@link Positions#WRAPPED_WITH_IMAGES}, an
 * exact copy of a structure's state), then {@code vx vy vz} when velocities are requested.
 * Types are 1-based indices into the species table.
 */
public final class LammpsDumpWriter implements AutoCloseable {

    /** How positions are written. */
    public enum Positions { UNWRAPPED, WRAPPED_WITH_IMAGES }

    private final Writer out;
    private Positions positions = Positions.UNWRAPPED;
    private boolean velocities;
    private boolean sortById;
    private boolean time;

    public LammpsDumpWriter(Writer out) {
        this.out = out;
    }

    /** A writer to a file ({@code .gz} compressed by name); frames are appended until closed. */
    public static LammpsDumpWriter open(Path file) {
        return new LammpsDumpWriter(TextFiles.writer(file));
    }

    public LammpsDumpWriter positions(Positions p) {
        this.positions = p;
        return this;
    }

    /** Also write {@code vx vy vz} (Å/ps). */
    public LammpsDumpWriter velocities(boolean on) {
        this.velocities = on;
        return this;
    }

    /** Write atoms in increasing id order (LAMMPS's {@code dump_modify sort id}). */
    public LammpsDumpWriter sortById(boolean on) {
        this.sortById = on;
        return this;
    }

    /** Write an {@code ITEM: TIME} block (LAMMPS's {@code dump_modify time yes}) when a time is known. */
    public LammpsDumpWriter time(boolean on) {
        this.time = on;
        return this;
    }

    /** Writes one frame of {@code sys} at MD step {@code step} (time in ps, NaN when unknown). */
    public void write(AtomSystem sys, long step, double timePs) {
        int n = sys.size();
        double[] x = new double[3 * n];
        if (positions == Positions.UNWRAPPED) {
            for (int i = 0; i < n; i++) sys.unwrapped(i, x, 3 * i);
        } else {
            System.arraycopy(sys.x(), 0, x, 0, 3 * n);
        }
        frame(step, timePs, sys.box(), sys.species(), sys.type(), sys.id(), x,
            positions == Positions.WRAPPED_WITH_IMAGES ? sys.image() : null, velocities ? sys.v() : null, n,
            positions == Positions.UNWRAPPED);
    }

    /**
     * Writes a trajectory frame read from any format: {@code xu yu zu} when its positions are
     * unwrapped, {@code x y z} when they are not (no velocities: frames carry none).
     */
    public void write(TrajectoryFrame f) {
        frame(f.step(), f.time(), f.box(), f.species(), f.type(), f.id(), f.x(), null, null, f.atoms(), f.unwrapped());
    }

    private void frame(long step, double timePs, Box b, SpeciesTable sp, int[] type, long[] id, double[] x, int[] image,
                       double[] v, int n, boolean unwrapped) {
        for (int k = 0; k < 3 * n; k++) {
            if (!Double.isFinite(x[k])) throw new IllegalArgumentException("atom " + id[k / 3] + " has a non-finite position; refusing to write it");
        }
        for (String s : sp.symbols()) {
            if (LineReader.fields(s).length != 1) throw new IllegalArgumentException("species name '" + s + "' cannot be a dump element");
        }
        int[] order = order(id, n);
        StringBuilder sb = new StringBuilder(256 + n * 96);
        if (time && !Double.isNaN(timePs)) sb.append("ITEM: TIME\n").append(timePs).append('\n');
        sb.append("ITEM: TIMESTEP\n").append(step).append('\n');
        sb.append("ITEM: NUMBER OF ATOMS\n").append(n).append('\n');
        double xlo = b.xlo(), xhi = b.xlo() + b.lx(), ylo = b.ylo(), yhi = b.ylo() + b.ly(), zlo = b.zlo(), zhi = b.zlo() + b.lz();
        if (b.isOrthorhombic()) {
            sb.append("ITEM: BOX BOUNDS pp pp pp\n");
            sb.append(xlo).append(' ').append(xhi).append('\n');
            sb.append(ylo).append(' ').append(yhi).append('\n');
            sb.append(zlo).append(' ').append(zhi).append('\n');
        } else {
            // LAMMPS writes the bounding box of the tilted cell (see its dump documentation)
            double xy = b.xy(), xz = b.xz(), yz = b.yz();
            sb.append("ITEM: BOX BOUNDS xy xz yz pp pp pp\n");
            sb.append(xlo + Math.min(0, Math.min(xy, Math.min(xz, xy + xz)))).append(' ')
                .append(xhi + Math.max(0, Math.max(xy, Math.max(xz, xy + xz)))).append(' ').append(xy).append('\n');
            sb.append(ylo + Math.min(0, yz)).append(' ').append(yhi + Math.max(0, yz)).append(' ').append(xz).append('\n');
            sb.append(zlo).append(' ').append(zhi).append(' ').append(yz).append('\n');
        }
        sb.append("ITEM: ATOMS id type element ").append(unwrapped ? "xu yu zu" : "x y z");
        if (image != null) sb.append(" ix iy iz");
        if (v != null) sb.append(" vx vy vz");
        sb.append('\n');
        for (int i : order) {
            int k = 3 * i;
            sb.append(id[i]).append(' ').append(type[i] + 1).append(' ').append(sp.symbol(type[i]))
                .append(' ').append(x[k]).append(' ').append(x[k + 1]).append(' ').append(x[k + 2]);
            if (image != null) sb.append(' ').append(image[k]).append(' ').append(image[k + 1]).append(' ').append(image[k + 2]);
            if (v != null) sb.append(' ').append(v[k]).append(' ').append(v[k + 1]).append(' ').append(v[k + 2]);
            sb.append('\n');
        }
        try {
            out.write(sb.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private int[] order(long[] id, int n) {
        if (sortById) return IdOrder.of(id, n);
        int[] order = new int[n];
        for (int i = 0; i < n; i++) order[i] = i;
        return order;
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
