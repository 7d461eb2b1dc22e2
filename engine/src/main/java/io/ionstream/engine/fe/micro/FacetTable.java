package io.ionstream.engine.fe.micro;

import java.util.Arrays;

/**
 * The candidate boundary planes of every grain, in voxel units and in the grain's own frame
 * (origin at its reference point: the Voronoi seed, or the centroid for a labels-only
 * microstructure). Facet f of grain g is the half-space n_f·y ≤ c_f (n_f a unit normal pointing
 * towards the neighbour); grain g is the intersection of its facets' half-spaces. Facets of grain
 * g are the contiguous range [start(g), start(g+1)). Each boundary appears once from each side;
 * {@link #canonical} picks one of the two.
 */
public final class FacetTable {
    private final int[] start;
    private final int[] neighbour;
    private final int[] shift;
    private final double[] normal;
    private final double[] offset;

    FacetTable(int[] start, int[] neighbour, int[] shift, double[] normal, double[] offset) {
        this.start = start;
        this.neighbour = neighbour;
        this.shift = shift;
        this.normal = normal;
        this.offset = offset;
    }

    /** Collects facets grain by grain (grains in increasing order). */
    static final class Builder {
        private final int grains;
        private final int[] start;
        private int size, current = -1;
        private int[] neighbour = new int[64], shift = new int[192];
        private double[] normal = new double[192], offset = new double[64];

        Builder(int grains) {
            this.grains = grains;
            this.start = new int[grains + 1];
        }

        void beginGrain(int g) {
            if (g != current + 1) throw new IllegalStateException("grains must be added in order");
            for (int q = current + 1; q <= g; q++) start[q] = size;
            current = g;
        }

        void add(int nb, int sx, int sy, int sz, double nx, double ny, double nz, double c) {
            if (size == offset.length) {
                int cap = 2 * size;
                neighbour = Arrays.copyOf(neighbour, cap);
                offset = Arrays.copyOf(offset, cap);
                shift = Arrays.copyOf(shift, 3 * cap);
                normal = Arrays.copyOf(normal, 3 * cap);
            }
            neighbour[size] = nb;
            shift[3 * size] = sx; shift[3 * size + 1] = sy; shift[3 * size + 2] = sz;
            normal[3 * size] = nx; normal[3 * size + 1] = ny; normal[3 * size + 2] = nz;
            offset[size] = c;
            size++;
        }

        FacetTable build() {
            for (int q = current + 1; q <= grains; q++) start[q] = size;
            return new FacetTable(start, Arrays.copyOf(neighbour, size), Arrays.copyOf(shift, 3 * size),
                Arrays.copyOf(normal, 3 * size), Arrays.copyOf(offset, size));
        }
    }

    public int size() { return offset.length; }

    public int start(int grain) { return start[grain]; }

    public int end(int grain) { return start[grain + 1]; }

    public int neighbour(int f) { return neighbour[f]; }

    public int shift(int f, int axis) { return shift[3 * f + axis]; }

    public double nx(int f) { return normal[3 * f]; }
    public double ny(int f) { return normal[3 * f + 1]; }
    public double nz(int f) { return normal[3 * f + 2]; }

    public double offset(int f) { return offset[f]; }

    /** Signed distance from a point (in the grain's frame) to facet f: positive inside the grain. */
    public double distance(int f, double x, double y, double z) {
        return offset[f] - (normal[3 * f] * x + normal[3 * f + 1] * y + normal[3 * f + 2] * z);
    }

    /**
     * Whether grain {@code g}'s copy of facet f is the one that counts a shared boundary: the
     * lower grain index, or for a boundary with its own periodic image the positive shift.
     */
    public boolean canonical(int g, int f) {
        int nb = neighbour[f];
        if (g != nb) return g < nb;
        for (int a = 0; a < 3; a++) {
            int s = shift[3 * f + a];
            if (s != 0) return s > 0;
        }
        return true;
    }
}
