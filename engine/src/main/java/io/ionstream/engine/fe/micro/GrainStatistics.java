package io.ionstream.engine.fe.micro;

/**
 * Grain-size measures of a polycrystal. The grain size d is (mean grain volume)^(1/3) = L/N^(1/3);
 * the equivalent-sphere diameter of the mean grain is (6/π)^(1/3)·d ≈ 1.2407 d; the mean linear
 * intercept is counted along all grid lines (line length per boundary crossing) and compared
 * with the stereological 2/S_V, where S_V is the boundary area per volume from the exact facet
 * areas. For a Poisson-Voronoi tessellation S_V·d = H = 2.9105, so the boundary volume fraction
 * of width δ is f ≈ H·δ/d (minus the overlap at junctions).
 */
public record GrainStatistics(int grains, double cellNm, double grainSizeNm, double equivalentSphereDiameterNm,
                              double volumeCv, double meanInterceptNm, double surfacePerVolume, double stereologicalInterceptNm,
                              double shapeFactor) {

    /** S_V·d of the Poisson-Voronoi tessellation. */
    public static final double POISSON_VORONOI_H = 2.9105;

    public static GrainStatistics of(Polycrystal pc, int threads) {
        int n = pc.grid();
        int[] labels = pc.labels();
        long[] count = new long[pc.grains()];
        long crossings = 0;
        for (int k = 0; k < n; k++)
            for (int j = 0; j < n; j++)
                for (int i = 0; i < n; i++) {
                    int v = (k * n + j) * n + i;
                    int g = labels[v];
                    count[g]++;
                    if (labels[(k * n + j) * n + (i + 1) % n] != g) crossings++;
                    if (labels[(k * n + (j + 1) % n) * n + i] != g) crossings++;
                    if (labels[(((k + 1) % n) * n + j) * n + i] != g) crossings++;
                }
        double mean = (double) pc.voxels() / pc.grains(), var = 0;
        for (long c : count) var += (c - mean) * (c - mean);
        double cv = pc.grains() > 1 ? Math.sqrt(var / pc.grains()) / mean : 0;
        double h = pc.voxelNm();
        double lineLengthNm = 3.0 * pc.voxels() * h;
        double intercept = crossings > 0 ? lineLengthNm / crossings : Double.POSITIVE_INFINITY;
        double area = pc.sections(threads).totalArea() * h * h;
        double sv = area / Math.pow(pc.cellNm(), 3);
        double d = pc.grainSizeNm();
        return new GrainStatistics(pc.grains(), pc.cellNm(), d, Math.cbrt(6 / Math.PI) * d, cv, intercept, sv,
            sv > 0 ? 2 / sv : Double.POSITIVE_INFINITY, sv * d);
    }

    /** f ≈ H·δ/d with the measured shape factor H = S_V·d. */
    public double boundaryFraction(double widthNm) { return surfacePerVolume * widthNm; }

    /** f ≈ 2.9105·δ/d, the Poisson-Voronoi estimate. */
    public double poissonVoronoiFraction(double widthNm) { return POISSON_VORONOI_H * widthNm / grainSizeNm; }
}
