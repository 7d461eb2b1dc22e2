package io.ionstream.engine.fe.micro;

/**
 * Nearest-seed queries among points in a periodic cube of side {@code size}, with a uniform
 * bin grid searched in rings of bins (periodic images are bins beyond the cell, each with its
 * own lattice shift, so a small number of seeds is handled like a large one).
 * Ties go to the lower seed index. Immutable and thread-safe.
 */
public final class PeriodicVoronoi {
    /** Receives one seed image: seed index, image position, squared distance. */
    @FunctionalInterface
    public interface ImageVisitor {
        void visit(int seed, double x, double y, double z, double d2);
    }

    private final double size;
    private final double[] seeds;
    private final int n, bins;
    private final double binWidth;
    private final int[] binStart, binSeeds;

    /** @param seeds 3N coordinates in [0, size) */
    public PeriodicVoronoi(double[] seeds, double size) {
        if (seeds.length == 0 || seeds.length % 3 != 0) throw new IllegalArgumentException("seeds must hold 3N > 0 coordinates");
        if (!(size > 0)) throw new IllegalArgumentException("cell size must be positive");
        this.size = size;
        this.seeds = seeds.clone();
        this.n = seeds.length / 3;
        for (int i = 0; i < seeds.length; i++) {
            double v = this.seeds[i];
            if (!Double.isFinite(v)) throw new IllegalArgumentException("seed " + i / 3 + " has a non-finite coordinate");
            v = v - size * Math.floor(v / size);
            if (v >= size) v = 0;
            this.seeds[i] = v;
        }
        this.bins = Math.max(1, (int) Math.floor(Math.cbrt(n)));
        this.binWidth = size / bins;
        int[] count = new int[bins * bins * bins + 1];
        int[] binOf = new int[n];
        for (int s = 0; s < n; s++) {
            binOf[s] = bin(this.seeds[3 * s]) + bins * (bin(this.seeds[3 * s + 1]) + bins * bin(this.seeds[3 * s + 2]));
            count[binOf[s] + 1]++;
        }
        for (int b = 0; b < bins * bins * bins; b++) count[b + 1] += count[b];
        binStart = count.clone();
        binSeeds = new int[n];
        int[] fill = count;
        for (int s = 0; s < n; s++) binSeeds[fill[binOf[s]]++] = s;
    }

    private int bin(double c) {
        int b = (int) (c / binWidth);
        return Math.min(Math.max(b, 0), bins - 1);
    }

    public int seedCount() { return n; }

    public double size() { return size; }

    /** Seed coordinates (wrapped into the cell), copy. */
    public double[] seeds() { return seeds.clone(); }

    public double seed(int s, int axis) { return seeds[3 * s + axis]; }

    /** Index of the seed whose nearest periodic image is closest to (x, y, z). */
    public int nearest(double x, double y, double z) {
        return search(x, y, z, null);
    }

    /**
     * Like {@link #nearest} and also the distances: {@code out[0]} to the nearest image,
     * {@code out[1]} to the second-nearest image (of any seed, including other images of the
     * nearest one). A point moved by s keeps that nearest image as long as its distance to it
     * stays below out[1] − s (triangle inequality), which lets a scan skip most searches.
     */
    public int nearestTwo(double x, double y, double z, double[] out) {
        return search(x, y, z, out);
    }

    private int search(double x, double y, double z, double[] two) {
        int bx = bin(wrap(x)), by = bin(wrap(y)), bz = bin(wrap(z));
        double ox = x - wrap(x), oy = y - wrap(y), oz = z - wrap(z);
        double best = Double.POSITIVE_INFINITY, second = Double.POSITIVE_INFINITY;
        int bestSeed = -1;
        for (int r = 0; ; r++) {
            for (int dz = -r; dz <= r; dz++) {
                for (int dy = -r; dy <= r; dy++) {
                    boolean faceYZ = Math.abs(dz) == r || Math.abs(dy) == r;
                    for (int dx = -r; dx <= r; dx += (faceYZ ? 1 : Math.max(1, 2 * r))) {
                        int cx = bx + dx, cy = by + dy, cz = bz + dz;
                        int wx = Math.floorMod(cx, bins), wy = Math.floorMod(cy, bins), wz = Math.floorMod(cz, bins);
                        double sx = ox + Math.floorDiv(cx, bins) * size, sy = oy + Math.floorDiv(cy, bins) * size, sz = oz + Math.floorDiv(cz, bins) * size;
                        int b = wx + bins * (wy + bins * wz);
                        for (int q = binStart[b]; q < binStart[b + 1]; q++) {
                            int s = binSeeds[q];
                            double ddx = seeds[3 * s] + sx - x, ddy = seeds[3 * s + 1] + sy - y, ddz = seeds[3 * s + 2] + sz - z;
                            double d2 = ddx * ddx + ddy * ddy + ddz * ddz;
                            if (d2 < best || (d2 == best && s < bestSeed)) {
                                second = best;
                                best = d2;
                                bestSeed = s;
                            } else if (d2 < second) {
                                second = d2;
                            }
                        }
                    }
                }
            }
            // the bins within ring r cover the ball of radius r·w around the point
            double covered = r * binWidth;
            double needed = two == null ? best : second;
            if (bestSeed >= 0 && needed < covered * covered) {
                if (two != null) {
                    two[0] = Math.sqrt(best);
                    two[1] = Math.sqrt(second);
                }
                return bestSeed;
            }
        }
    }

    /** Visits every seed image within {@code radius} of (x, y, z) (each image once). */
    public void forEachWithin(double x, double y, double z, double radius, ImageVisitor visitor) {
        int bx = bin(wrap(x)), by = bin(wrap(y)), bz = bin(wrap(z));
        double ox = x - wrap(x), oy = y - wrap(y), oz = z - wrap(z);
        int reach = (int) Math.ceil(radius / binWidth) + 1;
        double r2 = radius * radius;
        for (int dz = -reach; dz <= reach; dz++) {
            for (int dy = -reach; dy <= reach; dy++) {
                for (int dx = -reach; dx <= reach; dx++) {
                    int cx = bx + dx, cy = by + dy, cz = bz + dz;
                    int wx = Math.floorMod(cx, bins), wy = Math.floorMod(cy, bins), wz = Math.floorMod(cz, bins);
                    double sx = ox + Math.floorDiv(cx, bins) * size, sy = oy + Math.floorDiv(cy, bins) * size, sz = oz + Math.floorDiv(cz, bins) * size;
                    int b = wx + bins * (wy + bins * wz);
                    for (int q = binStart[b]; q < binStart[b + 1]; q++) {
                        int s = binSeeds[q];
                        double px = seeds[3 * s] + sx, py = seeds[3 * s + 1] + sy, pz = seeds[3 * s + 2] + sz;
                        double ddx = px - x, ddy = py - y, ddz = pz - z;
                        double d2 = ddx * ddx + ddy * ddy + ddz * ddz;
                        if (d2 <= r2) visitor.visit(s, px, py, pz, d2);
                    }
                }
            }
        }
    }

    private double wrap(double c) {
        double w = c - size * Math.floor(c / size);
        return w >= size ? 0 : w;
    }
}
