package io.ionstream.server.cli;

import io.ionstream.engine.fe.FeCase;
import io.ionstream.engine.fe.FeHomogenisation;
import io.ionstream.engine.fe.FeResult;
import io.ionstream.engine.fe.micro.GrainStatistics;
import io.ionstream.engine.fe.micro.Polycrystal;
import io.ionstream.engine.fe.micro.VoxelFile;
import io.ionstream.engine.fe.solver.LoadCaseResult;
import io.ionstream.engine.fe.solver.SolverSettings;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/** {@code fe homogenize}: the effective diffusivity tensor of one polycrystal. */
final class FeHomogenizeCommand implements Command {
    @Override public String name() { return "homogenize"; }

    @Override public String summary() { return "effective diffusivity tensor, f_GB, bounds of one polycrystal"; }

    @Override
    public String help() {
        return """
            Usage: bin/ionstream fe homogenize (--grains N --grid n --grain-size-nm d [--seeding S] [--seed s]
                                                | --voxels FILE)
                     --d-bulk x (--d-gb-par y --d-gb-perp z | --d-gb y) [--gb-width-nm w]
                     [--model resolved|collapsed] [--tol t] [--threads k] [--json]

            Homogenises steady diffusion in a periodic polycrystal under three unit macroscopic
            gradients and prints the effective tensor, the grain-boundary volume fraction f_GB
            (with the estimate H·δ/d), the Wiener and Hashin-Shtrikman bounds and the CG
            iteration counts. Diffusivities may be in any unit; D_eff comes out in the same unit.

            Microstructure:
            """ + FeOptions.MICRO_HELP + """
              --voxels FILE          a voxel file (see 'fe microstructure') instead of the options above

            Grain boundaries:
              --gb-width-nm w        boundary width δ [2.5]
              --d-bulk x             bulk diffusivity
              --d-gb-par y           along the boundary plane (D∥)
              --d-gb-perp z          across the boundary (D⊥)
              --d-gb y               isotropic boundary (D∥ = D⊥ = y)
              --model M              resolved: voxels within δ/2 of a boundary carry D∥(I−nn)+D⊥nn (needs δ ≳ 2 voxels)
                                     collapsed: zero-thickness interfaces in composite voxels (needs voxels ≳ 2δ) [resolved]

            Solver:
            """ + FeOptions.SOLVER_HELP + """

            --json prints D_eff (3×3), D_mean, f_gb, iterations, bounds, microstructure and solver details.

            Example:
              bin/ionstream fe homogenize --grains 8 --grid 64 --grain-size-nm 20 --gb-width-nm 2.5 \\
                --d-bulk 1 --d-gb-par 10 --d-gb-perp 5 --model resolved --seed 1
            """;
    }

    @Override
    public Set<String> valueOptions() {
        Set<String> s = new HashSet<>(FeOptions.MICRO);
        s.addAll(FeOptions.SOLVER);
        s.addAll(Set.of("voxels", "gb-width-nm", "d-bulk", "d-gb-par", "d-gb-perp", "d-gb", "model"));
        return s;
    }

    @Override
    public int run(Args a, Console console) throws Exception {
        SolverSettings settings = FeOptions.solver(a);
        FeCase c = new FeCase(FeOptions.model(a, "resolved"), a.decimal("gb-width-nm", 2.5), FeOptions.diffusivities(a));
        if (c.gbWidthNm() < 0) throw new UsageException("option --gb-width-nm must be ≥ 0");
        Polycrystal pc = polycrystal(a, settings.threads(), console);
        try (FeHomogenisation fe = new FeHomogenisation(settings)) {
            ProgressBar[] bar = new ProgressBar[1];
            int[] axis = {0};
            double logTol = Math.log(settings.tolerance());
            FeResult r = fe.run(pc, c, (it, rel) -> {
                boolean done = rel < settings.tolerance() || it >= settings.maxIterations();
                if (console.interactive()) {
                    // progress in decades of the residual towards the tolerance
                    if (bar[0] == null) bar[0] = new ProgressBar(console, "solve " + "xyz".charAt(axis[0]), 1000);
                    long part = rel > 0 ? Math.round(1000 * Math.log(rel) / logTol) : 1000;
                    bar[0].update(done ? 1000 : Math.max(0, Math.min(999, part)),
                        "iteration " + it + ", residual " + String.format(Locale.ROOT, "%.2e", rel));
                } else if (done) {
                    console.info(String.format(Locale.ROOT, "load case %s: %d iterations, residual %.2e", "xyz".charAt(axis[0]), it, rel));
                }
                if (done) {
                    bar[0] = null;
                    axis[0]++;
                }
            });
            if (a.flag("json")) console.json(r.toMap());
            else print(r, console);
            if (!r.effective().converged()) {
                console.info("not converged within " + settings.maxIterations() + " iterations: raise --max-iter or --tol");
                return Main.FAILED;
            }
        }
        return Main.OK;
    }

