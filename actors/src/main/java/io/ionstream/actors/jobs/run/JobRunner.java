package io.ionstream.actors.jobs.run;

import java.util.function.BooleanSupplier;

/**
 * Runs a job's MD from a snapshot to the end of its protocol, reporting samples, frames and
 * checkpoints. This is the seam between job orchestration and the MD platform: the serial
 * engine ({@link SerialJobRunner}) or the domain-decomposed actor layer implement it, and the
 * job supervisor does not know which one runs. Contract shared by every implementation:
 *
 * <ul>
 *   <li>at every global step that is a multiple of the plan's checkpoint interval, and at every
 *       stage boundary, the runner captures a {@link Snapshot} (atoms in canonical order),
 *       reports it, and continues <em>from that snapshot</em> exactly as a run restored from it
 *       would, so a job resumed after a crash repeats the uninterrupted trajectory bit for bit;</li>
 *   <li>sample sequence numbers and frame indices continue from the snapshot's counters;</li>
 *   <li>{@code cancelled} is polled every step.</li>
 * </ul>
 *
 * Failures (an unstable simulation, a potential that refuses the structure) are thrown as
 * exceptions with a message naming the problem.
 */
public interface JobRunner {
    /** Short description for job listings ("serial engine"). */
    String description(JobPlan plan);

    RunOutcome run(JobPlan plan, Snapshot from, RunListener listener, BooleanSupplier cancelled);
}
