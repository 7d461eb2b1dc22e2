package io.ionstream.actors.domain;

import io.ionstream.engine.neighbor.NeighborSettings;
import io.ionstream.engine.system.AtomSystem;
import java.util.function.LongPredicate;

/**
 * One domain-decomposed MD run: the initial system (not modified), how to build force fields
 * and integrators, the neighbour-list settings (skin; {@code every}/{@code delay}/{@code check}
 * as in the serial engine), the number of steps (at most: a minimiser that reports convergence
 * ends the run early), the number of subdomains, how often a {@link ThermoSample} is recorded
 * (the last step always is), optionally live observables, where the run starts ({@link Start}:
 * a fresh start, or the continuation of a run from its integrator state) and at which global
 * steps the positions of all atoms are gathered into a {@link FrameSample} ({@code frames}, null:
 * never).
 */
public record DomainJob(AtomSystem system, ModelFactory model, NeighborSettings neighbors, long steps,
                        int subdomains, int thermoEvery, ObservablePlan observables, Start start, LongPredicate frames) {

    /**
     * Where a run starts: its first step is global step {@code step + 1}, at time
     * {@code time + dt} (ps). With {@code globals} (a continuation) the integrator's state is
     * restored over a fresh {@code setup} instead of being initialised; with
     * {@code observablesInitialised} the per-atom state of the observables (MSD origins …) is the
     * one the atoms carry in {@code ObservableSet.STATE_ARRAY}, not initialised again.
     */
    public record Start(long step, double time, double[] globals, boolean observablesInitialised) {
        /** A run from scratch at step 0. */
        public static final Start FRESH = new Start(0, 0.0, null, false);

        public Start {
            if (step < 0) throw new IllegalArgumentException("start step must be >= 0, got " + step);
            globals = globals == null ? null : globals.clone();
        }

        @Override
        public double[] globals() {
            return globals == null ? null : globals.clone();
        }
    }

    public DomainJob {
        if (system == null || system.size() == 0) throw new IllegalArgumentException("a decomposed run needs at least one atom");
        if (model == null) throw new IllegalArgumentException("a decomposed run needs a model (force field and integrator)");
        if (neighbors == null) throw new IllegalArgumentException("a decomposed run needs neighbour settings");
        if (steps < 0) throw new IllegalArgumentException("number of steps must be >= 0, got " + steps);
        if (subdomains < 1) throw new IllegalArgumentException("number of subdomains must be >= 1, got " + subdomains);
        if (thermoEvery < 1) throw new IllegalArgumentException("thermo interval must be >= 1, got " + thermoEvery);
        if (start == null) start = Start.FRESH;
    }

    /** A fresh run without frames. */
    public DomainJob(AtomSystem system, ModelFactory model, NeighborSettings neighbors, long steps, int subdomains,
                     int thermoEvery, ObservablePlan observables) {
        this(system, model, neighbors, steps, subdomains, thermoEvery, observables, Start.FRESH, null);
    }

    /** A fresh run without live observables or frames. */
    public DomainJob(AtomSystem system, ModelFactory model, NeighborSettings neighbors, long steps, int subdomains,
                     int thermoEvery) {
        this(system, model, neighbors, steps, subdomains, thermoEvery, null);
    }
}
