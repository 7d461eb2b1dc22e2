package io.ionstream.engine.analysis.trajectory;

import io.ionstream.engine.io.TrajectoryFrame;
import io.ionstream.engine.io.TrajectoryReader;
import io.ionstream.engine.system.Box;
import io.ionstream.engine.system.SpeciesTable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads consecutive trajectory files (in time order) into a {@link Trajectory}: checks that every
 * frame has the same atoms (by global id; frames may list them in any order), unwraps wrapped
 * coordinates frame to frame, tracks the centre of mass of a drift-reference group, keeps only the
 * requested species, and gives every frame a time. A first frame of a file that repeats the last
 * frame of the previous file (a restart written twice) is dropped.
 *
 * <p>Times: a fixed {@code frameInterval} (ps) when given; else the frames' own times; else
 * step × {@code timestep}; else the load fails naming what is missing.
 */
public final class TrajectoryLoader {
    private Set<String> keep;
    private DriftReference drift = DriftReference.NONE;
    private double frameInterval = Double.NaN;
    private double timestep = Double.NaN;
    private int stride = 1;

    /** Keep only these species (symbols); null or empty keeps all. */
    public TrajectoryLoader keep(String... symbols) {
        this.keep = symbols == null || symbols.length == 0 ? null : new HashSet<>(Arrays.asList(symbols));
        return this;
    }

    public TrajectoryLoader drift(DriftReference d) {
        this.drift = d;
        return this;
    }

    /** Time between saved frames (ps), overriding whatever the files say. */
    public TrajectoryLoader frameInterval(double ps) {
        if (!(ps > 0)) throw new IllegalArgumentException("frame interval must be positive, got " + ps + " ps");
        this.frameInterval = ps;
        return this;
    }

    /** MD time step (ps) to turn step numbers into times. */
    public TrajectoryLoader timestep(double ps) {
        if (!(ps > 0)) throw new IllegalArgumentException("time step must be positive, got " + ps + " ps");
        this.timestep = ps;
        return this;
    }

    /** Keep every {@code k}-th frame. */
    public TrajectoryLoader stride(int k) {
        if (k < 1) throw new IllegalArgumentException("stride must be at least 1, got " + k);
        this.stride = k;
        return this;
    }

    public Trajectory load(List<TrajectorySource> sources) {
        if (sources.isEmpty()) throw new IllegalArgumentException("no trajectory files given");
        State st = new State();
        for (TrajectorySource src : sources) {
            try (TrajectoryReader r = src.opener().get()) {
                int inFile = 0;
                TrajectoryFrame f;
                while ((f = r.next()) != null) {
                    inFile++;
                    st.accept(f, src.name(), inFile);
                }
                if (inFile == 0) throw new IllegalArgumentException(src.name() + ": no frames");
            }
        }
        return st.finish();
    }

    private final class State {
        SpeciesTable species;
        long[] ids;          // sorted
        int[] typeById;      // in sorted-id order
        Map<Long, Integer> slot;
        boolean[] kept;
        int[] keptIdx;
        double[] refMass;
        double refMassTotal;
        Unwrapper unwrapper;
        double[] ordered, unwrapped, lastRaw;
        int total;           // frames accepted (before stride)
        double timeOffset = 0, lastTime = Double.NaN;
        boolean fileStart;
        double[] com0;
        final List<double[]> x = new ArrayList<>();
        final List<Box> boxes = new ArrayList<>();
        final List<double[]> drifts = new ArrayList<>();
        final List<Double> times = new ArrayList<>();
        String lastFile;

        void accept(TrajectoryFrame f, String file, int inFile) {
            String where = file + " frame " + inFile;
            if (species == null) init(f, where);
            if (f.atoms() != ids.length) {
                throw new IllegalArgumentException(where + " has " + f.atoms() + " atoms, but the first frame had "
                    + ids.length + ": all frames must contain the same atoms");
            }
            order(f, where);
            boolean newFile = !file.equals(lastFile);
            if (newFile && lastRaw != null && inFile == 1 && sameAs(lastRaw, ordered) ) {
                lastFile = file;
                return; // the restart repeated the previous file's last frame
            }
            unwrapper.next(ordered, f.unwrapped(), f.box(), ids, where, unwrapped);
            if (lastRaw == null) lastRaw = new double[ordered.length];
            System.arraycopy(ordered, 0, lastRaw, 0, ordered.length);
            double t = time(f, where, newFile && lastFile != null);
            lastFile = file;
            int index = total++;
            double[] com = centreOfMass();
            if (com0 == null) com0 = com.clone();
            if (index % stride != 0) return;
            double[] kx = new double[3 * keptIdx.length];
            for (int k = 0; k < keptIdx.length; k++) {
                int i = keptIdx[k];
                kx[3 * k] = unwrapped[3 * i];
                kx[3 * k + 1] = unwrapped[3 * i + 1];
                kx[3 * k + 2] = unwrapped[3 * i + 2];
            }
            x.add(kx);
            boxes.add(f.box().copy());
            drifts.add(new double[] {com[0] - com0[0], com[1] - com0[1], com[2] - com0[2]});
            times.add(t);
        }

