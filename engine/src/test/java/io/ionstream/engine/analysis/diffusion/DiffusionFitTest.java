package io.ionstream.engine.analysis.diffusion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ionstream.engine.analysis.trajectory.Trajectory;
import org.junit.jupiter.api.Test;

class DiffusionFitTest {

    @Test
    void overlapSumMatchesBruteForce() {
        int n = 23;
        for (int m = 1; m < n; m += 3) {
            for (int mp = 1; mp < n; mp += 4) {
                double brute = 0;
                for (int k = 0; k + m < n; k++) {
                    for (int kp = 0; kp + mp < n; kp++) {
                        int o = Math.min(k + m, kp + mp) - Math.max(k, kp);
                        if (o > 0) brute += (double) o * o;
                    }
                }
                assertEquals(brute, RandomWalkCovariance.overlapSquares(n, m, mp), 1e-9, "lags " + m + ", " + mp);
            }
        }
    }

    /**
     * The reported error must be the real scatter of D over independent trajectories: 160
     * realisations of 40 walkers × 300 frames; D, its error and the coverage of ±1σ are checked.
     */
    @Test
    void errorBarIsCalibratedOnRandomWalksWithKnownD() {
        double dTrue = 0.5, dt = 0.1; // Å²/ps, ps
        int realisations = 160;
        for (Projection p : new Projection[] {Projection.XYZ, Projection.XY, Projection.Z}) {
            double sum = 0, sum2 = 0, errSum = 0;
            int covered = 0;
            for (int r = 0; r < realisations; r++) {
                Trajectory t = SyntheticWalks.brownian(40, 300, dt, dTrue, 1000 + r);
                Msd msd = MsdCalculator.allOrigins(t, t.all(), false);
                DiffusionResult res = DiffusionFit.fit(msd, p, 3.0, 15.0);
                double d = res.dA2PerPs();
                double e = res.dError() / io.ionstream.engine.units.MetalUnits.A2_PER_PS_TO_CM2_PER_S;
                sum += d;
                sum2 += d * d;
                errSum += e;
                if (Math.abs(d - dTrue) <= e) covered++;
            }
            double mean = sum / realisations;
            double sd = Math.sqrt((sum2 - realisations * mean * mean) / (realisations - 1));
            double meanErr = errSum / realisations;
            assertEquals(dTrue, mean, 3 * sd / Math.sqrt(realisations), p + ": mean D over realisations");
            double ratio = meanErr / sd;
            assertTrue(ratio > 0.8 && ratio < 1.25, p + ": reported error " + meanErr + " vs scatter " + sd + " (ratio " + ratio + ")");
            double coverage = (double) covered / realisations;
            assertTrue(coverage > 0.56 && coverage < 0.80, p + ": ±1σ covers " + coverage + " of the realisations");
        }
    }

    @Test
    void exponentIsOneForRandomWalksAndBelowForCagedMotion() {
        Trajectory walk = SyntheticWalks.brownian(100, 400, 0.1, 0.5, 7);
        DiffusionResult free = DiffusionFit.fit(MsdCalculator.allOrigins(walk, walk.all(), false), Projection.XYZ, 2, 20);
        assertTrue(free.normal(), "random walk: α = " + free.alpha());
        assertEquals(1.0, free.alpha(), 0.05);

        Trajectory cage = SyntheticWalks.caged(100, 400, 0.1, 0.5, 1.0, 7);
        DiffusionResult caged = DiffusionFit.fit(MsdCalculator.allOrigins(cage, cage.all(), false), Projection.XYZ, 2, 20);
        assertFalse(caged.normal(), "caged motion: α = " + caged.alpha());
        assertTrue(caged.alpha() < 0.5, "caged motion: α = " + caged.alpha());
        assertTrue(caged.verdict().contains("sub-diffusive"));
    }

    @Test
    void tooFewPointsInTheWindowIsAClearError() {
        Trajectory walk = SyntheticWalks.brownian(5, 20, 0.1, 0.5, 1);
        Msd msd = MsdCalculator.allOrigins(walk, walk.all(), false);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DiffusionFit.fit(msd, Projection.XYZ, 0.5, 0.65));
        assertTrue(e.getMessage().contains("too few MSD points"), e.getMessage());
    }
}
