package io.ionstream.engine.analysis.diffusion;

import io.ionstream.engine.analysis.fit.LeastSquares;
import io.ionstream.engine.analysis.fit.LinearFit;
import io.ionstream.engine.units.MetalUnits;

/**
 * D(T) = D₀ exp(−E_a / k_B T), fitted as ln D = ln D₀ − E_a · (1/k_B T). With errors on D the
 * fit is weighted (σ_lnD = σ_D / D, absolute weights); without, it is ordinary least squares
 * with the residual variance (at least three temperatures). Extrapolation carries the full
 * parameter covariance: var ln D(T) = var ln D₀ + var E_a / (k_B T)² − 2 cov / (k_B T).
 *
 * @param lnD0      ln of D₀ (D₀ in the unit of the input D, e.g. cm²/s)
 * @param ea        activation energy (eV)
 * @param covariance 2×2 covariance of (ln D₀, E_a)
 */
public record Arrhenius(double lnD0, double ea, double[][] covariance, int points, double chiSquare) {

    public static Arrhenius fit(double[] temperature, double[] d, double[] dError) {
        int n = temperature.length;
        if (d.length != n) throw new IllegalArgumentException(n + " temperatures but " + d.length + " diffusion coefficients");
        if (n < 2) throw new IllegalArgumentException("an Arrhenius fit needs at least 2 temperatures, got " + n);
        double[] x = new double[n], y = new double[n], s = dError == null ? null : new double[n];
        for (int i = 0; i < n; i++) {
            if (!(temperature[i] > 0)) throw new IllegalArgumentException("temperature " + (i + 1) + " is " + temperature[i] + " K; must be positive");
            if (!(d[i] > 0)) {
                throw new IllegalArgumentException("D at " + temperature[i] + " K is " + d[i]
                    + "; an Arrhenius fit needs positive diffusion coefficients (drop non-diffusive temperatures)");
            }
            x[i] = -1.0 / (MetalUnits.BOLTZ * temperature[i]);
            y[i] = Math.log(d[i]);
            if (s != null) {
                if (!(dError[i] > 0)) throw new IllegalArgumentException("error of D at " + temperature[i] + " K must be positive, got " + dError[i]);
                s[i] = dError[i] / d[i];
            }
        }
        if (s == null && n < 3) {
            throw new IllegalArgumentException("an Arrhenius fit without errors on D needs at least 3 temperatures for "
                + "uncertainties (got " + n + "); give the errors of D");
        }
        LinearFit f = s == null ? LeastSquares.line(x, y) : LeastSquares.line(x, y, s);
        return new Arrhenius(f.parameter(0), f.parameter(1), f.covariance(), n, f.chiSquare());
    }

    public double d0() { return Math.exp(lnD0); }
    public double lnD0Error() { return Math.sqrt(covariance[0][0]); }
    /** Standard error of D₀ (linearised: D₀ σ_lnD₀). */
    public double d0Error() { return d0() * lnD0Error(); }
    public double eaError() { return Math.sqrt(covariance[1][1]); }

    /** D at temperature T. */
    public double at(double t) { return Math.exp(lnAt(t)); }

    public double lnAt(double t) { return lnD0 - ea / (MetalUnits.BOLTZ * t); }

    /** Standard error of ln D(T): the relative error of the extrapolated D. */
    public double lnError(double t) {
        double u = -1.0 / (MetalUnits.BOLTZ * t);
        double v = covariance[0][0] + u * u * covariance[1][1] + 2 * u * covariance[0][1];
        return Math.sqrt(Math.max(v, 0));
    }

    /** Standard error of D(T) (linearised: D σ_lnD). */
    public double errorAt(double t) { return at(t) * lnError(t); }
}
