package io.ionstream.engine.fe.study;

import io.ionstream.engine.fe.FeCase;
import io.ionstream.engine.fe.FeResult;
import io.ionstream.engine.fe.model.GbDiffusivities;
import io.ionstream.engine.fe.model.GbModel;
import java.util.ArrayList;
import java.util.List;

/**
 * The precomputed map D_macro/D_bulk versus D_GB/D_bulk (isotropic boundaries) for a set of
 * grain sizes; D_eff is homogeneous of degree one in the diffusivities, so D_bulk = 1.
 */
public final class DiffusivityMap {
    public record Point(double grainSizeNm, double ratio, double relative, GbModel model, double gbFraction, int grid, int iterations) {}

    private DiffusivityMap() {}

    public static List<Point> run(StudyRunner runner, ModelChoice choice, double[] grainSizesNm, double[] ratios) {
        List<Point> out = new ArrayList<>();
        for (double d : grainSizesNm) {
            GbModel m = choice.forGrainSize(d);
            for (double ratio : ratios) {
                FeResult r = runner.run(m, d, new FeCase(m, runner.widthNm(), GbDiffusivities.isotropic(1.0, ratio)));
                out.add(new Point(d, ratio, r.mean(), m, r.gbFraction(), r.grid(), r.iterations()));
            }
        }
        return out;
    }

    /** Log-spaced values from lo to hi (inclusive), {@code count} ≥ 2. */
    public static double[] logSpaced(double lo, double hi, int count) {
        if (!(lo > 0) || !(hi > lo) || count < 2) throw new IllegalArgumentException("need 0 < lo < hi and count ≥ 2");
        double[] v = new double[count];
        for (int i = 0; i < count; i++) v[i] = lo * Math.pow(hi / lo, (double) i / (count - 1));
        return v;
    }
}
