package io.ionstream.engine.analysis.diffusion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ionstream.engine.SharedData;
import io.ionstream.engine.units.MetalUnits;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ArrheniusTest {

    @Test
    void recoversExactParametersAndPropagatesErrors() {
        double d0 = 3.0e-3, ea = 0.30; // cm²/s, eV
        double[] t = {400, 450, 500, 550, 600};
        double[] d = new double[t.length], err = new double[t.length];
        for (int i = 0; i < t.length; i++) {
            d[i] = d0 * Math.exp(-ea / (MetalUnits.BOLTZ * t[i]));
            err[i] = 0.05 * d[i];
        }
        Arrhenius a = Arrhenius.fit(t, d, err);
        assertEquals(ea, a.ea(), 1e-12);
        assertEquals(d0, a.d0(), 1e-12 * d0);
        assertEquals(d0 * Math.exp(-ea / (MetalUnits.BOLTZ * 300)), a.at(300), 1e-12 * a.at(300));
        // extrapolating further from the data must be less certain
        assertTrue(a.lnError(300) > a.lnError(500));
        // the propagated error at a fitted temperature is below the 5 % input error
        assertTrue(a.lnError(500) < 0.05);
    }

    /** Monte Carlo check of the extrapolation error: scatter of ln D(300 K) over noisy data sets. */
    @Test
    void extrapolationErrorMatchesMonteCarloScatter() {
        double d0 = 1e-3, ea = 0.25;
        double[] t = {350, 400, 450, 500};
        SplittableRandom rng = new SplittableRandom(3);
        int runs = 4000;
        double sum = 0, sum2 = 0, reported = 0;
        for (int r = 0; r < runs; r++) {
            double[] d = new double[t.length], err = new double[t.length];
            for (int i = 0; i < t.length; i++) {
                double rel = 0.1;
                d[i] = d0 * Math.exp(-ea / (MetalUnits.BOLTZ * t[i])) * Math.exp(rel * SyntheticWalks.gaussian(rng));
                err[i] = rel * d[i];
            }
            Arrhenius a = Arrhenius.fit(t, d, err);
            double l = a.lnAt(300);
            sum += l;
            sum2 += l * l;
            reported += a.lnError(300);
        }
        double mean = sum / runs, sd = Math.sqrt(sum2 / runs - mean * mean);
        assertEquals(sd, reported / runs, 0.05 * sd);
    }

    @Test
    void tooFewTemperaturesOrNonPositiveDIsAClearError() {
        assertThrows(IllegalArgumentException.class, () -> Arrhenius.fit(new double[] {400, 500}, new double[] {1e-6, 2e-6}, null));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> Arrhenius.fit(new double[] {400, 500, 600}, new double[] {1e-6, 0, 2e-6}, null));
        assertTrue(e.getMessage().contains("500"), e.getMessage());
    }

    /**
     * Seed 001, Table V (as transcribed in SCIENCE.md §6): its D₀ and E_a inputs must give its
     * D(300 K) column, and that D with Λ = 21.808e-3 Li/Å³ its σ(300 K) column, within the
     * rounding of the printed numbers.
     */
    @Test
    void seedTableFiveParametersReproduceItsRoomTemperatureColumns() throws Exception {
        List<String[]> rows = new ArrayList<>();
        boolean inTable = false;
        for (String line : Files.readAllLines(SharedData.file("SCIENCE.md"))) {
            if (line.startsWith("| structure | D₀")) inTable = true;
            else if (inTable && !line.startsWith("|")) break;
            else if (inTable && !line.startsWith("|---")) rows.add(line.split("\\|"));
        }
        int checked = 0;
        for (String[] r : rows) {
            String name = r[1].strip();
            if (r[2].strip().equals("–")) continue; // experiment: no Arrhenius parameters
            String[] d0s = r[2].split("/"), eas = r[3].split("/"), d300s = r[4].split("/"), sigmas = r[5].split("/");
            for (int k = 0; k < d0s.length; k++) {
                Printed d0 = Printed.parse(d0s[k]), ea = Printed.parse(eas[k]);
                Printed d300 = Printed.parse(d300s[k]), sigma = Printed.parse(sigmas[k]);
                double kt = MetalUnits.BOLTZ * 300;
                double dCalc = d0.value() * Math.exp(-ea.value() * 1e-3 / kt); // 1e-7 cm²/s
                // the inputs are rounded: propagate half a unit of their last digits
                double tolD = dCalc * (d0.halfUnit() / d0.value() + ea.halfUnit() * 1e-3 / kt) + d300.halfUnit();
                assertEquals(d300.value(), dCalc, tolD, name + " #" + (k + 1) + ": D(300 K)");
                double sigmaCalc = NernstEinstein.conductivityMsPerCm(d300.value() * 1e-7, 300,
                    NernstEinstein.DEFAULT_LAMBDA_PER_A3);
                double tolS = sigmaCalc * d300.halfUnit() / d300.value() + sigma.halfUnit();
                assertEquals(sigma.value(), sigmaCalc, tolS, name + " #" + (k + 1) + ": σ(300 K)");
                checked++;
            }
        }
        assertEquals(8, checked, "rows of the table checked");
    }

    /** A printed number such as "3.3×10⁴" or "0.012" with half a unit of its last digit. */
    record Printed(double value, double halfUnit) {
        static Printed parse(String s) {
            String t = s.strip();
            int exp = 0;
            int times = t.indexOf("×10");
            if (times >= 0) {
                exp = superscript(t.substring(times + 3));
                t = t.substring(0, times);
            }
            int dot = t.indexOf('.');
            int decimals = dot < 0 ? 0 : t.length() - dot - 1;
            double scale = Math.pow(10, exp);
            return new Printed(Double.parseDouble(t) * scale, 0.5 * Math.pow(10, -decimals) * scale);
        }

        static int superscript(String s) {
            String digits = "⁰¹²³⁴⁵⁶⁷⁸⁹";
            int v = 0;
            for (char c : s.strip().toCharArray()) v = 10 * v + digits.indexOf(c);
            return v;
        }
    }
}
