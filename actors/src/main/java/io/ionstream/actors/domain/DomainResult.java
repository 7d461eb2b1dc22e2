package io.ionstream.actors.domain;

import io.ionstream.actors.domain.decomp.DomainGrid;
import io.ionstream.engine.md.StepSums;
import io.ionstream.engine.system.AtomSystem;
import java.util.List;

/**
 * The outcome of a decomposed run: the final system in the input's atom order (with the forces
 * of the last evaluation), the reduced sums of the last step, the thermo log, the live
 * observables (empty without an {@link ObservablePlan}), the grid that was used, the number of
 * steps taken, how often lists were rebuilt and steps redone, per-subdomain timings, the wall
 * time of the stepping (setup excluded), the integrator's {@code globals} after the last step
 * (what a continuation starts from), whether the observables' per-atom state is initialised,
 * and whether the run stopped early because its owner asked
 * ({@link DomainCoordinator.ProgressListener#stopRequested}).
 */
public record DomainResult(AtomSystem system, StepSums finalSums, ThermoSample last, List<ThermoSample> thermo,
                           List<ObservableSample> observables, DomainGrid grid, long steps, int rebuilds, int redos,
                           List<SubdomainStats> subdomains, long wallNanos, double[] globals, boolean observablesInitialised,
                           boolean stopped) {
    /** Atom-steps per second of wall time. */
    public double atomStepsPerSecond() {
        return wallNanos > 0 ? (double) system.size() * steps / (wallNanos * 1e-9) : Double.NaN;
    }

    /** Share of the subdomains' step time spent waiting for partners (0..1). */
    public double waitShare() {
        long busy = 0, wait = 0;
        for (SubdomainStats s : subdomains) {
            busy += s.busyNanos();
            wait += s.waitNanos();
        }
        return busy > 0 ? (double) wait / busy : 0;
    }

    @Override
    public double[] globals() {
        return globals.clone();
    }
}
