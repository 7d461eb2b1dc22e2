package io.ionstream.actors.jobs.run;

import io.ionstream.engine.neighbor.NeighborSettings;
import io.ionstream.engine.potential.SystemSummary;
import io.ionstream.engine.protocol.Stage;
import java.util.List;

/**
 * A job ready to run, in engine terms: a summary of its initial system, its force field, neighbour settings, protocol stages
 * (velocities, MD, minimisation), observables, checkpoint and frame intervals (steps; frames 0:
 * none), the requested decomposition, and the stages as models the actor layer can rebuild on
 * any node ({@code models}; null for plans made by hand, which then run on the serial engine).
 * Built from a job spec by the planner; the initial atoms travel separately as the job's first
 * {@link Snapshot}.
 */
public record JobPlan(String jobId, SystemSummary system, ForceFieldFactory forceField, NeighborSettings neighbors, List<Stage> stages,
                      ObservablePlan observables, long checkpointEvery, long frameEvery, int subdomains, int nodes,
                      StageModels models) {
    /** A plan without models for the actor layer. */
    public JobPlan(String jobId, SystemSummary system, ForceFieldFactory forceField, NeighborSettings neighbors, List<Stage> stages,
                   ObservablePlan observables, long checkpointEvery, long frameEvery, int subdomains, int nodes) {
        this(jobId, system, forceField, neighbors, stages, observables, checkpointEvery, frameEvery, subdomains, nodes, null);
    }

    public JobPlan {
        if (subdomains < 1) throw new IllegalArgumentException("a job needs at least one subdomain, got " + subdomains);
        if (nodes < 1) throw new IllegalArgumentException("a job needs at least one node, got " + nodes);
        stages = List.copyOf(stages);
        if (stages.isEmpty()) throw new IllegalArgumentException("a job needs at least one stage");
        if (checkpointEvery < 1) throw new IllegalArgumentException("checkpoint interval must be >= 1 step, got " + checkpointEvery);
        if (frameEvery < 0) throw new IllegalArgumentException("frame interval must be >= 0 steps, got " + frameEvery);
    }

    /** Planned steps of all stages (minimisations counted at their maximum number of evaluations). */
    public long totalSteps() {
        long n = 0;
        for (Stage s : stages) n += s.plannedSteps();
        return n;
    }
}
