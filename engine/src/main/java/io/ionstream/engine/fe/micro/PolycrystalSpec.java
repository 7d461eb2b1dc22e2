package io.ionstream.engine.fe.micro;

/**
 * Parameters of a generated Voronoi polycrystal: N grains of size d (nm; d = mean grain
 * volume^(1/3), so the cubic cell has side L = d·N^(1/3)) on an n³ voxel grid.
 */
public record PolycrystalSpec(int grains, int grid, double grainSizeNm, Seeding seeding, long seed, int lloydIterations) {
    public PolycrystalSpec {
        if (grains < 1) throw new IllegalArgumentException("grains must be ≥ 1, got " + grains);
        if (grid < 2) throw new IllegalArgumentException("grid must be ≥ 2 voxels per axis, got " + grid);
        if (!(grainSizeNm > 0) || !Double.isFinite(grainSizeNm)) throw new IllegalArgumentException("grain size must be positive, got " + grainSizeNm + " nm");
        if (seeding == null) throw new IllegalArgumentException("seeding is required");
        if (lloydIterations < 0) throw new IllegalArgumentException("Lloyd iterations must be ≥ 0");
    }

    public static PolycrystalSpec random(int grains, int grid, double grainSizeNm, long seed) {
        return new PolycrystalSpec(grains, grid, grainSizeNm, Seeding.RANDOM, seed, 0);
    }

    /** Cell side L = d·N^(1/3), nm. */
    public double cellNm() { return grainSizeNm * Math.cbrt(grains); }

    public PolycrystalSpec withGrainSize(double d) { return new PolycrystalSpec(grains, grid, d, seeding, seed, lloydIterations); }

    public PolycrystalSpec withGrid(int n) { return new PolycrystalSpec(grains, n, grainSizeNm, seeding, seed, lloydIterations); }
}
