package io.ionstream.engine.md;

/**
 * An integrator whose {@link #reduce} is the end-of-step work of step n followed by the
 * start-of-step work of step n + 1 (no force evaluation lies between them). Splitting the two
 * lets a decorator change the velocities at the end of a step (a rescale) and have the
 * start-of-step decisions see that change, still with one reduction per step.
 */
public interface SplitReduction extends Integrator {

    /** End of step n: global decisions from the sums; leaves {@code total} describing the end of the step. */
    void reduceEndOfStep(StepSums total, double[] globals);

    /** Start of step n + 1: decisions from {@code total} (the end-of-step state), for {@link #beforeForces}. */
    void reduceStartOfStep(StepSums total, double[] globals);

    /**
     * Multiplies the velocity scale that {@link #finishStep} applies by {@code factor} (the caller
     * has scaled the kinetic tensor in the sums accordingly).
     */
    void scaleEndOfStepVelocities(double factor, double[] globals);

    @Override
    default void reduce(StepSums total, double[] globals) {
        reduceEndOfStep(total, globals);
        reduceStartOfStep(total, globals);
    }
}
