package io.ionstream.actors.jobs.run;

/** How a run of a job ended. */
public sealed interface RunOutcome {
    /** The last state (after the last stage, or where it stopped). */
    Snapshot last();

    /** Every stage finished. */
    record Completed(Snapshot last) implements RunOutcome {}

    /** Stopped on request before the end. */
    record Cancelled(Snapshot last) implements RunOutcome {}
}
