package io.ionstream.engine.fe.micro;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Voronoi labelling and exact boundary distances against brute force over all seed images. */
class PolycrystalTest {

    @Test
    void labelsAndBoundaryDistancesMatchBruteForce() {
        int n = 24, grains = 7;
        double[] frac = SeedGenerator.generate(grains, Seeding.RANDOM, 42, 0);
        Polycrystal pc = PolycrystalBuilder.fromSeeds(frac, n, 50.0, 2, "test");
        SplittableRandom rnd = new SplittableRandom(1);
        for (int trial = 0; trial < 400; trial++) {
            int i = rnd.nextInt(n), j = rnd.nextInt(n), k = rnd.nextInt(n);
            double[] x = {i + 0.5, j + 0.5, k + 0.5};
            // brute force over 5³ images of every seed
            int best = -1;
            double bestD2 = Double.POSITIVE_INFINITY;
            double[][] img = new double[grains * 125][];
            int m = 0;
            for (int s = 0; s < grains; s++)
                for (int a = -2; a <= 2; a++) for (int b = -2; b <= 2; b++) for (int c = -2; c <= 2; c++) {
                    double[] p = {frac[3 * s] * n + a * n, frac[3 * s + 1] * n + b * n, frac[3 * s + 2] * n + c * n, s};
                    img[m++] = p;
                    double d2 = sq(p[0] - x[0]) + sq(p[1] - x[1]) + sq(p[2] - x[2]);
                    if (d2 < bestD2) { bestD2 = d2; best = s; }
                }
            int v = (k * n + j) * n + i;
            assertEquals(best, pc.labels()[v], "label of voxel " + v);
            double[] own = null;
            for (double[] p : img) if ((int) p[3] == best && Math.abs(sq(p[0] - x[0]) + sq(p[1] - x[1]) + sq(p[2] - x[2]) - bestD2) < 1e-9) own = p;
            double dmin = Double.POSITIVE_INFINITY;
            for (double[] p : img) {
                if (p == own) continue;
                double ex = p[0] - own[0], ey = p[1] - own[1], ez = p[2] - own[2];
                double len = Math.sqrt(ex * ex + ey * ey + ez * ez);
                double d = (sq(p[0] - x[0]) + sq(p[1] - x[1]) + sq(p[2] - x[2]) - bestD2) / (2 * len);
                dmin = Math.min(dmin, d);
            }
            assertEquals(dmin, pc.boundaryDistance(v), 1e-5 * Math.max(1, dmin), "boundary distance of voxel " + v);
        }
    }

    private static double sq(double x) { return x * x; }

    @Test
    void twoSeedsOnAnAxisMakeBoxCellsWhoseSelfImageFacesAreBoundariesToo() {
        int n = 16;
        // seeds on the z axis: cells are boxes n × n × n/2; their faces normal to x and y are
        // boundaries with the grain's own periodic image (cells are grains)
        double[] frac = {0.5, 0.5, 0.25, 0.5, 0.5, 0.75};
        Polycrystal pc = PolycrystalBuilder.fromSeeds(frac, n, 32.0, 1, "boxes");
        int i = 5, j = 3;
        for (int k = 0; k < n; k++) {
            int v = (k * n + j) * n + i;
            double dz = Math.min(Math.abs(k + 0.5 - n / 2.0), Math.min(k + 0.5, n - k - 0.5));
            double expected = Math.min(dz, Math.min(Math.min(i + 0.5, n - i - 0.5), Math.min(j + 0.5, n - j - 0.5)));
            assertEquals(expected, pc.boundaryDistance(v), 1e-6);
        }
        // all boundary planes lie on voxel faces: z = 0, n/2 (2n²) and x = 0, y = 0 (n² each)
        assertEquals(4.0 * n * n, pc.sections(2).totalArea(), 1e-6);
    }

    @Test
    void slabLabelsGiveAnExactLaminate() {
        int n = 16;
        int[] labels = new int[n * n * n];
        for (int v = 0; v < labels.length; v++) labels[v] = (v / (n * n)) < n / 2 ? 0 : 1;
        Polycrystal pc = PolycrystalBuilder.fromLabels(labels, n, 2, 32.0, 2, "slabs");
        for (int k = 0; k < n; k++) {
            int v = (k * n + 3) * n + 5;
            double expected = Math.min(Math.abs(k + 0.5 - n / 2.0), Math.min(k + 0.5, n - k - 0.5));
            assertEquals(expected, pc.boundaryDistance(v), 1e-9);
            assertEquals(1.0, Math.abs(pc.facets().nz(pc.nearestFacet(v))), 1e-12);
        }
        InterfaceSections s = pc.sections(2);
        assertEquals(2.0 * n * n, s.totalArea(), 1e-6);
        GrainStatistics st = GrainStatistics.of(pc, 1);
        assertEquals(2.0 / n / pc.voxelNm(), st.surfacePerVolume(), 1e-9);
        // lines along z cross twice per n voxels; lines along x and y never
        assertEquals(3.0 * n * pc.voxelNm() / 2, st.meanInterceptNm(), 1e-9);
    }

