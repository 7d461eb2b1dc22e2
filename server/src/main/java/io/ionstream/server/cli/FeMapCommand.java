package io.ionstream.server.cli;

import io.ionstream.engine.fe.micro.PolycrystalSpec;
import io.ionstream.engine.report.CsvTable;
import io.ionstream.engine.report.plot.Plot;
import io.ionstream.engine.report.plot.Series;
import io.ionstream.engine.fe.study.DiffusivityMap;
import io.ionstream.engine.fe.study.ModelChoice;
import io.ionstream.engine.fe.study.StudyRunner;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** {@code fe map}: D_macro/D_bulk versus D_GB/D_bulk for grain sizes from nanometres to micrometres. */
final class FeMapCommand implements Command {
    @Override public String name() { return "map"; }

    @Override public String summary() { return "precomputed map D_macro/D_bulk vs D_GB/D_bulk per grain size (CSV + plot)"; }

    @Override
    public String help() {
        return """
            Usage: bin/ionstream fe map [--sizes-nm 5,10,20,50,100,200,500,1000,2000] [--ratio-min 1e-3]
                     [--ratio-max 1e3] [--ratio-points 13] [--model auto|resolved|collapsed] [--transition-nm 100]
                     [--grains 8] [--grid 48] [--gb-width-nm 2.5] [--out DIR] [--json]

            For each grain size and each D_GB/D_bulk (isotropic boundaries, log-spaced), the mean
            effective diffusivity relative to the bulk. --model auto uses the resolved model below
            --transition-nm and the collapsed one from there on.

              --out DIR              writes map.csv and map.svg/.png [fe-map]
            """ + FeOptions.STUDY_HELP;
    }

    @Override
    public Set<String> valueOptions() {
        return FeOptions.studyOptions("sizes-nm", "ratio-min", "ratio-max", "ratio-points", "model", "transition-nm", "gb-width-nm", "out");
    }

    @Override
    public int run(Args a, Console console) throws Exception {
        double[] sizes = FeOptions.numbers(a, "sizes-nm", "5,10,20,50,100,200,500,1000,2000");
        java.util.Arrays.sort(sizes);
        double lo = a.positive("ratio-min", 1e-3), hi = a.positive("ratio-max", 1e3);
        if (!(hi > lo)) throw new UsageException("--ratio-max must exceed --ratio-min");
        int count = (int) a.integer("ratio-points", 13, 2, 1000);
        double[] ratios = DiffusivityMap.logSpaced(lo, hi, count);
        ModelChoice choice = FeOptions.modelChoice(a);
        double w = a.positive("gb-width-nm", 2.5);
        PolycrystalSpec spec = FeOptions.spec(a, 8, 48, 100, "random");
        Path dir = Path.of(a.string("out", "fe-map"));
        ProgressBar bar = new ProgressBar(console, "map", (long) sizes.length * ratios.length);
        long[] done = {0};
        List<DiffusivityMap.Point> pts;
        List<String> warnings;
        try (StudyRunner runner = new StudyRunner(spec, w, FeOptions.solver(a), line -> bar.update(++done[0], line))) {
            pts = DiffusivityMap.run(runner, choice, sizes, ratios);
            warnings = runner.warnings();
        }
        CsvTable csv = new CsvTable("grain_size_nm", "D_gb_over_D_bulk", "D_macro_over_D_bulk", "model", "f_gb", "grid", "delta_over_h", "iterations");
        for (DiffusivityMap.Point p : pts)
            csv.row(p.grainSizeNm(), p.ratio(), p.relative(), p.model().label(), p.gbFraction(), p.grid(),
                w * p.grid() / spec.withGrainSize(p.grainSizeNm()).cellNm(), p.iterations());
        csv.write(dir.resolve("map.csv"));
        Plot plot = new Plot(String.format(Locale.ROOT, "Precomputed map, δ = %.3g nm (%s)", w, choice.label()),
            "D_GB / D_bulk", "D_macro / D_bulk", true, true);
        for (double d : sizes) {
            double[] y = pts.stream().filter(p -> p.grainSizeNm() == d).mapToDouble(DiffusivityMap.Point::relative).toArray();
            String label = String.format(Locale.ROOT, "d = %s nm", FeOptions.fmt(d));
            // dashed: grain sizes the collapsed (zero-thickness boundary) model computes
            plot.add(choice.forGrainSize(d) == io.ionstream.engine.fe.model.GbModel.COLLAPSED ? Series.dashed(label, ratios, y)
                : Series.lineAndMarkers(label, ratios, y));
        }
        List<Path> files = plot.writeSvgAndPng(dir.resolve("map"), FeOptions.PLOT_WIDTH, FeOptions.PLOT_HEIGHT);
        for (String w0 : warnings) console.info("warning: " + w0);
        if (a.flag("json")) {
            Map<String, Object> m = new LinkedHashMap<>();
            List<Object> rows = new ArrayList<>();
            for (DiffusivityMap.Point p : pts)
                rows.add(Map.of("grain_size_nm", p.grainSizeNm(), "ratio", p.ratio(), "relative", p.relative(), "model", p.model().label(), "f_gb", p.gbFraction()));
            m.put("points", rows);
            FeOptions.putOutputs(m, dir.resolve("map.csv"), files, warnings);
            console.json(m);
        } else {
            var out = console.out();
            out.printf(Locale.ROOT, "%10s", "ratio");
            for (double d : sizes) out.printf(Locale.ROOT, " %11s", FeOptions.fmt(d) + "nm");
            out.println();
            for (int i = 0; i < ratios.length; i++) {
                out.printf(Locale.ROOT, "%10.3g", ratios[i]);
                for (int s = 0; s < sizes.length; s++) out.printf(Locale.ROOT, " %11.5g", pts.get(s * ratios.length + i).relative());
                out.println();
            }
            out.println("D_macro/D_bulk per grain size (columns); wrote " + dir.resolve("map.csv") + ", " + files.get(0) + ", " + files.get(1));
        }
        return Main.OK;
    }
}
