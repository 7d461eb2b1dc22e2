package io.ionstream.engine.potential.mtp;

import io.ionstream.engine.io.mlip.EfsReport;
import io.ionstream.engine.io.mlip.MlipConfiguration;
import io.ionstream.engine.neighbor.NeighborSettings;
import io.ionstream.engine.potential.ForceEngine;
import io.ionstream.engine.potential.ForceField;
import io.ionstream.engine.system.AtomSystem;
import java.util.Arrays;

/**
 * Evaluates an {@link MtpPotential} on single MLIP configurations, as {@code mlp calc-efs} and
 * {@code mlp calculate-grade} do: energy, site energies, forces and PlusStress in the file's atom
 * order and frame, and optionally extrapolation grades. The configuration itself is not modified.
 */
public final class MtpEvaluator {
    /** One configuration's results; {@code grades} is null unless requested. */
    public record Result(double energy, double[] siteEnergies, double[] forces, double[] plusStress, double[] grades,
                         double configurationGrade) {}

    private static final NeighborSettings SINGLE_EVALUATION = new NeighborSettings(0.0, 1, 0, true, 0);

    private final MtpPotential potential;

    public MtpEvaluator(MtpPotential potential) {
        this.potential = potential;
    }

    public MtpPotential potential() { return potential; }

    public Result evaluate(MlipConfiguration cfg, boolean grades) {
        AtomSystem sys = cfg.system().copy();
        int n = sys.size();
        ForceEngine engine = new ForceEngine(sys, ForceField.of(potential), SINGLE_EVALUATION);
        engine.setPerAtomEnergy(true);
        if (grades) potential.requestGrades();
        engine.compute();
        double[] f = Arrays.copyOf(sys.f(), 3 * n);
        cfg.toFileFrame(f, n);
        double[] site = Arrays.copyOf(engine.perAtomEnergy(), n);
        double[] stress = cfg.virialToFileFrame(engine.virial());
        double[] g = null;
        double cg = Double.NaN;
        if (grades) {
            cg = potential.configurationGrade();
            g = potential.gradedAtoms() == n ? Arrays.copyOf(potential.neighborhoodGrades(), n) : null;
        }
        return new Result(engine.energy(), site, f, stress, g, cg);
    }

    /** The golden-format block of configuration {@code index}. */
    public EfsReport.Block report(int index, MlipConfiguration cfg) {
        Result r = evaluate(cfg, false);
        AtomSystem sys = cfg.system();
        int n = sys.size();
        return new EfsReport.Block(index, r.energy(), cfg.energy(), Arrays.copyOf(sys.id(), n), Arrays.copyOf(sys.type(), n),
            r.siteEnergies(), r.forces(), r.plusStress());
    }
}