        private void init(TrajectoryFrame f, String where) {
            species = f.species();
            int n = f.atoms();
            ids = f.id().clone();
            Arrays.sort(ids);
            slot = new HashMap<>(2 * n);
            for (int i = 0; i < n; i++) {
                if (i > 0 && ids[i] == ids[i - 1]) throw new IllegalArgumentException(where + ": atom id " + ids[i] + " appears twice");
                slot.put(ids[i], i);
            }
            typeById = new int[n];
            for (int r = 0; r < n; r++) typeById[slot.get(f.id()[r])] = f.type()[r];
            kept = new boolean[n];
            int nk = 0;
            for (int i = 0; i < n; i++) {
                kept[i] = keep == null || keep.contains(species.symbol(typeById[i]));
                if (kept[i]) nk++;
            }
            if (nk == 0) {
                throw new IllegalArgumentException(where + ": no atoms of species " + keep + " (the trajectory has " + species + ")");
            }
            keptIdx = new int[nk];
            for (int i = 0, k = 0; i < n; i++) if (kept[i]) keptIdx[k++] = i;
            refMass = new double[n];
            for (int i = 0; i < n; i++) {
                boolean inRef = switch (drift) {
                    case NONE -> false;
                    case ALL_ATOMS -> true;
                    case FRAMEWORK -> !kept[i];
                };
                refMass[i] = inRef ? species.mass(typeById[i]) : 0;
                refMassTotal += refMass[i];
            }
            if (drift == DriftReference.FRAMEWORK && refMassTotal == 0) {
                throw new IllegalArgumentException("framework drift removal needs atoms other than " + keep
                    + ", but every atom is of those species");
            }
            unwrapper = new Unwrapper(n);
            ordered = new double[3 * n];
            unwrapped = new double[3 * n];
        }

        private void order(TrajectoryFrame f, String where) {
            long[] fid = f.id();
            int[] ft = f.type();
            double[] fx = f.x();
            boolean[] seen = new boolean[ids.length];
            for (int r = 0; r < fid.length; r++) {
                Integer s = slot.get(fid[r]);
                if (s == null) throw new IllegalArgumentException(where + ": atom id " + fid[r] + " is not in the first frame");
                if (seen[s]) throw new IllegalArgumentException(where + ": atom id " + fid[r] + " appears twice");
                seen[s] = true;
                if (ft[r] != typeById[s] && !f.species().symbol(ft[r]).equals(species.symbol(typeById[s]))) {
                    throw new IllegalArgumentException(where + ": atom id " + fid[r] + " is " + f.species().symbol(ft[r])
                        + " but was " + species.symbol(typeById[s]) + " in the first frame");
                }
                System.arraycopy(fx, 3 * r, ordered, 3 * s, 3);
            }
        }

        private boolean sameAs(double[] a, double[] b) {
            for (int k = 0; k < a.length; k++) if (Math.abs(a[k] - b[k]) > 1e-8) return false;
            return true;
        }

        private double time(TrajectoryFrame f, String where, boolean fileJoin) {
            if (!Double.isNaN(frameInterval)) return total * frameInterval;
            double raw;
            if (!Double.isNaN(f.time())) raw = f.time();
            else if (f.step() >= 0 && !Double.isNaN(timestep)) raw = f.step() * timestep;
            else {
                throw new IllegalArgumentException(where + " carries no time" + (f.step() >= 0 ? " (only the step number "
                    + f.step() + ")" : "") + ": give the frame interval (ps)" + (f.step() >= 0 ? " or the MD time step" : ""));
            }
            double t = raw + timeOffset;
            if (!Double.isNaN(lastTime) && !(t > lastTime)) {
                if (fileJoin) {
                    // a file that restarts its clock: continue from the previous file with the last spacing
                    double spacing = times.size() >= 2 ? times.get(times.size() - 1) - times.get(times.size() - 2) : 0;
                    timeOffset = lastTime + spacing - raw;
                    t = raw + timeOffset;
                }
                if (!(t > lastTime)) {
                    throw new IllegalArgumentException(where + " at " + t + " ps is not after the previous frame ("
                        + lastTime + " ps): give the files in time order");
                }
            }
            lastTime = t;
            return t;
        }

        private double[] centreOfMass() {
            double[] c = new double[3];
            if (refMassTotal == 0) return c;
            for (int i = 0; i < refMass.length; i++) {
                double m = refMass[i];
                if (m == 0) continue;
                c[0] += m * unwrapped[3 * i];
                c[1] += m * unwrapped[3 * i + 1];
                c[2] += m * unwrapped[3 * i + 2];
            }
            for (int d = 0; d < 3; d++) c[d] /= refMassTotal;
            return c;
        }

        Trajectory finish() {
            if (x.isEmpty()) throw new IllegalArgumentException("the trajectory files contain no frames");
            int[] type = new int[keptIdx.length];
            long[] id = new long[keptIdx.length];
            for (int k = 0; k < keptIdx.length; k++) {
                type[k] = typeById[keptIdx[k]];
                id[k] = ids[keptIdx[k]];
            }
            double[] t = new double[times.size()];
            for (int k = 0; k < t.length; k++) t[k] = times.get(k);
            String ref = switch (drift) {
                case NONE -> "none";
                case ALL_ATOMS -> "all atoms";
                case FRAMEWORK -> "framework (all but " + String.join(",", keep == null ? Set.of() : keep) + ")";
            };
            return new Trajectory(species, type, id, t, x.toArray(double[][]::new), boxes.toArray(Box[]::new),
                drifts.toArray(double[][]::new), ref);
        }
    }
}
