package io.ionstream.actors.jobs.run;

/**
 * A job's stages as models for the actor layer ({@link StageModel}): the planner builds them
 * from the job spec, so that subdomains on other nodes can rebuild exactly the force field,
 * integrator and observables the job uses.
 */
@FunctionalInterface
public interface StageModels {
    /** The model of stage {@code index} (an MD or minimisation stage). */
    StageModel stage(int index);
}
