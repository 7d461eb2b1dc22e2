package io.ionstream.engine.analysis.diffusion;

import io.ionstream.engine.analysis.trajectory.Trajectory;
import io.ionstream.engine.report.Table;
import io.ionstream.engine.report.plot.Plot;
import io.ionstream.engine.report.plot.Series;

/**
 * The whole diffusion analysis of one trajectory: the all-origin MSD of the selected atoms
 * (drift-corrected when the trajectory tracked a drift reference) and fits of the total (n = 3),
 * in-plane xy (∥, n = 2) and z (⊥, n = 1) MSD on one window; fits that cannot be made are null
 * with their reason in {@code problems}.
 */
public record DiffusionAnalysis(Trajectory trajectory, Msd msd, double windowStart, double windowEnd, DiffusionResult total,
                                DiffusionResult parallel, DiffusionResult perpendicular, java.util.List<String> problems) {

    /** Runs the analysis; {@code window} null means {@link DiffusionFit#defaultWindow}. */
    public static DiffusionAnalysis run(Trajectory t, boolean removeDrift, double[] window) {
        if (t.frames() < 4) {
            throw new IllegalArgumentException("a diffusion analysis needs at least 4 frames, the trajectory has " + t.frames());
        }
        Msd msd = MsdCalculator.allOrigins(t, t.all(), removeDrift);
        double[] w = window != null ? window : DiffusionFit.defaultWindow(msd);
        double tmax = msd.time()[msd.lags() - 1];
        if (w[0] >= tmax) {
            throw new IllegalArgumentException(String.format("the fit window starts at %.4g ps but the trajectory spans only %.4g ps",
                w[0], tmax));
        }
        DiffusionResult total = DiffusionFit.fit(msd, Projection.XYZ, w[0], w[1]);
        java.util.List<String> problems = new java.util.ArrayList<>();
        DiffusionResult par = tryFit(msd, Projection.XY, w, problems), perp = tryFit(msd, Projection.Z, w, problems);
        return new DiffusionAnalysis(t, msd, total.windowStart(), total.windowEnd(), total, par, perp, java.util.List.copyOf(problems));
    }

    private static DiffusionResult tryFit(Msd msd, Projection p, double[] w, java.util.List<String> problems) {
        try {
            return DiffusionFit.fit(msd, p, w[0], w[1]);
        } catch (IllegalArgumentException e) {
            problems.add(p + ": " + e.getMessage());
            return null;
        }
    }

    /** t, MSD x, y, z, total, ∥ (xy), ⊥ (z). */
    public Table msdTable() {
        return new Table().column("t_ps", msd.time()).column("msd_x_A2", msd.x()).column("msd_y_A2", msd.y())
            .column("msd_z_A2", msd.z()).column("msd_total_A2", msd.total()).column("msd_par_A2", msd.projected(Projection.XY))
            .column("msd_perp_A2", msd.projected(Projection.Z));
    }

    /** Log-log MSD with a slope-1 guide through the fitted line at the window's end and the window marked. */
    public Plot msdPlot(String title) {
        int n = msd.lags() - 1;
        double[] t = java.util.Arrays.copyOfRange(msd.time(), 1, n + 1);
        double[] y = java.util.Arrays.copyOfRange(msd.total(), 1, n + 1);
        Plot p = new Plot(title, "t (ps)", "MSD (Å²)", true, true).add(Series.line("total", t, y));
        if (parallel != null) p.add(Series.line("∥ (xy)", t, java.util.Arrays.copyOfRange(msd.projected(Projection.XY), 1, n + 1)));
        if (perpendicular != null) p.add(Series.line("⊥ (z)", t, java.util.Arrays.copyOfRange(msd.projected(Projection.Z), 1, n + 1)));
        double yEnd = total.interceptA2() + 6 * total.dA2PerPs() * windowEnd;
        if (yEnd > 0) p.add(Series.powerGuide("slope 1", 1, windowEnd, yEnd, t[0], t[t.length - 1]));
        return p;
    }
}
