package io.ionstream.server.cli;

import io.ionstream.engine.fe.micro.Polycrystal;
import io.ionstream.engine.fe.micro.PolycrystalBuilder;
import io.ionstream.engine.fe.micro.PolycrystalSpec;
import io.ionstream.engine.fe.micro.Seeding;
import io.ionstream.engine.fe.model.GbDiffusivities;
import io.ionstream.engine.fe.model.ModelMaterial;
import io.ionstream.engine.fe.model.ResolvedBoundaries;
import io.ionstream.engine.fe.solver.EffectiveTensor;
import io.ionstream.engine.fe.solver.FansSolver;
import io.ionstream.engine.fe.solver.LoadCaseResult;
import io.ionstream.engine.fe.solver.SolverSettings;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code bench fe}: the FANS solver on a nanocrystalline polycrystal with resolved boundaries
 * (δ = 2.5 nm over 3 voxels): the effective tensor (three solves) on the benchmark grid, then
 * CG iterations and time per iteration for contrasts D_GB/D_bulk 10⁻⁴…10⁴ (one load case each)
 * and the iterations of one case on coarser grids (grid independence). Reports wall time and the
 * process CPU time (wall times are noisy on a shared machine) and memory.
 */
final class FeBenchmark implements Benchmark {
    private static final double WIDTH_NM = 2.5, VOXELS_PER_WIDTH = 3;

    @Override public String name() { return "fe"; }

    @Override public String summary() { return "FE homogenisation (FANS CG): effective tensor at 128³, iterations vs contrast, memory"; }

    @Override
    public String help() {
        return """
            Usage: bin/ionstream bench fe [--grid 128] [--grains 64] [--contrast-grid 64] [--contrasts 1e-4,1e-3,...,1e4]
                     [--tol 1e-6] [--threads k] [--json]

            Polycrystal of --grains Voronoi grains whose 2.5 nm boundaries span 3 voxels, D_bulk = 1,
            D∥ = 10, D⊥ = 5: times the effective tensor (three solves) on --grid³, then one load case
            per contrast D_GB/D_bulk (isotropic boundaries) on --contrast-grid³, and the iterations of
            one load case at 32³, 64³ and --grid³ (FANS: nearly independent of the grid). --grid 256
            and 512 work (512³ needs about 8 GiB of heap: IONSTREAM_JAVA_OPTS=-Xmx10g).
            """;
    }

    @Override
    public Set<String> valueOptions() { return Set.of("grid", "grains", "contrast-grid", "contrasts", "tol", "threads"); }

