package io.ionstream.engine.analysis.live;

import java.util.Arrays;

/**
 * Li cages of argyrodites: each cage is the Li around one 4c anion (its "centre", given by
 * global id; see {@code CageCentres}). A Li belongs to the cage of the nearest centre at the start;
 * it changes cage — one inter-cage jump — when it comes within the capture radius of another
 * centre (hysteresis, so rattling between two cages at the midpoint is not counted as jumps).
 * Per-atom state: the current cage index (−1 before the first assignment). Partials: jumps since
 * the previous sample, Li counted, and the Li count of every cage (so the occupancy histogram is
 * decomposition-independent); values: jumps, Li, mean occupancy and the fraction of cages with
 * occupancy 0 … {@link #MAX_OCCUPANCY} (six is neutral).
 */
public final class CageObservable implements Observable {
    public static final int MAX_OCCUPANCY = 12;
    private final long[] centres;
    private final String li;
    private final double searchRadius, captureRadius;
    private int tli = -1;
    private io.ionstream.engine.system.SpeciesTable seen;

    /**
     * @param centreIds     global ids of the cage-centre anions
     * @param searchRadius  how far a Li looks for centres (Å; beyond half the centre spacing)
     * @param captureRadius distance to a new centre that counts as having entered its cage (Å)
     */
    public CageObservable(long[] centreIds, String li, double searchRadius, double captureRadius) {
        if (centreIds.length == 0) throw new IllegalArgumentException("no cage centres given");
        if (!(captureRadius > 0 && searchRadius >= captureRadius)) {
            throw new IllegalArgumentException("need 0 < capture radius ≤ search radius, got " + captureRadius + ", " + searchRadius);
        }
        this.centres = centreIds.clone();
        Arrays.sort(this.centres);
        this.li = li;
        this.searchRadius = searchRadius;
        this.captureRadius = captureRadius;
    }

    @Override public String name() { return "cages"; }
    @Override public double neighborRadius() { return searchRadius; }
    @Override public int stateWidth() { return 1; }
    @Override public int partialLength() { return 2 + centres.length; }
    public int cages() { return centres.length; }

    @Override
    public String[] valueNames() {
        String[] n = new String[3 + MAX_OCCUPANCY + 1];
        n[0] = "jumps";
        n[1] = "li";
        n[2] = "mean_occupancy";
        for (int k = 0; k <= MAX_OCCUPANCY; k++) n[3 + k] = "occupancy_fraction[" + k + "]";
        return n;
    }

    /** Cage index of atom j if it is a centre, else −1. */
    private int cageOf(long id) {
        int k = Arrays.binarySearch(centres, id);
        return k >= 0 ? k : -1;
    }

    /** Nearest centre to local atom i within the search radius: index in {@code best[0]}, distance² returned. */
    private double nearest(LocalAtoms a, int i, int[] best) {
        int[] off = a.full.offsets(), nb = a.full.neighbors();
        double bestD2 = searchRadius * searchRadius;
        best[0] = -1;
        for (int q = off[i]; q < off[i + 1]; q++) {
            int j = nb[q];
            int c = cageOf(a.id[j]);
            if (c < 0) continue;
            double d2 = a.distance2(i, j);
            if (d2 < bestD2) {
                bestD2 = d2;
                best[0] = c;
            }
        }
        return bestD2;
    }

    private final int[] found = new int[1];

    @Override
    public void initState(LocalAtoms a, int col) {
        lithium(a);
        for (int i = 0; i < a.nlocal; i++) {
            if (a.type[i] != tli) continue;
            nearest(a, i, found);
            a.state[i * a.stateStride + col] = found[0];
        }
    }

    @Override
    public void accumulate(LocalAtoms a, int col, double[] p, int o) {
        lithium(a);
        double cap2 = captureRadius * captureRadius;
        for (int i = 0; i < a.nlocal; i++) {
            if (a.type[i] != tli) continue;
            int s = i * a.stateStride + col;
            int current = (int) a.state[s];
            double d2 = nearest(a, i, found);
            int c = found[0];
            if (c >= 0 && c != current && (current < 0 || d2 < cap2)) {
                if (current >= 0) p[o] += 1;
                current = c;
                a.state[s] = c;
            }
            p[o + 1] += 1;
            if (current >= 0) p[o + 2 + current] += 1;
        }
    }

    private void lithium(LocalAtoms a) {
        if (!a.species.equals(seen)) {
            tli = a.species.require(li);
            seen = a.species;
        }
    }

    @Override
    public void finish(double[] t, int o, GlobalFrame g, double[] out) {
        Arrays.fill(out, 0);
        out[0] = t[o];
        out[1] = t[o + 1];
        double sum = 0;
        for (int c = 0; c < centres.length; c++) {
            int occ = (int) Math.round(t[o + 2 + c]);
            sum += occ;
            out[3 + Math.min(occ, MAX_OCCUPANCY)] += 1.0 / centres.length;
        }
        out[2] = sum / centres.length;
    }
}