    @Test
    void tiltedPlaneAreaIsExact() {
        // two seeds along (1,1,0): boundaries are planes x + y = const, area per cell = L²·√2 each (two planes)
        int n = 20;
        double[] frac = {0.25, 0.25, 0.5, 0.75, 0.75, 0.5};
        Polycrystal pc = PolycrystalBuilder.fromSeeds(frac, n, 20.0, 2, "tilted");
        double area = pc.sections(2).totalArea();
        GrainStatistics st = GrainStatistics.of(pc, 2);
        // Voronoi cells of this 2-seed lattice: facets normal to (1,1,0) and to x, y via the images; total area from S_V·V
        assertEquals(area / (double) (n * n * n), st.surfacePerVolume() * pc.voxelNm(), 1e-12);
        assertTrue(area > 0);
    }

    @Test
    void poissonVoronoiShapeFactorIsNearH() {
        int n = 64, grains = 120;
        Polycrystal pc = PolycrystalBuilder.generate(new PolycrystalSpec(grains, n, 50.0, Seeding.RANDOM, 9, 0), 2);
        GrainStatistics st = GrainStatistics.of(pc, 2);
        // 120 grains: the sample shape factor scatters by a few per cent around the ensemble value
        assertEquals(GrainStatistics.POISSON_VORONOI_H, st.shapeFactor(), 0.08 * GrainStatistics.POISSON_VORONOI_H, "H = S_V·d");
        // mean intercept from grid-line crossings matches the stereological 2/S_V (staircase makes it a bit shorter)
        assertEquals(st.stereologicalInterceptNm(), st.meanInterceptNm(), 0.05 * st.stereologicalInterceptNm());
    }

    @Test
    void quasiRandomAndRelaxedSeedsGiveMoreEvenGrains() {
        int n = 48, grains = 64;
        double cvRandom = GrainStatistics.of(PolycrystalBuilder.generate(new PolycrystalSpec(grains, n, 10, Seeding.RANDOM, 3, 0), 2), 2).volumeCv();
        double cvHalton = GrainStatistics.of(PolycrystalBuilder.generate(new PolycrystalSpec(grains, n, 10, Seeding.HALTON, 3, 0), 2), 2).volumeCv();
        GrainStatistics lloyd = GrainStatistics.of(PolycrystalBuilder.generate(new PolycrystalSpec(grains, n, 10, Seeding.LLOYD, 3, 8), 2), 2);
        assertTrue(cvHalton < cvRandom, "Halton CV " + cvHalton + " vs random " + cvRandom);
        assertTrue(lloyd.volumeCv() < cvHalton, "Lloyd CV " + lloyd.volumeCv() + " vs Halton " + cvHalton);
        // relaxed cells are rounder: less boundary per volume than Poisson-Voronoi
        assertTrue(lloyd.shapeFactor() < GrainStatistics.POISSON_VORONOI_H, "Lloyd H " + lloyd.shapeFactor());
    }

    @Test
    void fittedPlanesFromLabelsReproduceTheVoronoiDistances() {
        int n = 40, grains = 12;
        Polycrystal exact = PolycrystalBuilder.generate(new PolycrystalSpec(grains, n, 20.0, Seeding.LLOYD, 5, 5), 2);
        Polycrystal fitted = PolycrystalBuilder.fromLabels(exact.labels(), n, grains, exact.cellNm(), 2, "labels");
        int close = 0, total = 0;
        double maxErr = 0;
        for (int v = 0; v < exact.labels().length; v++) {
            if (exact.boundaryDistance(v) > 3) continue;
            total++;
            double err = Math.abs(exact.boundaryDistance(v) - fitted.boundaryDistance(v));
            maxErr = Math.max(maxErr, err);
            if (err < 0.5) close++;
        }
        assertTrue(close > 0.97 * total, close + " of " + total + " near-boundary voxels within half a voxel (max error " + maxErr + ")");
        double aExact = exact.sections(2).totalArea(), aFit = fitted.sections(2).totalArea();
        assertEquals(aExact, aFit, 0.03 * aExact, "boundary area from fitted planes");
    }
}
