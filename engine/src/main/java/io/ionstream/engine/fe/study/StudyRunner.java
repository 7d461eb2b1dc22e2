package io.ionstream.engine.fe.study;

import io.ionstream.engine.fe.FeCase;
import io.ionstream.engine.fe.FeHomogenisation;
import io.ionstream.engine.fe.FeResult;
import io.ionstream.engine.fe.micro.Polycrystal;
import io.ionstream.engine.fe.micro.PolycrystalBuilder;
import io.ionstream.engine.fe.micro.PolycrystalSpec;
import io.ionstream.engine.fe.micro.SeedGenerator;
import io.ionstream.engine.fe.model.GbModel;
import io.ionstream.engine.fe.solver.SolverSettings;
import java.util.HashMap;
import java.util.Map;

/**
 * Shared machinery of the studies: one set of seeds (so every grain size is the same
 * tessellation, rescaled), the grid of each model for a grain size, and a cache of the
 * polycrystals built. The resolved model uses the study grid; the collapsed one the largest grid
 * up to it whose voxels can hold the boundary (starting at voxel ≈ 2δ and coarsening by 20 %
 * while a composite voxel would overflow).
 */
public final class StudyRunner implements AutoCloseable {
    /** Receives a line of progress. */
    @FunctionalInterface
    public interface Log {
        void line(String message);
    }

    private final PolycrystalSpec base;
    private final double[] seeds;
    private final double widthNm;
    private final FeHomogenisation fe;
    private final Map<String, Polycrystal> cache = new HashMap<>();
    private final java.util.Set<String> warnings = new java.util.LinkedHashSet<>();
    private final Log log;

    public StudyRunner(PolycrystalSpec base, double widthNm, SolverSettings settings, Log log) {
        this.base = base;
        this.seeds = SeedGenerator.generate(base.grains(), base.seeding(), base.seed(), base.lloydIterations());
        this.widthNm = widthNm;
        this.fe = new FeHomogenisation(settings);
        this.log = log == null ? m -> { } : log;
    }

    public double widthNm() { return widthNm; }

    public PolycrystalSpec base() { return base; }

    public Polycrystal polycrystal(double grainSizeNm, int grid) {
        String key = grainSizeNm + "@" + grid;
        return cache.computeIfAbsent(key, k -> {
            if (cache.size() > 8) cache.clear(); // bounded memory across long sweeps
            PolycrystalSpec s = base.withGrainSize(grainSizeNm).withGrid(grid);
            return PolycrystalBuilder.fromSeeds(seeds, grid, s.cellNm(), fe.settings().threads(),
                "voronoi seeding=" + base.seeding().name().toLowerCase() + " seed=" + base.seed() + " grains=" + base.grains());
        });
    }

    /** Homogenises one case; the collapsed model coarsens its grid until its voxels hold the boundary. */
    public FeResult run(GbModel model, double grainSizeNm, FeCase c) {
        return run(model, grainSizeNm, c, null);
    }

    /** As {@link #run(GbModel, double, FeCase)}, reporting solver iterations to {@code progress} (which may abort by throwing). */
    public FeResult run(GbModel model, double grainSizeNm, FeCase c, io.ionstream.engine.fe.solver.FansSolver.Progress progress) {
        int grid = base.grid();
        if (model == GbModel.COLLAPSED) {
            double cell = base.withGrainSize(grainSizeNm).cellNm();
            grid = Math.max(4, Math.min(base.grid(), (int) Math.floor(cell / (2 * widthNm))));
            while (true) {
                Polycrystal pc = polycrystal(grainSizeNm, grid);
                try {
                    fe.material(pc, c.withModel(model));
                    break;
                } catch (IllegalArgumentException e) {
                    if (grid <= 4) throw e;
                    grid = Math.max(4, (int) Math.floor(grid * 0.8));
                }
            }
        }
        Polycrystal pc = polycrystal(grainSizeNm, grid);
        double span = widthNm / pc.voxelNm();
        if (model == GbModel.RESOLVED && span < 3)
            warnings.add(String.format(java.util.Locale.ROOT, "d = %.4g nm: resolved boundaries span only %.2f voxels (δ/h); "
                + "raise --grid (guideline: δ/h ≥ 5 for enhancing, ≥ 10 for blocking boundaries)", grainSizeNm, span));
        FeResult r = fe.run(pc, c.withModel(model), progress);
        log.line(String.format("d = %.4g nm, %s, grid %d³, D_gb∥/D_b = %.3g: D/D_b = %.6g (%d iterations)", grainSizeNm, model.label(), grid,
            c.diffusivities().parallel() / c.diffusivities().bulk(), r.mean() / c.diffusivities().bulk(), r.iterations()));
        return r;
    }

    /** Boundary width in voxels of the resolved model at a grain size (δ/h on the study grid). */
    public double resolvedSpan(double grainSizeNm) {
        return widthNm * base.grid() / base.withGrainSize(grainSizeNm).cellNm();
    }

    /** Resolution warnings collected so far (distinct, in order). */
    public java.util.List<String> warnings() { return java.util.List.copyOf(warnings); }

    @Override
    public void close() {
        fe.close();
        cache.clear();
    }
}
