package io.ionstream.engine.fe.study;

import io.ionstream.engine.fe.FeCase;
import io.ionstream.engine.fe.FeResult;
import io.ionstream.engine.fe.model.GbDiffusivities;
import io.ionstream.engine.fe.model.GbModel;
import java.util.ArrayList;
import java.util.List;

/**
 * The transition grain size: both models on the same tessellation rescaled to each grain size;
 * for each size the summed squared relative deviation of the collapsed from the resolved mean
 * diffusivity over a set of D_GB/D_bulk ratios (isotropic boundaries); the transition is the
 * minimum, refined by a parabola in log d through the smallest value and its neighbours.
 */
public final class TransitionStudy {
    /** One (grain size, ratio) pair. */
    public record Point(double grainSizeNm, double ratio, double resolved, double collapsed, double fResolved, double fCollapsed,
                        int gridResolved, int gridCollapsed, double deviation) {}

    /** Per grain size: Σ deviation² over the ratios. */
    public record Size(double grainSizeNm, double sumSquares, double maxAbsDeviation, double fResolved) {}

    public record Result(List<Point> points, List<Size> sizes, double transitionNm, double transitionFraction) {}

    private TransitionStudy() {}

    public static Result run(StudyRunner runner, double[] grainSizesNm, double[] ratios) {
        if (grainSizesNm.length < 3) throw new IllegalArgumentException("the transition study needs at least 3 grain sizes");
        List<Point> points = new ArrayList<>();
        List<Size> sizes = new ArrayList<>();
        for (double d : grainSizesNm) {
            double ss = 0, max = 0, fr = 0;
            for (double ratio : ratios) {
                FeCase c = new FeCase(GbModel.RESOLVED, runner.widthNm(), GbDiffusivities.isotropic(1.0, ratio));
                FeResult res = runner.run(GbModel.RESOLVED, d, c);
                FeResult col = runner.run(GbModel.COLLAPSED, d, c);
                double dev = (col.mean() - res.mean()) / res.mean();
                ss += dev * dev;
                max = Math.max(max, Math.abs(dev));
                fr = res.gbFraction();
                points.add(new Point(d, ratio, res.mean(), col.mean(), res.gbFraction(), col.gbFraction(), res.grid(), col.grid(), dev));
            }
            sizes.add(new Size(d, ss, max, fr));
        }
        int best = 0;
        for (int i = 1; i < sizes.size(); i++) if (sizes.get(i).sumSquares() < sizes.get(best).sumSquares()) best = i;
        double dt = sizes.get(best).grainSizeNm();
        double ft = sizes.get(best).fResolved();
        if (best > 0 && best < sizes.size() - 1) {
            double x0 = Math.log(sizes.get(best - 1).grainSizeNm()), x1 = Math.log(sizes.get(best).grainSizeNm()), x2 = Math.log(sizes.get(best + 1).grainSizeNm());
            double y0 = sizes.get(best - 1).sumSquares(), y1 = sizes.get(best).sumSquares(), y2 = sizes.get(best + 1).sumSquares();
            double denom = (x0 - x1) * (x0 - x2) * (x1 - x2);
            double a = (x2 * (y1 - y0) + x1 * (y0 - y2) + x0 * (y2 - y1)) / denom;
            double b = (x2 * x2 * (y0 - y1) + x1 * x1 * (y2 - y0) + x0 * x0 * (y1 - y2)) / denom;
            if (a > 0) {
                double xm = Math.max(x0, Math.min(x2, -b / (2 * a)));
                dt = Math.exp(xm);
                // the resolved fraction scales like 1/d: interpolate it to the refined size
                ft = sizes.get(best).fResolved() * sizes.get(best).grainSizeNm() / dt;
            }
        }
        return new Result(points, sizes, dt, ft);
    }
}
