package io.ionstream.engine.fe.micro;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Plane sections of the unit cube against closed forms and the volume identity ∫A(t)dt = 1. */
class CubeSectionTest {

    @Test
    void knownSections() {
        assertEquals(1.0, CubeSection.area(0, 0, 1, 0.3), 1e-14);
        assertEquals(Math.sqrt(2), CubeSection.area(1 / Math.sqrt(2), 1 / Math.sqrt(2), 0, 0), 1e-14);
        // regular hexagon through the centre normal to a body diagonal: (3√3/4)·(√2/... ) = 3√3/4
        double s = 1 / Math.sqrt(3);
        assertEquals(3 * Math.sqrt(3) / 4, CubeSection.area(s, s, s, 0), 1e-13);
        // corner triangle: plane x+y+z = 3/2 − 3ε... at t with distance u from the corner → equilateral area (√3/2)(√2 a)² /2
        double a = 0.2; // the plane cuts the three edges at the corner (½,½,½) at distance a
        double t = s * (1.5 - a);
        double side = Math.sqrt(2) * a;
        assertEquals(Math.sqrt(3) / 4 * side * side, CubeSection.area(s, s, s, t), 1e-13);
        assertEquals(0.0, CubeSection.area(0, 0, 1, 0.7), 0.0);
    }

    @Test
    void aPlaneOnAFaceCountsHalfForEachOfTheTwoVoxels() {
        assertEquals(0.5, CubeSection.area(0, 0, 1, 0.5), 1e-15);
        assertEquals(0.5, CubeSection.area(1, 0, 0, -0.5), 1e-15);
    }

    @Test
    void sectionAreasIntegrateToTheCubeVolume() {
        SplittableRandom rnd = new SplittableRandom(2);
        for (int trial = 0; trial < 20; trial++) {
            double x = rnd.nextGaussian(), y = rnd.nextGaussian(), z = rnd.nextGaussian();
            double l = Math.sqrt(x * x + y * y + z * z);
            x /= l; y /= l; z /= l;
            double half = 0.5 * (Math.abs(x) + Math.abs(y) + Math.abs(z));
            int m = 4000;
            double sum = 0;
            for (int q = 0; q < m; q++) { // midpoint rule, A(t) is a quadratic spline
                double t = -half + (q + 0.5) * 2 * half / m;
                sum += CubeSection.area(x, y, z, t);
            }
            assertEquals(1.0, sum * 2 * half / m, 2e-6);
        }
    }

    @Test
    void clippingByAHalfSpaceKeepsTheRightPart() {
        CubeSection cs = new CubeSection();
        cs.begin(0, 0, 1, 0, 0, 0, 0);
        cs.clip(1, 0, 0, 0.25); // keep x ≤ ¼: ¾ of the unit square
        assertEquals(0.75, cs.area(), 1e-14);
        cs.clip(0, -1, 0, 0.0); // keep y ≥ 0
        assertEquals(0.375, cs.area(), 1e-14);
    }
}
