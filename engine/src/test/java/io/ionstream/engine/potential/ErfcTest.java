package io.ionstream.engine.potential;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * erfc against high-precision values (30-digit arithmetic), its defining derivative, and the fast
 * interpolation against the slow reference evaluation; "double precision" here means a relative
 * error within 5e-15 (a few ulps).
 */
class ErfcTest {

    @ParameterizedTest
    @CsvSource({
        "0.001, 0.99887162120903076362",
        "0.3, 0.67137324054087257236",
        "1, 0.15729920705028513066",
        "1.9999, 0.0046798020929706085356",
        "2, 0.0046777349810472658379",
        "2.0001, 0.0046756686958033441929",
        "3.5, 7.4309837234141274552e-7",
        "5, 1.5374597944280348502e-12",
        "7, 4.1838256077794143986e-23"})
    void matchesHighPrecisionValues(double x, double expected) {
        assertEquals(expected, Erfc.erfc(x), 5e-15 * expected, "erfc(" + x + ")");
        assertEquals(2.0 - expected, Erfc.erfc(-x), 5e-15, "erfc(-" + x + ")");
        assertEquals(expected * Math.exp(x * x), Erfc.erfcScaled(x), 5e-15 * expected * Math.exp(x * x));
    }

    @Test
    void derivativeIsMinusTwoOverSqrtPiTimesGaussian() {
        // d/dx erfc = -2/sqrt(pi) exp(-x^2): checks continuity across the series / fraction switch
        for (double x = 0.05; x < 6.0; x += 0.0737) {
            double h = 1e-5;
            double numeric = (Erfc.erfc(x + h) - Erfc.erfc(x - h)) / (2 * h);
            double exact = -2.0 / Math.sqrt(Math.PI) * Math.exp(-x * x);
            assertEquals(exact, numeric, 1e-8 * Math.abs(exact), "derivative at " + x);
        }
    }

    @Test
    void fastInterpolationAgreesWithTheReferenceEvaluationEverywhere() {
        java.util.Random r = new java.util.Random(5);
        for (int k = 0; k < 200_000; k++) {
            double x = 7.0 * r.nextDouble();
            double ref = Erfc.referenceScaled(x);
            assertEquals(ref, Erfc.erfcScaled(x), 5e-15 * ref, "erfcx(" + x + ")");
        }
        for (int m = 0; m <= 14; m++) {
            double edge = 0.5 * m;
            for (double x : new double[] {Math.nextDown(edge), edge, Math.nextUp(edge)}) {
                if (x < 0) continue;
                assertEquals(Erfc.referenceScaled(x), Erfc.erfcScaled(x), 5e-15 * Erfc.referenceScaled(x), "at " + x);
            }
        }
    }

    @Test
    void limits() {
        assertEquals(1.0, Erfc.erfc(0.0), 5e-15);
        assertEquals(0.0, Erfc.erfc(40.0), 0.0);
        assertEquals(2.0, Erfc.erfc(-40.0), 0.0);
    }
}
