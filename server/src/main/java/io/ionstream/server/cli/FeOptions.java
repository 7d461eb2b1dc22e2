package io.ionstream.server.cli;

import io.ionstream.engine.fe.micro.PolycrystalSpec;
import io.ionstream.engine.fe.micro.Seeding;
import io.ionstream.engine.fe.model.ArrheniusLaw;
import io.ionstream.engine.fe.model.GbDiffusivities;
import io.ionstream.engine.fe.model.GbModel;
import io.ionstream.engine.fe.solver.SolverSettings;
import io.ionstream.engine.fe.study.ModelChoice;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Option parsing shared by the {@code fe} sub-commands. */
final class FeOptions {
    private FeOptions() {}

    /** Size of the study plots (SVG and PNG), pixels. */
    static final int PLOT_WIDTH = 720, PLOT_HEIGHT = 480;

    /** The files a study wrote and its warnings, as the last entries of its --json result. */
    static void putOutputs(Map<String, Object> json, Path csv, List<Path> plots, List<String> warnings) {
        json.put("csv", csv.toString());
        json.put("plots", plots.stream().map(Path::toString).toList());
        json.put("warnings", warnings);
    }

    static final Set<String> MICRO = Set.of("grains", "grid", "grain-size-nm", "seeding", "lloyd-iterations", "seed");
    static final Set<String> SOLVER = Set.of("tol", "max-iter", "threads");

    static final String MICRO_HELP = """
          --grains N             number of Voronoi grains (periodic cell)
          --grid n               voxels per axis (n³ voxels)
          --grain-size-nm d      grain size d = (mean grain volume)^(1/3); cell side L = d·N^(1/3)
          --seeding S            random (Poisson-Voronoi) | halton (quasi-random) | lloyd (relaxed) [random]
          --lloyd-iterations k   Lloyd sweeps for --seeding lloyd [10]
          --seed s               random seed [1]
        """;

    static final String SOLVER_HELP = """
          --tol t                CG tolerance on the preconditioned residual [1e-6]
          --max-iter m           CG iteration cap per load case [5000]
          --threads k            worker threads [all processors]
        """;

    /** Help of the options of a study that sweeps grain sizes itself: microstructure without --grain-size-nm, solver. */
    static final String STUDY_HELP = MICRO_HELP.replace(
        "--grain-size-nm d      grain size d = (mean grain volume)^(1/3); cell side L = d·N^(1/3)\n", "") + SOLVER_HELP;

    /** The options of such a study: microstructure (without --grain-size-nm), solver, and its own. */
    static Set<String> studyOptions(String... own) {
        Set<String> s = new HashSet<>(MICRO);
        s.remove("grain-size-nm");
        s.addAll(SOLVER);
        s.addAll(List.of(own));
        return s;
    }

    static PolycrystalSpec spec(Args a, int grainsDef, int gridDef, double sizeDef, String seedingDef) {
        int grains = (int) a.integer("grains", grainsDef, 1, 1_000_000);
        int grid = (int) a.integer("grid", gridDef, 4, 1290);
        double d = Double.isNaN(sizeDef) ? requiredPositive(a, "grain-size-nm") : a.positive("grain-size-nm", sizeDef);
        Seeding seeding;
        try {
            seeding = Seeding.parse(a.string("seeding", seedingDef));
        } catch (IllegalArgumentException e) {
            throw new UsageException("option --seeding: " + e.getMessage());
        }
        int lloyd = (int) a.integer("lloyd-iterations", 10, 0, 1000);
        return new PolycrystalSpec(grains, grid, d, seeding, a.integer("seed", 1), lloyd);
    }

    static SolverSettings solver(Args a) {
        double tol = a.positive("tol", 1e-6);
        if (tol >= 1) throw new UsageException("option --tol must be below 1, got " + tol);
        int maxIt = (int) a.integer("max-iter", 5000, 1, 1_000_000);
        int threads = (int) a.integer("threads", Runtime.getRuntime().availableProcessors(), 1, 1024);
        return new SolverSettings(tol, maxIt, threads);
    }

    static double requiredPositive(Args a, String name) {
        a.required(name);
        return a.positive(name, Double.NaN);
    }

    /** --d-bulk and either --d-gb (isotropic) or --d-gb-par/--d-gb-perp. */
    static GbDiffusivities diffusivities(Args a) {
        double bulk = requiredPositive(a, "d-bulk");
        if (a.has("d-gb")) {
            if (a.has("d-gb-par") || a.has("d-gb-perp")) throw new UsageException("give either --d-gb or --d-gb-par/--d-gb-perp, not both");
            double g = a.positive("d-gb", Double.NaN);
            return GbDiffusivities.isotropic(bulk, g);
        }
        if (!a.has("d-gb-par") && !a.has("d-gb-perp")) throw new UsageException("missing required option --d-gb-par and --d-gb-perp (or --d-gb)");
        return new GbDiffusivities(bulk, requiredPositive(a, "d-gb-par"), requiredPositive(a, "d-gb-perp"));
    }

    static GbModel model(Args a, String def) {
        try {
            return GbModel.parse(a.string("model", def));
        } catch (IllegalArgumentException e) {
            throw new UsageException("option --model: " + e.getMessage());
        }
    }

    static ModelChoice modelChoice(Args a) {
        String m = a.string("model", "auto");
        double t = a.positive("transition-nm", 100);
        if (m.equalsIgnoreCase("auto")) return ModelChoice.auto(t);
        return ModelChoice.of(model(a, m));
    }

    /** Comma-separated positive numbers. */
    static double[] numbers(Args a, String name, String def) {
        String v = a.string(name, def);
        if (v == null) throw new UsageException("missing required option --" + name);
        String[] p = v.split(",");
        double[] out = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            try {
                out[i] = Double.parseDouble(p[i].strip());
            } catch (NumberFormatException e) {
                throw new UsageException("option --" + name + " expects comma-separated numbers, got '" + v + "'");
            }
            if (!(out[i] > 0) || !Double.isFinite(out[i])) throw new UsageException("option --" + name + " needs positive numbers, got " + p[i].strip());
        }
        return out;
    }

    /** "D0,Ea" with Ea in eV. */
    static ArrheniusLaw law(Args a, String name) {
        String v = a.required(name);
        String[] p = v.split(",");
        if (p.length != 2) throw new UsageException("option --" + name + " expects D0,Ea (Ea in eV), got '" + v + "'");
        try {
            double d0 = Double.parseDouble(p[0].strip()), ea = Double.parseDouble(p[1].strip());
            if (!(d0 > 0) || !Double.isFinite(d0)) throw new UsageException("option --" + name + ": D0 must be positive, got " + p[0].strip());
            if (!Double.isFinite(ea) || ea < 0 || ea > 10) throw new UsageException("option --" + name + ": Ea must be in 0..10 eV, got " + p[1].strip());
            return new ArrheniusLaw(d0, ea);
        } catch (NumberFormatException e) {
            throw new UsageException("option --" + name + " expects D0,Ea (numbers), got '" + v + "'");
        }
    }

    static java.util.List<java.util.List<Double>> matrix(double[][] m) {
        java.util.List<java.util.List<Double>> rows = new java.util.ArrayList<>();
        for (double[] r : m) rows.add(java.util.List.of(r[0], r[1], r[2]));
        return rows;
    }

    /** Compact number: 4 significant digits without trailing zeros. */
    static String fmt(double v) {
        String s = String.format(java.util.Locale.ROOT, "%.4g", v);
        if (s.contains("e") || !s.contains(".")) return s;
        s = s.replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }
}
