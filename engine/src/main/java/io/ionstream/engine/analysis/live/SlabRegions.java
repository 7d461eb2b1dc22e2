package io.ionstream.engine.analysis.live;

import io.ionstream.engine.system.Box;

/**
 * Regions by distance from one or more planes normal to z (grain boundaries: two per periodic
 * bicrystal), periodic along z: region k holds the atoms whose distance to the nearest plane lies
 * in [edge[k], edge[k+1]), the last region extends to infinity. Kim et al.'s GB / Near_GB /
 * Far_GB / Bulk regions are {@link #grainBoundary} with 10 Å slabs.
 */
public final class SlabRegions {
    private final double[] planes;
    private final double[] edges;
    private final String[] names;

    public SlabRegions(double[] planesZ, double[] edges, String[] names) {
        if (planesZ.length == 0) throw new IllegalArgumentException("no planes given");
        if (edges.length != names.length) throw new IllegalArgumentException(edges.length + " region edges but " + names.length + " names");
        if (edges[0] != 0) throw new IllegalArgumentException("the first region must start at distance 0");
        for (int k = 1; k < edges.length; k++) {
            if (!(edges[k] > edges[k - 1])) throw new IllegalArgumentException("region edges must increase: " + java.util.Arrays.toString(edges));
        }
        this.planes = planesZ.clone();
        this.edges = edges.clone();
        this.names = names.clone();
    }

    /** GB, Near_GB, Far_GB, Bulk: slabs of {@code width} Å (seeds: 10 Å) from the planes. */
    public static SlabRegions grainBoundary(double[] planesZ, double width) {
        return new SlabRegions(planesZ, new double[] {0, width, 2 * width, 3 * width},
            new String[] {"GB", "Near_GB", "Far_GB", "Bulk"});
    }

    public int count() { return edges.length; }
    public String name(int k) { return names[k]; }
    public double[] planes() { return planes.clone(); }

    /** Distance (Å) of height z from the nearest plane, periodic in the cell's z. */
    public double distance(double z, Box box) {
        double lz = box.lz(), best = Double.MAX_VALUE;
        for (double p : planes) {
            double d = z - p;
            d -= lz * Math.rint(d / lz);
            best = Math.min(best, Math.abs(d));
        }
        return best;
    }

    /** Region index of height z. */
    public int regionOf(double z, Box box) {
        double d = distance(z, box);
        for (int k = edges.length - 1; k > 0; k--) if (d >= edges[k]) return k;
        return 0;
    }
}
