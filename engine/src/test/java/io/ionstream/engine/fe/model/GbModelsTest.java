package io.ionstream.engine.fe.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ionstream.engine.fe.FeCase;
import io.ionstream.engine.fe.FeHomogenisation;
import io.ionstream.engine.fe.FeResult;
import io.ionstream.engine.fe.micro.Polycrystal;
import io.ionstream.engine.fe.micro.PolycrystalBuilder;
import io.ionstream.engine.fe.micro.PolycrystalSpec;
import io.ionstream.engine.fe.micro.Seeding;
import io.ionstream.engine.fe.solver.SolverSettings;
import org.junit.jupiter.api.Test;

/** Both boundary models against analytic results: laminates, the dilute limit, bounds, isotropy. */
class GbModelsTest {
    private static final SolverSettings TIGHT = SolverSettings.defaults().withTolerance(1e-9);

    /** Two slab grains (boundaries z = 0 and z = n/2 on voxel faces). */
    private static Polycrystal slabs(int n, double cellNm) {
        int[] labels = new int[n * n * n];
        for (int v = 0; v < labels.length; v++) labels[v] = (v / (n * n)) < n / 2 ? 0 : 1;
        return PolycrystalBuilder.fromLabels(labels, n, 2, cellNm, 2, "slabs");
    }

    private static void assertLaminate(FeResult r, double f, GbDiffusivities d) {
        double par = (1 - f) * d.bulk() + f * d.parallel();
        double ser = 1 / ((1 - f) / d.bulk() + f / d.perpendicular());
        double[][] m = r.effective().matrix();
        assertEquals(par, m[0][0], 1e-8 * par, "parallel xx");
        assertEquals(par, m[1][1], 1e-8 * par, "parallel yy");
        assertEquals(ser, m[2][2], 1e-8 * ser, "series zz");
        assertEquals(0, m[0][1], 1e-9 * par);
        assertEquals(0, m[0][2], 1e-9 * par);
    }

    @Test
    void laminateIsExactInBothModels() {
        int n = 16;
        Polycrystal pc = slabs(n, 32.0); // voxel 2 nm
        GbDiffusivities d = new GbDiffusivities(1.0, 30.0, 0.02);
        try (FeHomogenisation fe = new FeHomogenisation(TIGHT)) {
            // resolved: δ = 8 nm = 4 voxels → 2 boundary layers on each side of both planes
            FeResult res = fe.run(pc, new FeCase(GbModel.RESOLVED, 8.0, d), null);
            assertEquals(8.0 / n, res.gbFraction(), 1e-15);
            assertLaminate(res, res.gbFraction(), d);
            // collapsed: δ = 3 nm: each plane's excess shared by the two voxel layers beside it
            FeResult col = fe.run(pc, new FeCase(GbModel.COLLAPSED, 3.0, d), null);
            assertEquals(2 * 3.0 / 32.0, col.gbFraction(), 1e-12);
            assertLaminate(col, col.gbFraction(), d);
        }
    }

    @Test
    void collapsedModelReachesTheDiluteRandomBoundaryLimit() {
        GbDiffusivities d = new GbDiffusivities(1.0, 4.0, 0.5);
        try (FeHomogenisation fe = new FeHomogenisation(SolverSettings.defaults().withTolerance(1e-8))) {
            Polycrystal pc = fe.polycrystal(new PolycrystalSpec(40, 32, 100, Seeding.RANDOM, 1, 0));
            double previousError = Double.POSITIVE_INFINITY;
            for (double width : new double[] {1.0, 0.25}) {
                FeResult r = fe.run(pc, new FeCase(GbModel.COLLAPSED, width, d), null);
                double f = r.gbFraction();
                double dilute = d.bulk() + f * (2.0 / 3 * (d.parallel() - d.bulk()) + d.bulk() / 3 * (1 - d.bulk() / d.perpendicular()));
                double excess = dilute - d.bulk();
                double error = Math.abs(r.mean() - dilute) / excess;
                // the deviation is second order in f: it falls with f and is small already at f = 3 %
                assertTrue(error < 0.01, "relative error of the boundary excess " + error + " at f = " + f);
                assertTrue(error < previousError, "error must fall with f");
                previousError = error;
            }
        }
    }

