package io.ionstream.engine.md;

import io.ionstream.engine.system.AtomSystem;

/**
 * A time integrator (or any stepper: minimisers use the same shape), split into the phases that
 * a domain-decomposed run needs, so the serial engine and the subdomain actors run the very
 * same code. One step is:
 *
 * <ol>
 *   <li>{@link #beforeForces} on every subdomain's local atoms (velocity scaling, half kick,
 *       drift, box change: local work using the broadcast {@code globals});</li>
 *   <li>forces, with halo exchange;</li>
 *   <li>{@link #afterForces}: second half kick and this subdomain's partial {@link StepSums};</li>
 *   <li>{@link #reduce} once, on the summed {@link StepSums}: all global decisions (thermostat and
 *       barostat variables, scale factors, the next box) are written into {@code globals}, and
 *       the sums are updated to describe the end of the step;</li>
 *   <li>{@link #finishStep} on every subdomain with the new {@code globals}.</li>
 * </ol>
 *
 * So one small message goes each way per step. Every instance built from the same parameters
 * makes the same decisions from the same sums; {@code globals} is the only state that moves.
 */
public interface Integrator {
    String name();

    /** Time step (ps); 0 for minimisers. */
    double timestep();

    /** Length of the global state vector. */
    int globalsLength();

    /**
     * Initialises {@code globals} from the sums of the initial force evaluation (before the first
     * step) and the initial cell of {@code sys}.
     */
    void setup(StepSums total, AtomSystem sys, double[] globals);

    void beforeForces(AtomSystem local, double[] globals);

    /** Adds this subdomain's kinetic tensor (and anything else it needs) to {@code partial}. */
    void afterForces(AtomSystem local, double[] globals, StepSums partial);

    void reduce(StepSums total, double[] globals);

    void finishStep(AtomSystem local, double[] globals);

    /**
     * Energy of the extended-system variables (thermostat, barostat), so that potential +
     * kinetic + this is conserved (eV). Zero for plain NVE.
     */
    default double extendedEnergy(double[] globals) {
        return 0.0;
    }

    /** True when the stepper has converged and wants to stop (minimisers). */
    default boolean converged(double[] globals) {
        return false;
    }
}