    @Override
    public int run(Args a, Console console) throws Exception {
        int grid = (int) a.integer("grid", 128, 8, 1290);
        int grains = (int) a.integer("grains", 64, 1, 100_000);
        int cgrid = (int) a.integer("contrast-grid", Math.min(grid, 64), 8, 1290);
        double[] contrasts = FeOptions.numbers(a, "contrasts", "1e-4,1e-3,1e-2,1e-1,1,1e1,1e2,1e3,1e4");
        SolverSettings settings = FeOptions.solver(a);
        checkMemory(grid, console);

        Map<String, Object> out = new LinkedHashMap<>();
        out.put("grid", grid);
        out.put("grains", grains);
        out.put("threads", settings.threads());
        out.put("tolerance", settings.tolerance());

        long cpu0 = cpu(), t0 = System.nanoTime();
        Polycrystal pc = polycrystal(grid, grains, settings.threads());
        double genSeconds = (System.nanoTime() - t0) * 1e-9, genCpu = (cpu() - cpu0) * 1e-9;
        ModelMaterial mm = ResolvedBoundaries.material(pc, WIDTH_NM, new GbDiffusivities(1, 10, 5));
        console.info(String.format(Locale.ROOT, "%d³ voxels, %d grains, d = %.3g nm, f_GB = %.4f; microstructure %.1f s", grid, grains,
            pc.grainSizeNm(), mm.gbFraction(), genSeconds));
        out.put("grain_size_nm", pc.grainSizeNm());
        out.put("f_gb", mm.gbFraction());
        out.put("microstructure_seconds", genSeconds);
        out.put("microstructure_cpu_seconds", genCpu);

        EffectiveTensor e;
        long cpu1, t1;
        long heap;
        try (FansSolver solver = new FansSolver(mm.field(), settings)) {
            cpu1 = cpu();
            t1 = System.nanoTime();
            e = solver.homogenise(null);
            System.gc(); // live data only: the solver's fields, the material and the microstructure
            heap = usedHeap();
        }
        double wall = (System.nanoTime() - t1) * 1e-9, cpuS = (cpu() - cpu1) * 1e-9;
        int its = e.totalIterations();
        out.put("D_eff", FeOptions.matrix(e.matrix()));
        out.put("iterations", its);
        out.put("seconds", wall);
        out.put("cpu_seconds", cpuS);
        out.put("seconds_per_iteration", wall / Math.max(1, its));
        out.put("cpu_seconds_per_iteration", cpuS / Math.max(1, its));
        long fields = FansSolver.fieldBytes(grid, grid, grid);
        long material = 4L * grid * grid * grid;
        long micro = 12L * grid * grid * grid;
        out.put("memory_solver_fields_MiB", fields >> 20);
        out.put("memory_material_index_MiB", material >> 20);
        out.put("memory_microstructure_MiB", micro >> 20);
        out.put("heap_used_MiB", heap >> 20);
        if (!a.flag("json")) {
            var o = console.out();
            o.printf(Locale.ROOT, "effective tensor on %d³ (%d grains, f_GB %.4f, D∥/D_b = 10, D⊥/D_b = 5), %d threads:%n", grid, grains, mm.gbFraction(), settings.threads());
            for (double[] row : e.matrix()) o.printf(Locale.ROOT, "  %12.6g %12.6g %12.6g%n", row[0], row[1], row[2]);
            StringBuilder per = new StringBuilder();
            for (LoadCaseResult lc : e.loadCases()) per.append(per.length() > 0 ? " + " : "").append(lc.iterations());
            o.printf(Locale.ROOT, "  iterations %s = %d; %.2f s wall (%.2f s CPU), %.3f s/iteration wall (%.3f s CPU)%n", per, its, wall, cpuS,
                wall / Math.max(1, its), cpuS / Math.max(1, its));
            o.printf(Locale.ROOT, "  memory: CG fields %d MiB, material index %d MiB, microstructure %d MiB; live heap %d MiB%n",
                fields >> 20, material >> 20, micro >> 20, heap >> 20);
            o.printf(Locale.ROOT, "  microstructure generation %.2f s wall (%.2f s CPU)%n", genSeconds, genCpu);
        }

        // iterations versus contrast (one load case each)
        Polycrystal pcC = cgrid == grid ? pc : polycrystal(cgrid, grains, settings.threads());
        List<Object> scan = new ArrayList<>();
        if (!a.flag("json")) console.out().printf(Locale.ROOT, "iterations vs contrast on %d³ (one load case, isotropic boundaries):%n  %10s %10s %12s %12s%n",
            cgrid, "D_GB/D_b", "iterations", "s/iter", "CPU s/iter");
        try (FansSolver solver = new FansSolver(cgrid, cgrid, cgrid, settings)) {
            for (double c : contrasts) {
                solver.setMaterial(ResolvedBoundaries.material(pcC, WIDTH_NM, GbDiffusivities.isotropic(1, c)).field());
                long cc = cpu(), tt = System.nanoTime();
                LoadCaseResult lc = solver.solveAxis(0, null);
                double w = (System.nanoTime() - tt) * 1e-9, cs = (cpu() - cc) * 1e-9;
                int it = Math.max(1, lc.iterations());
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("contrast", c);
                row.put("iterations", lc.iterations());
                row.put("converged", lc.converged());
                row.put("seconds_per_iteration", w / it);
                row.put("cpu_seconds_per_iteration", cs / it);
                scan.add(row);
                if (!a.flag("json")) {
                    if (lc.iterations() == 0) console.out().printf(Locale.ROOT, "  %10.0e %10d %12s %12s  (homogeneous: no iteration needed)%n", c, 0, "-", "-");
                    else console.out().printf(Locale.ROOT, "  %10.0e %10d %12.4f %12.4f%s%n", c, lc.iterations(), w / it, cs / it, lc.converged() ? "" : "  (not converged)");
                }
            }
        }
        out.put("contrast_grid", cgrid);
        out.put("contrast_scan", scan);

        // grid independence: the same contrast on coarser grids
        List<Object> gridScan = new ArrayList<>();
        if (!a.flag("json")) console.out().printf(Locale.ROOT, "grid independence (D∥/D_b = 10, D⊥/D_b = 5, load case x):%n");
        for (int g : new java.util.TreeSet<>(List.of(Math.min(32, grid), Math.min(64, grid), grid))) {
            Polycrystal p = g == grid ? pc : polycrystal(g, grains, settings.threads());
            try (FansSolver solver = new FansSolver(ResolvedBoundaries.material(p, WIDTH_NM, new GbDiffusivities(1, 10, 5)).field(), settings)) {
                LoadCaseResult lc = solver.solveAxis(0, null);
                gridScan.add(Map.of("grid", g, "iterations", lc.iterations()));
                if (!a.flag("json")) console.out().printf(Locale.ROOT, "  %4d³: %d iterations%n", g, lc.iterations());
            }
        }
        out.put("grid_scan", gridScan);
        if (a.flag("json")) console.json(out);
        return Main.OK;
    }

    /** The same tessellation at every grid: grain size chosen so that δ spans 3 voxels. */
    static Polycrystal polycrystal(int grid, int grains, int threads) {
        double cellNm = grid * WIDTH_NM / VOXELS_PER_WIDTH;
        return PolycrystalBuilder.generate(new PolycrystalSpec(grains, grid, cellNm / Math.cbrt(grains), Seeding.RANDOM, 1, 0), threads);
    }

    private static void checkMemory(int grid, Console console) {
        long n = (long) grid * grid * grid;
        long need = n * (5 * 8 + 4 + 12) + (64L << 20);
        long max = Runtime.getRuntime().maxMemory();
        if (need > max)
            throw new IllegalStateException(String.format(Locale.ROOT, "a %d³ benchmark needs about %.1f GiB of heap, the JVM has %.1f GiB: "
                + "run with IONSTREAM_JAVA_OPTS=-Xmx%dg", grid, need / 1073741824.0, max / 1073741824.0, (long) Math.ceil(need * 1.25 / 1073741824.0)));
    }

    private static long cpu() {
        var os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) return sun.getProcessCpuTime();
        return 0;
    }

    private static long usedHeap() {
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }
}
