package io.ionstream.actors.domain;

import io.ionstream.engine.neighbor.NeighborSettings;
import io.ionstream.engine.system.AtomSystem;

/**
 * One domain-decomposed MD run: the initial system (not modified), how to build force fields
 * and integrators, the neighbour-list settings (skin; {@code every}/{@code delay}/{@code check}
 * as in the serial engine), the number of steps (at most: a minimiser that reports convergence
 * ends the run early), the number of subdomains, and how often a {@link ThermoSample} is
 * recorded (the last step always is), and optionally live observables.
 */
public record DomainJob(AtomSystem system, ModelFactory model, NeighborSettings neighbors, long steps,
                        int subdomains, int thermoEvery, ObservablePlan observables) {
    public DomainJob {
        if (system == null || system.size() == 0) throw new IllegalArgumentException("a decomposed run needs at least one atom");
        if (model == null) throw new IllegalArgumentException("a decomposed run needs a model (force field and integrator)");
        if (neighbors == null) throw new IllegalArgumentException("a decomposed run needs neighbour settings");
        if (steps < 0) throw new IllegalArgumentException("number of steps must be >= 0, got " + steps);
        if (subdomains < 1) throw new IllegalArgumentException("number of subdomains must be >= 1, got " + subdomains);
        if (thermoEvery < 1) throw new IllegalArgumentException("thermo interval must be >= 1, got " + thermoEvery);
    }

    /** A job without live observables. */
    public DomainJob(AtomSystem system, ModelFactory model, NeighborSettings neighbors, long steps, int subdomains,
                     int thermoEvery) {
        this(system, model, neighbors, steps, subdomains, thermoEvery, null);
    }
}
