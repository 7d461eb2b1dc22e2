package io.ionstream.actors.jobs.run;

import io.ionstream.proto.v1.Frame;
import io.ionstream.proto.v1.Sample;
import io.ionstream.proto.v1.StageResult;

/**
 * What a {@link JobRunner} reports, on the thread that runs the MD: implementations must return
 * quickly (hand work to other threads) so that they never slow the simulation.
 */
public interface RunListener {
    /** A stage starts (also when a run resumes inside it). */
    default void stageStarted(int index, String name, long plannedSteps) {}

    /** Called after every step with the global step number. */
    default void progress(long step) {}

    /** Observable values at one step; sequence numbers count from 0 over the whole job. */
    default void sample(Sample sample) {}

    /** A trajectory frame. */
    default void frame(Frame frame) {}

    /** The state at a checkpoint step or stage boundary, to be made durable. */
    default void checkpoint(Snapshot snapshot) {}

    default void stageFinished(StageResult result) {}
}
