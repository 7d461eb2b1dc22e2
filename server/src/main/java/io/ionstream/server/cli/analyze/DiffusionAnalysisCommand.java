package io.ionstream.server.cli.analyze;

import io.ionstream.engine.analysis.diffusion.DiffusionAnalysis;
import io.ionstream.engine.analysis.diffusion.DiffusionResult;
import io.ionstream.engine.analysis.trajectory.DriftReference;
import io.ionstream.engine.analysis.trajectory.Trajectory;
import io.ionstream.engine.analysis.trajectory.TrajectoryLoader;
import io.ionstream.engine.analysis.trajectory.TrajectorySource;
import io.ionstream.server.cli.Args;
import io.ionstream.server.cli.Console;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/** {@code analyze diffusion}: MSD, α, D ± error and the normal-diffusion verdict of one species. */
final class DiffusionAnalysisCommand implements Analysis {
    @Override public String name() { return "diffusion"; }
    @Override public String summary() { return "MSD (all time origins), exponent α and D ± error of a species"; }

    @Override
    public Set<String> valueOptions() {
        return Stream.concat(TrajectoryOptions.OPTIONS.stream(), Stream.of("species", "window", "drift", "out"))
            .collect(java.util.stream.Collectors.toSet());
    }

    @Override
    public String help() {
        return """
            Usage: bin/ionstream analyze diffusion --species Li [--window A:B] [--drift framework|all|none]
                                                   [--out PREFIX] [--json] <trajectory files in time order>

            Reads the files as one trajectory (consecutive pieces are concatenated, a repeated
            restart frame is dropped), unwraps wrapped coordinates frame to frame, removes the
            drift of the framework's centre of mass, computes the MSD of the species with all time
            origins (FFT), fits MSD ∝ t^α and MSD = a + 2nDt on the window, and reports D for the
            total (n = 3), in-plane xy (∥, n = 2) and z (⊥, n = 1) displacements.

            The error of D comes from generalised least squares with the exact covariance of the
            all-origin MSD of independent random walkers (overlapping time origins are strongly
            correlated; an ordinary fit would understate the error many times). Diffusion is
            called normal when 0.9 ≤ α ≤ 1.1; otherwise D is reported but not meaningful.

            Options:
              --species S           diffusing species (element symbol), required
              --window A:B          fit window in ps (default: 40 % to 85 % of the trajectory)
              --drift REF           centre of mass removed: framework (default: all atoms not of
                                    the species), all, none
              --out PREFIX          also write PREFIX-msd.csv, PREFIX-msd.svg and PREFIX-msd.png
              --json                print D_cm2_s, D_err_cm2_s, alpha, normal, window_ps, … as JSON
            """ + TrajectoryOptions.HELP + """

            Examples:
              bin/ionstream analyze diffusion --species Li --frame-interval 0.1 run1_XDATCAR.gz run2_XDATCAR.gz
              bin/ionstream analyze diffusion --species Li --types Li,P,S,Cl --timestep 0.002 --window 100:2000 md.dump
            """;
    }

    @Override
    public int run(Args args, List<String> files, Console console) {
        String species = args.required("species");
        double[] window = TrajectoryOptions.window(args);
        List<TrajectorySource> sources = TrajectoryOptions.sources(args, files);
        DriftReference drift = TrajectoryOptions.drift(args);
        TrajectoryLoader loader = TrajectoryOptions.loader(args, species, drift);
        Trajectory t = loader.load(sources);
        DiffusionAnalysis a = DiffusionAnalysis.run(t, drift != DriftReference.NONE, window);
        if (args.has("out")) {
            String prefix = args.string("out", "");
            a.msdTable().write(Path.of(prefix + "-msd.csv"));
            a.msdPlot(species + " MSD").write(Path.of(prefix + "-msd.svg"), 720, 540);
            a.msdPlot(species + " MSD").write(Path.of(prefix + "-msd.png"), 720, 540);
        }
        double span = t.time(t.frames() - 1) - t.time(0);
        if (args.flag("json")) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("species", species);
            m.put("D_cm2_s", a.total().d());
            m.put("D_err_cm2_s", a.total().dError());
            m.put("alpha", a.total().alpha());
            m.put("normal", a.total().normal());
            m.put("window_ps", List.of(a.windowStart(), a.windowEnd()));
            m.put("verdict", a.total().verdict());
            put(m, "parallel", a.parallel());
            put(m, "perpendicular", a.perpendicular());
            m.put("frames", t.frames());
            m.put("atoms", t.atoms());
            m.put("time_ps", span);
            m.put("frame_interval_ps", a.msd().frameInterval());
            m.put("drift", t.driftReference());
            m.put("error_method", a.total().errorMethod());
            m.put("problems", a.problems());
            console.json(m);
            return 0;
        }
        var out = console.out();
        out.printf(Locale.ROOT, "%s diffusion from %d file(s): %d frames %.4g ps apart (%.4g ps), %d atoms; drift removed: %s%n",
            species, files.size(), t.frames(), a.msd().frameInterval(), span, t.atoms(), t.driftReference());
        out.printf(Locale.ROOT, "fit window %.4g–%.4g ps (%d lags); error: %s%n", a.windowStart(), a.windowEnd(),
            a.total().points(), a.total().errorMethod());
        line(out, "total (n=3)", a.total());
        line(out, "∥ xy  (n=2)", a.parallel());
        line(out, "⊥ z   (n=1)", a.perpendicular());
        for (String p : a.problems()) out.println("  note: " + p);
        out.println(a.total().normal() ? "verdict: normal diffusion" : "verdict: " + a.total().verdict());
        return 0;
    }

    private static void put(Map<String, Object> m, String key, DiffusionResult r) {
        if (r == null) return;
        m.put("D_" + key + "_cm2_s", r.d());
        m.put("D_" + key + "_err_cm2_s", r.dError());
        m.put("alpha_" + key, r.alpha());
    }

    private static void line(java.io.PrintStream out, String label, DiffusionResult r) {
        if (r == null) return;
        out.printf(Locale.ROOT, "  %s: D = %.4e ± %.2e cm²/s   α = %.3f   %s%n", label, r.d(), r.dError(), r.alpha(),
            r.normal() ? "normal" : r.alpha() < 0.9 ? "sub-diffusive" : "super-diffusive");
    }
}
