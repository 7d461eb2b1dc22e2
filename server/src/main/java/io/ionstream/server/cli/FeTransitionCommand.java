package io.ionstream.server.cli;

import io.ionstream.engine.fe.micro.PolycrystalSpec;
import io.ionstream.engine.report.CsvTable;
import io.ionstream.engine.report.plot.Plot;
import io.ionstream.engine.report.plot.Series;
import io.ionstream.engine.fe.solver.SolverSettings;
import io.ionstream.engine.fe.study.StudyRunner;
import io.ionstream.engine.fe.study.TransitionStudy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** {@code fe transition}: the grain size where the resolved and collapsed models agree best. */
final class FeTransitionCommand implements Command {
    @Override public String name() { return "transition"; }

    @Override public String summary() { return "transition grain size between the resolved and collapsed models (CSV + plot)"; }

    @Override
    public String help() {
        return """
            Usage: bin/ionstream fe transition [--sizes-nm 25,50,100,200,400] [--ratios 0.1,0.3,3,10]
                     [--grains 2] [--grid 48] [--seeding lloyd] [--gb-width-nm 2.5] [--out DIR] [--json]

            Rescales one tessellation to each grain size d, homogenises it with both boundary models
            for each D_GB/D_bulk ratio (isotropic boundaries), and finds the grain size minimising
            the summed squared relative deviation of the two. The resolved model uses the grid given;
            the collapsed one the largest grid up to it whose voxels hold the boundary (≈ 2δ).
            The answer depends on the resolved model's resolution δ/h (the seed paper converges to
            ≈ 100 nm for δ = 2.5 nm on 512³); it prints δ/h per size.

              --sizes-nm list        grain sizes d (at least 3)
              --ratios list          D_GB/D_bulk values
              --out DIR              writes transition.csv, transition-sizes.csv, transition.svg/.png [fe-transition]
            """ + FeOptions.STUDY_HELP;
    }

    @Override
    public Set<String> valueOptions() {
        return FeOptions.studyOptions("sizes-nm", "ratios", "gb-width-nm", "out");
    }

    @Override
    public int run(Args a, Console console) throws Exception {
        double[] sizes = FeOptions.numbers(a, "sizes-nm", "25,50,100,200,400");
        if (sizes.length < 3) throw new UsageException("option --sizes-nm needs at least 3 grain sizes");
        java.util.Arrays.sort(sizes);
        double[] ratios = FeOptions.numbers(a, "ratios", "0.1,0.3,3,10");
        double w = a.positive("gb-width-nm", 2.5);
        PolycrystalSpec spec = FeOptions.spec(a, 2, 48, 100, "lloyd");
        SolverSettings settings = FeOptions.solver(a);
        Path dir = Path.of(a.string("out", "fe-transition"));
        ProgressBar bar = new ProgressBar(console, "transition", 2L * sizes.length * ratios.length);
        long[] done = {0};
        TransitionStudy.Result r;
        List<String> warnings;
        try (StudyRunner runner = new StudyRunner(spec, w, settings, line -> bar.update(++done[0], line))) {
            r = TransitionStudy.run(runner, sizes, ratios);
            warnings = runner.warnings();
        }
        CsvTable pts = new CsvTable("grain_size_nm", "ratio", "D_resolved", "D_collapsed", "deviation", "f_resolved", "f_collapsed", "grid_resolved", "grid_collapsed", "delta_over_h");
        for (TransitionStudy.Point p : r.points())
            pts.row(p.grainSizeNm(), p.ratio(), p.resolved(), p.collapsed(), p.deviation(), p.fResolved(), p.fCollapsed(), p.gridResolved(), p.gridCollapsed(),
                w * p.gridResolved() / (p.grainSizeNm() * Math.cbrt(spec.grains())));
        pts.write(dir.resolve("transition.csv"));
        CsvTable sz = new CsvTable("grain_size_nm", "sum_squared_deviation", "max_abs_deviation", "f_resolved");
        for (TransitionStudy.Size s : r.sizes()) sz.row(s.grainSizeNm(), s.sumSquares(), s.maxAbsDeviation(), s.fResolved());
        sz.write(dir.resolve("transition-sizes.csv"));
        Plot plot = new Plot(String.format(Locale.ROOT, "Resolved vs collapsed, δ = %.3g nm: transition %.3g nm", w, r.transitionNm()),
            "grain size d (nm)", "|D_collapsed/D_resolved − 1|", true, true);
        for (double ratio : ratios) {
            List<Double> xs = new ArrayList<>(), ys = new ArrayList<>();
            for (TransitionStudy.Point p : r.points()) if (p.ratio() == ratio) { xs.add(p.grainSizeNm()); ys.add(Math.max(Math.abs(p.deviation()), 1e-6)); }
            plot.add(Series.lineAndMarkers("D_GB/D_b = " + FeOptions.fmt(ratio), xs.stream().mapToDouble(Double::doubleValue).toArray(),
                ys.stream().mapToDouble(Double::doubleValue).toArray()));
        }
        plot.add(Series.dashed("sqrt(Σ dev²)", sizes, r.sizes().stream().mapToDouble(s -> Math.max(Math.sqrt(s.sumSquares()), 1e-6)).toArray()));
        List<Path> files = plot.writeSvgAndPng(dir.resolve("transition"), FeOptions.PLOT_WIDTH, FeOptions.PLOT_HEIGHT);
        for (String w0 : warnings) console.info("warning: " + w0);
        if (a.flag("json")) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("transition_nm", r.transitionNm());
            m.put("f_gb_at_transition", r.transitionFraction());
            List<Object> rows = new ArrayList<>();
            for (TransitionStudy.Size s : r.sizes()) rows.add(Map.of("grain_size_nm", s.grainSizeNm(), "sum_squared_deviation", s.sumSquares(), "max_abs_deviation", s.maxAbsDeviation()));
            m.put("sizes", rows);
            FeOptions.putOutputs(m, dir.resolve("transition.csv"), files, warnings);
            console.json(m);
        } else {
            var out = console.out();
            out.printf(Locale.ROOT, "%10s %8s %12s %12s %10s %8s %8s%n", "d (nm)", "ratio", "D_resolved", "D_collapsed", "deviation", "grids", "δ/h");
            for (TransitionStudy.Point p : r.points())
                out.printf(Locale.ROOT, "%10.4g %8.3g %12.6g %12.6g %+10.4f %4d/%-3d %8.3g%n", p.grainSizeNm(), p.ratio(), p.resolved(), p.collapsed(), p.deviation(),
                    p.gridResolved(), p.gridCollapsed(), w * p.gridResolved() / (p.grainSizeNm() * Math.cbrt(spec.grains())));
            out.println();
            for (TransitionStudy.Size s : r.sizes())
                out.printf(Locale.ROOT, "d = %8.4g nm   Σ dev² = %.3e   max |dev| = %.4f   f_GB(resolved) = %.4f%n", s.grainSizeNm(), s.sumSquares(), s.maxAbsDeviation(), s.fResolved());
            out.printf(Locale.ROOT, "transition grain size ≈ %.4g nm (f_GB ≈ %.4f)%n", r.transitionNm(), r.transitionFraction());
            out.println("wrote " + dir.resolve("transition.csv") + ", " + dir.resolve("transition-sizes.csv") + ", " + files.get(0) + ", " + files.get(1));
        }
        return Main.OK;
    }
}
