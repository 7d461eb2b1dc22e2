package io.ionstream.actors.campaign;

import io.ionstream.engine.fe.micro.PolycrystalSpec;
import io.ionstream.engine.fe.solver.SolverSettings;
import io.ionstream.engine.fe.study.ModelChoice;
import io.ionstream.proto.v1.FeSource;
import io.ionstream.proto.v1.GivenComponent;
import io.ionstream.proto.v1.JobSpec;
import java.util.List;

/**
 * A validated campaign in the terms its supervisor works with: the structures and how their runs
 * are analysed, one {@link RunPlan} (a complete MD job spec) per structure × temperature, the
 * D components given directly, and the FE stage (null when the campaign ends with its fits).
 * Built by {@link CampaignPlanner} from the resolved campaign spec, the same way at submission
 * and after a restart.
 */
public record CampaignPlan(String name, List<StructurePlan> structures, List<Double> temperatures, List<RunPlan> runs,
                           DiffusionPlan diffusion, List<GivenComponent> given, FePlan fe) {
    public CampaignPlan {
        structures = List.copyOf(structures);
        temperatures = List.copyOf(temperatures);
        runs = List.copyOf(runs);
        given = List.copyOf(given);
    }

    /**
     * One structure of the MD stage.
     *
     * @param planesZ        GB planes (Å, in the stored structure's cell); empty for bulk
     * @param initialZlo     z origin and height of the stored structure's cell (to follow the planes when Lz changes)
     * @param widthA         the given GB width δ (Å), or null to fit it to the per-atom energy profile
     * @param bulkReference  the structure whose total D is D_bulk in Hart's decomposition (null: none)
     * @param regionSlabA    slab width of regional D (0: none)
     * @param species        the diffusing species
     * @param samplingStage  the stage whose frames give D
     */
    public record StructurePlan(String name, String structureId, boolean grainBoundary, double[] planesZ, double initialZlo,
                                double initialLz, Double widthA, String bulkReference, double regionSlabA, String[] species,
                                boolean allSpecies, String samplingStage) {}

    /** One MD run: a child job of the campaign. */
    public record RunPlan(int index, String structure, double temperatureK, String childName, JobSpec childSpec) {}

    /**
     * How D is measured: the fit window as fractions of the sampling stage, whether non-normal
     * runs enter the Arrhenius fits, the per-atom energy profile's bin width (Å) and frame count.
     */
    public record DiffusionPlan(double windowStart, double windowEnd, boolean includeNonNormal, double profileBinA, int profileFrames) {}

    /**
     * The FE stage: grain sizes × temperatures, the boundary model choice, the GB width (given in
     * nm, or the mean of the runs of {@code widthFrom}), the D components of the three channels,
     * the microstructure (its grain size is replaced per case) and the solver settings.
     */
    public record FePlan(List<Double> grainSizesNm, List<Double> temperaturesK, ModelChoice model, Double widthNm, String widthFrom,
                         String bulk, String gbParallel, String gbPerpendicular, PolycrystalSpec microstructure, SolverSettings solver,
                         FeSource source) {
        public FePlan {
            grainSizesNm = List.copyOf(grainSizesNm);
            temperaturesK = List.copyOf(temperaturesK);
        }

        public int cases() { return grainSizesNm.size() * temperaturesK.size(); }

        /** Grain size of case k (grain sizes outer, temperatures inner). */
        public double grainSize(int k) { return grainSizesNm.get(k / temperaturesK.size()); }

        public double temperature(int k) { return temperaturesK.get(k % temperaturesK.size()); }
    }

    /** Work units of the campaign's progress: every run, the fits, every FE case. */
    public long units() {
        return runs.size() + 1L + (fe == null ? 0 : fe.cases());
    }

    public StructurePlan structure(String name) {
        for (StructurePlan s : structures) if (s.name().equals(name)) return s;
        throw new IllegalArgumentException("no structure '" + name + "' in campaign " + this.name);
    }

    /** The run of structure {@code s} at temperature {@code t}, or null. */
    public RunPlan run(String s, double t) {
        for (RunPlan r : runs) if (r.structure().equals(s) && r.temperatureK() == t) return r;
        return null;
    }
}
