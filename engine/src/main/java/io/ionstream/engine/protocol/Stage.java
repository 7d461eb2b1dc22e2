package io.ionstream.engine.protocol;

import io.ionstream.engine.md.MdRunner;

/** One building block of a {@link Protocol}: runs on a {@link MdRunner}, reporting to a listener. */
public interface Stage {
    String name();

    /** Steps this stage will take (for a minimisation: at most). */
    long plannedSteps();

    /** Runs the stage; {@code thermoEvery} is the sampling interval in steps. */
    StageResult run(MdRunner runner, ProtocolListener listener, long thermoEvery);
}
