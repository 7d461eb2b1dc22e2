package io.ionstream.engine.fe;

import io.ionstream.engine.fe.material.Bounds;
import io.ionstream.engine.fe.micro.Polycrystal;
import io.ionstream.engine.fe.micro.PolycrystalBuilder;
import io.ionstream.engine.fe.micro.PolycrystalSpec;
import io.ionstream.engine.fe.model.CollapsedBoundaries;
import io.ionstream.engine.fe.model.ModelMaterial;
import io.ionstream.engine.fe.model.ResolvedBoundaries;
import io.ionstream.engine.fe.solver.EffectiveTensor;
import io.ionstream.engine.fe.solver.FansSolver;
import io.ionstream.engine.fe.solver.SolverSettings;

/**
 * The pure entry point of FE homogenisation: polycrystal + case → effective tensor with
 * provenance. Reuses one solver (its five grid-sized fields) for every case on the same grid:
 * keep an instance for sweeps over diffusivities or temperatures; close it when done.
 */
public final class FeHomogenisation implements AutoCloseable {
    private final SolverSettings settings;
    private FansSolver solver;
    private int solverGrid = -1;

    public FeHomogenisation(SolverSettings settings) {
        this.settings = settings;
    }

    public SolverSettings settings() { return settings; }

    /** Generates the polycrystal of {@code spec} (with the settings' threads). */
    public Polycrystal polycrystal(PolycrystalSpec spec) {
        return PolycrystalBuilder.generate(spec, settings.threads());
    }

    /** The voxel material of a case (without solving). */
    public ModelMaterial material(Polycrystal pc, FeCase c) {
        return switch (c.model()) {
            case RESOLVED -> ResolvedBoundaries.material(pc, c.gbWidthNm(), c.diffusivities());
            case COLLAPSED -> CollapsedBoundaries.material(pc, c.gbWidthNm(), c.diffusivities(), settings.threads());
        };
    }

    public FeResult run(Polycrystal pc, FeCase c, FansSolver.Progress progress) {
        long t0 = System.nanoTime();
        ModelMaterial mm = material(pc, c);
        if (solver == null || solverGrid != pc.grid()) {
            if (solver != null) solver.close();
            solver = null;
            solver = new FansSolver(pc.grid(), pc.grid(), pc.grid(), settings);
            solverGrid = pc.grid();
        }
        solver.setMaterial(mm.field());
        EffectiveTensor e = solver.homogenise(progress);
        Bounds b = Bounds.of(mm.field(), mm.gbFraction(), c.diffusivities().bulk(), c.diffusivities().parallel(),
            c.diffusivities().perpendicular());
        return new FeResult(c, e, mm.gbFraction(), mm.maxVoxelFraction(), b, pc.statistics(settings.threads()), pc.origin(),
            pc.grid(), pc.voxelNm(), settings, (System.nanoTime() - t0) * 1e-9);
    }

    @Override
    public void close() {
        if (solver != null) solver.close();
        solver = null;
    }
}