    static Polycrystal polycrystal(Args a, int threads, Console console) throws Exception {
        if (a.has("voxels")) {
            for (String o : FeOptions.MICRO)
                if (a.has(o)) throw new UsageException("--voxels replaces the microstructure options; drop --" + o);
            var file = Args.existingFile(a.required("voxels"), "voxel file");
            console.info("reading " + file);
            return VoxelFile.read(file).toPolycrystal(file.toString(), threads);
        }
        a.required("grains");
        a.required("grid");
        var spec = FeOptions.spec(a, 8, 64, Double.NaN, "random");
        console.info(String.format(Locale.ROOT, "generating %d grains on %d³ voxels (cell %.4g nm)", spec.grains(), spec.grid(), spec.cellNm()));
        return io.ionstream.engine.fe.micro.PolycrystalBuilder.generate(spec, threads);
    }

    static void printMicrostructure(GrainStatistics g, String origin, int grid, double voxelNm, Console console) {
        var out = console.out();
        out.printf(Locale.ROOT, "microstructure: %s | %d grains, grid %d³, cell %.4g nm, voxel %.4g nm%n", origin, g.grains(), grid, g.cellNm(), voxelNm);
        out.printf(Locale.ROOT, "grain size d = %.4g nm (equivalent-sphere diameter %.4g nm, mean intercept %.4g nm, 2/S_V %.4g nm)%n",
            g.grainSizeNm(), g.equivalentSphereDiameterNm(), g.meanInterceptNm(), g.stereologicalInterceptNm());
        out.printf(Locale.ROOT, "boundary area S_V = %.4g /nm, H = S_V·d = %.4f (Poisson-Voronoi %.4f), grain-volume CV %.3f%n",
            g.surfacePerVolume(), g.shapeFactor(), GrainStatistics.POISSON_VORONOI_H, g.volumeCv());
    }

    private static void print(FeResult r, Console console) {
        var out = console.out();
        GrainStatistics g = r.grains();
        printMicrostructure(g, r.microstructure(), r.grid(), r.voxelNm(), console);
        double w = r.input().gbWidthNm();
        out.printf(Locale.ROOT, "model: %s, δ = %.4g nm (%.3g voxels); D_bulk = %s, D∥ = %s, D⊥ = %s%n", r.input().model().label(), w, w / r.voxelNm(),
            FeOptions.fmt(r.input().diffusivities().bulk()), FeOptions.fmt(r.input().diffusivities().parallel()), FeOptions.fmt(r.input().diffusivities().perpendicular()));
        out.printf(Locale.ROOT, "f_GB = %.5f   (H·δ/d = %.5f with H = 2.9105; %.5f with the measured H)%n", r.gbFraction(),
            g.poissonVoronoiFraction(w), g.boundaryFraction(w));
        out.println("D_eff =");
        for (double[] row : r.effective().matrix()) out.printf(Locale.ROOT, "  %14.7g %14.7g %14.7g%n", row[0], row[1], row[2]);
        double[] ev = r.eigenvalues();
        out.printf(Locale.ROOT, "eigenvalues %.7g %.7g %.7g   mean %.7g   (D_mean/D_bulk = %.5g)%n", ev[0], ev[1], ev[2], r.mean(),
            r.mean() / r.input().diffusivities().bulk());
        out.printf(Locale.ROOT, "Wiener bounds  [%.6g, %.6g]   Hashin-Shtrikman bounds [%.6g, %.6g]%n", r.bounds().wienerLower().mean(),
            r.bounds().wienerUpper().mean(), r.bounds().hsLower(), r.bounds().hsUpper());
        StringBuilder its = new StringBuilder();
        for (LoadCaseResult lc : r.effective().loadCases()) its.append(its.length() > 0 ? " + " : "").append(lc.iterations());
        out.printf(Locale.ROOT, "iterations %s = %d (tol %.1e, %d threads), %.2f s%n", its, r.iterations(), r.solver().tolerance(), r.solver().threads(), r.seconds());
    }
}
