package io.ionstream.engine.analysis.gb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ionstream.engine.analysis.live.SlabRegions;
import io.ionstream.engine.analysis.trajectory.Trajectory;
import io.ionstream.engine.system.Box;
import io.ionstream.engine.system.SpeciesTable;
import io.ionstream.engine.units.MetalUnits;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class GbAnalysisTest {

    @Test
    void gaussianWidthsOfTwoPeriodicPeaksAreRecovered() {
        double lz = 140, sigma1 = 4.8, sigma2 = 2.8;
        int bins = 28; // 5 Å bins
        double[] z = new double[bins], y = new double[bins];
        SplittableRandom rng = new SplittableRandom(4);
        for (int b = 0; b < bins; b++) {
            z[b] = (b + 0.5) * lz / bins;
            y[b] = -4.0 + peak(z[b], 10, sigma1, 0.05, lz) + peak(z[b], 80, sigma2, 0.03, lz) + 1e-4 * (rng.nextDouble() - 0.5);
        }
        GaussianPeaks g = GaussianPeaks.fit(z, y, lz, new double[] {12, 75});
        assertEquals(sigma1, g.sigma()[0], 3 * g.sigmaError()[0] + 0.02);
        assertEquals(sigma2, g.sigma()[1], 3 * g.sigmaError()[1] + 0.02);
        assertEquals(10, g.centre()[0], 0.05);
        assertEquals(6 * sigma1, g.width(0), 0.2);
        assertEquals(-4.0, g.baseline(), 1e-3);
    }

    private static double peak(double z, double mu, double s, double a, double lz) {
        double v = 0;
        for (int img = -1; img <= 1; img++) {
            double d = z - mu - img * lz;
            v += a * Math.exp(-d * d / (2 * s * s));
        }
        return v;
    }

    @Test
    void hartDecompositionInvertsTheMixture() {
        double dBulk = 1.2e-9, dGb = 3.0e-8, width = 28.8, spacing = 74;
        double dEff = Hart.effective(dBulk, dGb, width / spacing);
        Hart h = Hart.decompose(dEff, 0, dBulk, 0, width, 0, spacing);
        assertEquals(dGb, h.dGb(), 1e-15 * dGb / 1e-8);
        assertEquals(width / spacing, h.tau(), 1e-15);
        Hart e = Hart.decompose(dEff, 1e-10, dBulk, 0, width, 0, spacing);
        assertEquals(1e-10 / h.tau(), e.dGbError(), 1e-20);
        assertThrows(IllegalArgumentException.class, () -> Hart.decompose(dEff, 0, dBulk, 0, 80, 0, 74));
    }

    @Test
    void formationEnergyPerBoundaryArea() {
        double gamma = GbEnergy.formationEnergy(-1000.0, -1010.0, 50, 40, 2);
        assertEquals(10.0 / 4000, gamma, 1e-15);
        assertEquals(10.0 / 4000 * 16.021766, gamma * GbEnergy.EV_PER_A2_TO_J_PER_M2, 1e-12);
    }

    /**
     * Synthetic bicrystal: Li within 5 Å of the planes at z = 25 and 75 Å move in-plane with
     * D_GB, the rest with D_bulk; they never leave their slab. Regional D recovers both, and Hart
     * with δ = 10 Å, l = 50 Å recovers D_GB from the effective D of all atoms.
     */
    @Test
    void regionalDiffusionAndHartOnASyntheticBicrystal() {
        double lz = 100, dGb = 2.0, dBulk = 0.2, dt = 0.1; // Å²/ps, ps
        int atoms = 400, frames = 300;
        SplittableRandom rng = new SplittableRandom(8);
        double[][] x = new double[frames][3 * atoms];
        boolean[] fast = new boolean[atoms];
        for (int i = 0; i < atoms; i++) {
            double z = (i + 0.5) * lz / atoms; // uniform in z: the GB share is exactly δ/l
            fast[i] = Math.min(Math.abs(z - 25), Math.abs(z - 75)) < 5;
            x[0][3 * i + 2] = z;
        }
        for (int f = 1; f < frames; f++) {
            for (int i = 0; i < atoms; i++) {
                double sd = Math.sqrt(2 * (fast[i] ? dGb : dBulk) * dt);
                x[f][3 * i] = x[f - 1][3 * i] + sd * gaussian(rng);
                x[f][3 * i + 1] = x[f - 1][3 * i + 1] + sd * gaussian(rng);
                x[f][3 * i + 2] = x[f - 1][3 * i + 2];
            }
        }
        double[] time = new double[frames];
        Box[] boxes = new Box[frames];
        double[][] drift = new double[frames][3];
        for (int f = 0; f < frames; f++) {
            time[f] = f * dt;
            boxes[f] = Box.orthorhombic(50, 50, lz);
        }
        long[] ids = new long[atoms];
        for (int i = 0; i < atoms; i++) ids[i] = i + 1;
        Trajectory t = new Trajectory(SpeciesTable.of("Li"), new int[atoms], ids, time, x, boxes, drift, "none");
        SlabRegions regions = new SlabRegions(new double[] {25, 75}, new double[] {0, 5}, new String[] {"GB", "Bulk"});
        RegionalDiffusion.Result r = RegionalDiffusion.analyse(t, t.all(), regions, false, 3, 15);
        assertEquals(80, r.regions().get(0).atoms());
        assertEquals(320, r.regions().get(1).atoms());
        for (int f = 0; f < frames; f++) assertEquals(80, r.countsOverTime()[f][0]);
        var gb = r.regions().get(0).parallel();
        var bulk = r.regions().get(1).parallel();
        double toA2 = 1 / MetalUnits.A2_PER_PS_TO_CM2_PER_S;
        assertEquals(dGb, gb.d() * toA2, 4 * gb.dError() * toA2);
        assertEquals(dBulk, bulk.d() * toA2, 4 * bulk.dError() * toA2);

        var all = io.ionstream.engine.analysis.diffusion.DiffusionFit.fit(
            io.ionstream.engine.analysis.diffusion.MsdCalculator.allOrigins(t, t.all(), false),
            io.ionstream.engine.analysis.diffusion.Projection.XY, 3, 15);
        Hart h = Hart.decompose(all.d(), all.dError(), bulk.d(), bulk.dError(), 10, 0, 50);
        assertEquals(0.2, h.tau(), 1e-12);
        assertEquals(dGb, h.dGb() * toA2, 4 * h.dGbError() * toA2);
        assertTrue(h.dGbError() > 0);
    }

    private static double gaussian(SplittableRandom rng) {
        double u1 = 1.0 - rng.nextDouble(), u2 = rng.nextDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }
}
