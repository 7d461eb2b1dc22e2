package io.ionstream.engine.protocol;

/**
 * Observes a running {@link Protocol}: stage boundaries and periodic thermo samples. Called on
 * the thread that runs the protocol; implementations (a CLI progress bar, an actor forwarding
 * observables) must return quickly.
 */
public interface ProtocolListener {
    /** A listener that ignores everything. */
    ProtocolListener NONE = new ProtocolListener() {};

    /** Stage {@code index} (0-based) of {@code count} starts; {@code plannedSteps} is an upper bound for minimisations. */
    default void stageStarted(Stage stage, int index, int count, long plannedSteps) {}

    /** A sample every few steps and at the end of each stage. */
    default void thermo(ThermoSample sample) {}

    default void stageFinished(Stage stage, StageResult result) {}

    /** Both listeners, in order. */
    default ProtocolListener andThen(ProtocolListener next) {
        ProtocolListener first = this;
        return new ProtocolListener() {
            @Override public void stageStarted(Stage s, int i, int n, long p) { first.stageStarted(s, i, n, p); next.stageStarted(s, i, n, p); }
            @Override public void thermo(ThermoSample t) { first.thermo(t); next.thermo(t); }
            @Override public void stageFinished(Stage s, StageResult r) { first.stageFinished(s, r); next.stageFinished(s, r); }
        };
    }
}
