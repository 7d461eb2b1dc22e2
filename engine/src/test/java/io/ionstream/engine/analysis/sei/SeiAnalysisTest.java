package io.ionstream.engine.analysis.sei;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SeiAnalysisTest {

    @Test
    void logarithmicReductionIsRecovered() {
        int n = 200;
        double[] t = new double[n], a = new double[n];
        SplittableRandom rng = new SplittableRandom(1);
        for (int i = 0; i < n; i++) {
            t[i] = 1 + 5 * i;
            a[i] = 0.05 + 0.09 * Math.log(t[i]) + 0.005 * (rng.nextDouble() - 0.5);
        }
        GrowthLaws.Logarithmic f = GrowthLaws.logarithmic(t, a);
        assertEquals(0.09, f.b(), 3 * f.bError() + 1e-4);
        assertEquals(0.05, f.a(), 3 * f.aError() + 1e-3);
        assertTrue(f.r2() > 0.99);
    }

    @Test
    void aicPicksTheRightCrystallisationLaw() {
        for (double p : new double[] {0.5, 1.0}) {
            int n = 100;
            double onset = 10;
            double[] t = new double[n], c = new double[n];
            SplittableRandom rng = new SplittableRandom(2);
            for (int i = 0; i < n; i++) {
                t[i] = 12 + 10 * i;
                c[i] = 0.9 * Math.pow((t[i] - onset) / 1002.0, p) * (1 + 0.03 * (rng.nextDouble() - 0.5));
            }
            GrowthLaws.PowerLaw f = GrowthLaws.powerLaw(t, c, onset);
            assertEquals(p, f.p(), 0.05, "free exponent for p = " + p);
            assertEquals(p == 0.5 ? "1/2" : "1", f.preferred());
            assertTrue(f.deltaAic() > 10, "ΔAIC " + f.deltaAic());
        }
    }

    @Test
    void stagesAreDetected() {
        int n = 1001;
        double[] t = new double[n], a = new double[n], c = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = i; // ps
            a[i] = Math.min(1.0, 0.25 * Math.log1p(t[i] / 2.0)) ; // reaches 1 at t ≈ 107 ps
            c[i] = t[i] < 20 ? 0 : Math.min(a[i], 0.004 * (t[i] - 20));
        }
        SeiStages s = SeiStages.detect(t, a, c, 0.01, 0.02);
        assertTrue(s.onsetReached());
        assertEquals(23, s.onsetTime(), 1e-9); // 0.004·(t−20) ≥ 0.01 from t = 22.5 on
        int best = 0;
        for (int i = 0; i < n; i++) if (a[i] - c[i] > a[best] - c[best]) best = i;
        assertEquals(t[best], s.coalescenceTime(), 1e-12);
        assertTrue(s.plateauReached());
        assertEquals(1.0, s.finalAlpha(), 1e-12);
        assertTrue(s.plateauTime() > 90 && s.plateauTime() < 110, "plateau at " + s.plateauTime());

        double[] rising = t.clone();
        for (int i = 0; i < n; i++) rising[i] = 1e-3 * t[i];
        SeiStages none = SeiStages.detect(t, rising, new double[n], 0.01, 0.001);
        assertFalse(none.onsetReached());
        assertFalse(none.plateauReached());
        assertTrue(Double.isNaN(none.onsetTime()));
    }

    @Test
    void tooFewPointsAreClearErrors() {
        assertThrows(IllegalArgumentException.class, () -> GrowthLaws.logarithmic(new double[] {1, 2}, new double[] {0.1, 0.2}));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> GrowthLaws.powerLaw(new double[] {1, 2, 3}, new double[] {0, 0, 0.1}, 0.5));
        assertTrue(e.getMessage().contains("onset"), e.getMessage());
    }
}