    @Test
    void resolvedPolycrystalRespectsTheBoundsAndIsNearlyIsotropic() {
        try (FeHomogenisation fe = new FeHomogenisation(SolverSettings.defaults().withTolerance(1e-8))) {
            Polycrystal pc = fe.polycrystal(new PolycrystalSpec(27, 40, 20, Seeding.LLOYD, 4, 5));
            for (double ratio : new double[] {0.05, 20}) {
                FeResult r = fe.run(pc, new FeCase(GbModel.RESOLVED, 2.5, GbDiffusivities.isotropic(1, ratio)), null);
                double lo = r.bounds().wienerLower().mean(), hi = r.bounds().wienerUpper().mean();
                for (double ev : r.eigenvalues()) assertTrue(ev > lo && ev < hi, "eigenvalue " + ev + " outside Wiener [" + lo + ", " + hi + "]");
                assertTrue(r.mean() > r.bounds().hsLower() && r.mean() < r.bounds().hsUpper(),
                    "mean " + r.mean() + " outside HS [" + r.bounds().hsLower() + ", " + r.bounds().hsUpper() + "]");
                assertTrue(r.effective().asymmetry() < 1e-6, "asymmetry " + r.effective().asymmetry());
                double[] ev = r.eigenvalues();
                assertTrue((ev[2] - ev[0]) / r.mean() < 0.05, "anisotropy " + (ev[2] - ev[0]) / r.mean() + " for 27 relaxed grains");
            }
        }
    }

    /**
     * Resolved boundaries converge with resolution once the boundary-fraction noise of the voxel
     * staircase is divided out: the boundary excess per unit boundary fraction, (D̄ − D_b)/f,
     * changes less and less as the grid doubles (δ = 2.5 nm over 1.2, 2.4, 4.8 voxels).
     */
    @Test
    void resolvedBoundaryExcessConvergesWithResolution() {
        assertConverges(new int[] {12, 24, 48}, 0.06);
    }

    static void assertConverges(int[] grids, double finalRelativeChange) {
        double[] frac = io.ionstream.engine.fe.micro.SeedGenerator.generate(2, Seeding.LLOYD, 7, 10);
        try (FeHomogenisation fe = new FeHomogenisation(SolverSettings.defaults().withTolerance(1e-8))) {
            for (double ratio : new double[] {0.1, 10}) {
                double[] excess = new double[grids.length];
                for (int q = 0; q < grids.length; q++) {
                    Polycrystal pc = PolycrystalBuilder.fromSeeds(frac, grids[q], 20 * Math.cbrt(2), 2, "two grains");
                    FeResult r = fe.run(pc, new FeCase(GbModel.RESOLVED, 2.5, GbDiffusivities.isotropic(1, ratio)), null);
                    excess[q] = (r.mean() - 1) / r.gbFraction();
                }
                for (int q = 2; q < grids.length; q++) {
                    double before = Math.abs(excess[q - 1] - excess[q - 2]), now = Math.abs(excess[q] - excess[q - 1]);
                    assertTrue(now < before, "ratio " + ratio + ": change " + now + " after " + before + " " + java.util.Arrays.toString(excess));
                }
                int m = grids.length - 1;
                assertTrue(Math.abs(excess[m] - excess[m - 1]) < finalRelativeChange * Math.abs(excess[m]),
                    "ratio " + ratio + ": last change " + java.util.Arrays.toString(excess));
            }
        }
    }

    @Test
    void homogeneousPolycrystalReturnsTheBulkValue() {
        try (FeHomogenisation fe = new FeHomogenisation(SolverSettings.defaults())) {
            Polycrystal pc = fe.polycrystal(PolycrystalSpec.random(10, 16, 30, 3));
            for (GbModel m : GbModel.values()) {
                FeResult r = fe.run(pc, new FeCase(m, 2.0, GbDiffusivities.isotropic(0.7, 0.7)), null);
                for (int i = 0; i < 3; i++)
                    for (int j = 0; j < 3; j++) assertEquals(i == j ? 0.7 : 0, r.effective().matrix()[i][j], 1e-14, m + " D[" + i + "][" + j + "]");
            }
        }
    }

    @Test
    void collapsedModelRefusesVoxelsThinnerThanTheBoundary() {
        try (FeHomogenisation fe = new FeHomogenisation(SolverSettings.defaults())) {
            Polycrystal pc = fe.polycrystal(PolycrystalSpec.random(8, 32, 10, 3)); // voxel 0.625 nm
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> fe.material(pc, new FeCase(GbModel.COLLAPSED, 2.5, GbDiffusivities.isotropic(1, 10))));
            assertTrue(e.getMessage().contains("resolved model"), e.getMessage());
        }
    }
}
