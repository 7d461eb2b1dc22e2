package io.ionstream.engine.analysis.trajectory;

import io.ionstream.engine.system.Box;
import io.ionstream.engine.system.SpeciesTable;
import java.util.Arrays;

/**
 * Unwrapped positions of a set of atoms over equally or unequally spaced frames, held in memory
 * for post-analysis (MSD, diffusion): one interleaved array of {@code 3 × atoms} doubles per
 * frame, atoms sorted by global id, plus each frame's time, cell and the displacement of the
 * drift-reference group since frame 0 (zero when no drift reference was chosen).
 *
 * <p>Memory is 24 bytes × atoms × frames: 7 000 Li over 5 000 frames is 840 MB, so keep only
 * the diffusing species (see {@link TrajectoryLoader}).
 */
public final class Trajectory {
    private final SpeciesTable species;
    private final int[] type;
    private final long[] id;
    private final double[] time;
    private final double[][] x;
    private final Box[] box;
    private final double[][] drift;
    private final String driftReference;

    public Trajectory(SpeciesTable species, int[] type, long[] id, double[] time, double[][] x, Box[] box,
                      double[][] drift, String driftReference) {
        int frames = time.length;
        if (x.length != frames || box.length != frames || drift.length != frames) {
            throw new IllegalArgumentException("trajectory arrays disagree on the number of frames");
        }
        for (double[] f : x) {
            if (f.length != 3 * id.length) throw new IllegalArgumentException("a frame has " + f.length / 3 + " atoms, expected " + id.length);
        }
        this.species = species;
        this.type = type;
        this.id = id;
        this.time = time;
        this.x = x;
        this.box = box;
        this.drift = drift;
        this.driftReference = driftReference;
    }

    public SpeciesTable species() { return species; }
    public int atoms() { return id.length; }
    public int frames() { return time.length; }
    public int[] types() { return type; }
    public long[] ids() { return id; }
    /** Time of frame f (ps). */
    public double time(int f) { return time[f]; }
    public double[] times() { return time; }
    /** Unwrapped interleaved positions of frame f (Å); shared, do not modify. */
    public double[] positions(int f) { return x[f]; }
    public Box box(int f) { return box[f]; }
    /** Displacement (Å) of the drift-reference group's centre of mass since frame 0. */
    public double[] drift(int f) { return drift[f]; }
    /** What the drift refers to ("none", "all atoms", "framework (all but Li)" …). */
    public String driftReference() { return driftReference; }

    /** Indices of the atoms whose species symbol is one of {@code symbols}. */
    public int[] select(String... symbols) {
        int[] out = new int[id.length];
        int k = 0;
        for (int i = 0; i < id.length; i++) {
            String s = species.symbol(type[i]);
            for (String want : symbols) {
                if (s.equals(want)) {
                    out[k++] = i;
                    break;
                }
            }
        }
        return Arrays.copyOf(out, k);
    }

    /** Indices 0 .. atoms−1. */
    public int[] all() {
        int[] out = new int[id.length];
        for (int i = 0; i < out.length; i++) out[i] = i;
        return out;
    }

    /**
     * The constant frame spacing (ps); throws naming the first irregular frame when the spacing
     * varies by more than 1e-6 relative (all-origin MSDs need equal spacing).
     */
    public double frameInterval() {
        if (frames() < 2) throw new IllegalArgumentException("a trajectory of " + frames() + " frame(s) has no time axis");
        double dt = time[1] - time[0];
        if (!(dt > 0)) throw new IllegalArgumentException("frame times do not increase: frame 1 at " + time[0] + " ps, frame 2 at " + time[1] + " ps");
        for (int f = 2; f < frames(); f++) {
            double d = time[f] - time[f - 1];
            if (Math.abs(d - dt) > 1e-6 * dt) {
                throw new IllegalArgumentException(String.format(
                    "frames are not equally spaced in time: frame %d is %.6g ps after frame %d, the first spacing is %.6g ps",
                    f + 1, d, f, dt));
            }
        }
        return dt;
    }
}
