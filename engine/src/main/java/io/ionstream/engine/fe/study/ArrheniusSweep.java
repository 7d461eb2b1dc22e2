package io.ionstream.engine.fe.study;

import io.ionstream.engine.fe.FeCase;
import io.ionstream.engine.fe.FeResult;
import io.ionstream.engine.fe.model.GbArrhenius;
import io.ionstream.engine.fe.model.GbDiffusivities;
import io.ionstream.engine.fe.model.GbModel;
import io.ionstream.engine.units.MetalUnits;
import java.util.ArrayList;
import java.util.List;

/**
 * D_macro(T) of polycrystals from Arrhenius components: each channel follows its own law, so
 * when their activation energies differ the polycrystal's ln D vs 1/T curves. Per grain size it
 * reports the straight-line fit, the apparent activation energy at the low- and high-temperature
 * ends (local slopes), and the largest deviation of ln D from the line.
 */
public final class ArrheniusSweep {
    public record Point(double grainSizeNm, double temperatureK, double dMacro, GbDiffusivities components, GbModel model,
                        double gbFraction, FeResult result) {}

    /**
     * @param fitActivationEv straight-line Ea; lowT/highT the local apparent Ea at the ends;
     *                        maxDeviation the largest |ln D − line| (0 for Arrhenius behaviour)
     */
    public record Curve(double grainSizeNm, GbModel model, double fitActivationEv, double fitPrefactor,
                        double lowTActivationEv, double highTActivationEv, double maxDeviation) {

        /** Non-Arrhenius when the apparent activation energy changes by more than {@code tolerance} (relative). */
        public boolean curved(double tolerance) {
            double mean = 0.5 * (Math.abs(lowTActivationEv) + Math.abs(highTActivationEv));
            return Math.abs(lowTActivationEv - highTActivationEv) > tolerance * Math.max(mean, 1e-12);
        }
    }

    public record Result(List<Point> points, List<Curve> curves) {}

    private ArrheniusSweep() {}

    public static Result run(StudyRunner runner, ModelChoice choice, GbArrhenius laws, double[] grainSizesNm, double[] temperaturesK) {
        if (temperaturesK.length < 3) throw new IllegalArgumentException("the Arrhenius sweep needs at least 3 temperatures");
        double[] t = temperaturesK.clone();
        java.util.Arrays.sort(t);
        List<Point> points = new ArrayList<>();
        List<Curve> curves = new ArrayList<>();
        for (double d : grainSizesNm) {
            GbModel m = choice.forGrainSize(d);
            double[] x = new double[t.length], y = new double[t.length];
            for (int i = 0; i < t.length; i++) {
                FeCase c = FeCase.at(m, runner.widthNm(), laws, t[i]);
                GbDiffusivities dd = c.diffusivities();
                FeResult r = runner.run(m, d, c);
                points.add(new Point(d, t[i], r.mean(), dd, m, r.gbFraction(), r));
                x[i] = 1 / t[i];
                y[i] = Math.log(r.mean());
            }
            curves.add(curve(d, m, x, y));
        }
        return new Result(points, curves);
    }

    /** Line fit of ln D against 1/T and the end slopes. x ascending in 1/T order is not assumed. */
    static Curve curve(double d, GbModel m, double[] x, double[] y) {
        int n = x.length;
        double mx = 0, my = 0;
        for (int i = 0; i < n; i++) { mx += x[i]; my += y[i]; }
        mx /= n; my /= n;
        double sxx = 0, sxy = 0;
        for (int i = 0; i < n; i++) { sxx += (x[i] - mx) * (x[i] - mx); sxy += (x[i] - mx) * (y[i] - my); }
        double slope = sxy / sxx, icpt = my - slope * mx;
        double dev = 0;
        for (int i = 0; i < n; i++) dev = Math.max(dev, Math.abs(y[i] - (icpt + slope * x[i])));
        // temperatures ascending → x descending: x[0] is the lowest-T (largest 1/T) end
        double lowT = -(y[1] - y[0]) / (x[1] - x[0]) * MetalUnits.BOLTZ;
        double highT = -(y[n - 1] - y[n - 2]) / (x[n - 1] - x[n - 2]) * MetalUnits.BOLTZ;
        return new Curve(d, m, -slope * MetalUnits.BOLTZ, Math.exp(icpt), lowT, highT, dev);
    }
}
