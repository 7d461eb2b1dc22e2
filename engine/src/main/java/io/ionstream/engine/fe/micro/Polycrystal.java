package io.ionstream.engine.fe.micro;

/**
 * A periodic polycrystal on an n³ voxel grid over a cubic cell of side {@code cellNm}: the grain
 * of every voxel, each grain's boundary planes ({@link FacetTable}), and per voxel the nearest
 * boundary plane of its grain and the distance of the voxel centre to it (voxel units). That
 * distance is exact for Voronoi grains (the minimum over the grain's bisector planes), so grain
 * boundaries of any width δ are the voxels with distance < δ/2, each tagged with the normal of
 * its nearest facet.
 *
 * <p>Voxel (i, j, k) has index (k·n + j)·n + i and centre ((i, j, k) + ½)·h, h = cellNm / n.
 * Large arrays: labels and nearest facet (int), distance (float) — 12 bytes per voxel.
 */
public final class Polycrystal {
    private final int n;
    private final double cellNm;
    private final int grains;
    private final int[] labels;
    private final double[] refs;
    private final FacetTable facets;
    private final int[] nearestFacet;
    private final float[] distance;
    private final double[] seeds;
    private final String origin;
    private volatile InterfaceSections sections;
    private volatile GrainStatistics statistics;

    Polycrystal(int n, double cellNm, int grains, int[] labels, double[] refs, FacetTable facets,
                int[] nearestFacet, float[] distance, double[] seeds, String origin) {
        this.n = n;
        this.cellNm = cellNm;
        this.grains = grains;
        this.labels = labels;
        this.refs = refs;
        this.facets = facets;
        this.nearestFacet = nearestFacet;
        this.distance = distance;
        this.seeds = seeds;
        this.origin = origin;
    }

    /** Voxels per axis. */
    public int grid() { return n; }

    public long voxels() { return (long) n * n * n; }

    public double cellNm() { return cellNm; }

    public double voxelNm() { return cellNm / n; }

    public int grains() { return grains; }

    /** Grain size d = (mean grain volume)^(1/3) = L / N^(1/3), nm. */
    public double grainSizeNm() { return cellNm / Math.cbrt(grains); }

    /** Grain id per voxel (shared array). */
    public int[] labels() { return labels; }

    /** Reference point of grain g (voxel units): its seed, or its centroid. */
    public double ref(int g, int axis) { return refs[3 * g + axis]; }

    public FacetTable facets() { return facets; }

    /** Nearest facet of the voxel's grain (−1 when the grain has no facet). */
    public int nearestFacet(int voxel) { return nearestFacet[voxel]; }

    /** Distance (voxel units) from the voxel centre to its grain's boundary (+∞ when none). */
    public float boundaryDistance(int voxel) { return distance[voxel]; }

    /** Seeds as fractional coordinates (copy), or null for a labels-only microstructure. */
    public double[] seeds() { return seeds == null ? null : seeds.clone(); }

    public boolean hasSeeds() { return seeds != null; }

    /** How the microstructure was made (for provenance). */
    public String origin() { return origin; }

    /** Minimum-image difference along one axis, voxel units. */
    public double minImage(double d) {
        return d - n * Math.rint(d / n);
    }

    /** Grain-size measures (computed on first use, then cached). */
    public GrainStatistics statistics(int threads) {
        GrainStatistics s = statistics;
        if (s == null) {
            synchronized (this) {
                s = statistics;
                if (s == null) statistics = s = GrainStatistics.of(this, threads);
            }
        }
        return s;
    }

    /** The boundary area inside every voxel (computed on first use, then cached). */
    public InterfaceSections sections(int threads) {
        InterfaceSections s = sections;
        if (s == null) {
            synchronized (this) {
                s = sections;
                if (s == null) sections = s = InterfaceSections.compute(this, threads);
            }
        }
        return s;
    }
}
