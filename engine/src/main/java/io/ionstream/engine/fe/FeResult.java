package io.ionstream.engine.fe;

import io.ionstream.engine.fe.material.Bounds;
import io.ionstream.engine.fe.material.DiffusionTensor;
import io.ionstream.engine.fe.micro.GrainStatistics;
import io.ionstream.engine.fe.solver.EffectiveTensor;
import io.ionstream.engine.fe.solver.LoadCaseResult;
import io.ionstream.engine.fe.solver.SolverSettings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The effective diffusivity of one {@link FeCase} with everything needed to reproduce and judge
 * it: boundary fraction of the model and its H·δ/d estimates, bounds, solver statistics, and the
 * microstructure's provenance.
 */
public record FeResult(FeCase input, EffectiveTensor effective, double gbFraction, double maxVoxelFraction, Bounds bounds,
                       GrainStatistics grains, String microstructure, int grid, double voxelNm, SolverSettings solver,
                       double seconds) {

    /** Mean of the eigenvalues of D_eff (the isotropic polycrystal diffusivity). */
    public double mean() { return effective.mean(); }

    public int iterations() { return effective.totalIterations(); }

    /** Everything as nested maps/lists of numbers and strings (for JSON and provenance). */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("D_eff", matrix(effective.matrix()));
        m.put("D_mean", mean());
        m.put("f_gb", gbFraction);
        m.put("iterations", iterations());
        m.put("converged", effective.converged());
        m.put("asymmetry", effective.asymmetry());
        Map<String, Object> in = new LinkedHashMap<>();
        in.put("model", input.model().label());
        in.put("gb_width_nm", input.gbWidthNm());
        in.put("d_bulk", input.diffusivities().bulk());
        in.put("d_gb_par", input.diffusivities().parallel());
        in.put("d_gb_perp", input.diffusivities().perpendicular());
        if (!Double.isNaN(input.temperatureK())) in.put("temperature_K", input.temperatureK());
        m.put("input", in);
        Map<String, Object> micro = new LinkedHashMap<>();
        micro.put("origin", microstructure);
        micro.put("grid", grid);
        micro.put("voxel_nm", voxelNm);
        micro.put("grains", grains.grains());
        micro.put("cell_nm", grains.cellNm());
        micro.put("grain_size_nm", grains.grainSizeNm());
        micro.put("equivalent_sphere_diameter_nm", grains.equivalentSphereDiameterNm());
        micro.put("mean_intercept_nm", grains.meanInterceptNm());
        micro.put("stereological_intercept_nm", grains.stereologicalInterceptNm());
        micro.put("grain_volume_cv", grains.volumeCv());
        micro.put("surface_per_volume_per_nm", grains.surfacePerVolume());
        micro.put("H_measured", grains.shapeFactor());
        micro.put("f_gb_H_measured", grains.boundaryFraction(input.gbWidthNm()));
        micro.put("f_gb_H_2.9105", grains.poissonVoronoiFraction(input.gbWidthNm()));
        micro.put("max_voxel_gb_fraction", maxVoxelFraction);
        m.put("microstructure", micro);
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("wiener_lower", matrix(bounds.wienerLower().toMatrix()));
        b.put("wiener_upper", matrix(bounds.wienerUpper().toMatrix()));
        b.put("wiener_lower_mean", bounds.wienerLower().mean());
        b.put("wiener_upper_mean", bounds.wienerUpper().mean());
        b.put("hs_lower", bounds.hsLower());
        b.put("hs_upper", bounds.hsUpper());
        m.put("bounds", b);
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("tolerance", solver.tolerance());
        s.put("threads", solver.threads());
        List<Object> cases = new ArrayList<>();
        for (LoadCaseResult c : effective.loadCases()) {
            Map<String, Object> lc = new LinkedHashMap<>();
            lc.put("axis", "xyz".substring(c.axis(), c.axis() + 1));
            lc.put("iterations", c.iterations());
            lc.put("relative_residual", c.relativeResidual());
            lc.put("seconds", c.seconds());
            cases.add(lc);
        }
        s.put("load_cases", cases);
        s.put("seconds", seconds);
        m.put("solver", s);
        return m;
    }

    static List<List<Double>> matrix(double[][] a) {
        List<List<Double>> rows = new ArrayList<>();
        for (double[] r : a) rows.add(List.of(r[0], r[1], r[2]));
        return rows;
    }

    /** Eigenvalues of the symmetric part of D_eff, ascending. */
    public double[] eigenvalues() { return DiffusionTensor.of(effective.matrix()).eigenvalues(); }
}
