package io.ionstream.actors.jobs.run;

import io.ionstream.engine.system.AtomSystem;
import io.ionstream.proto.v1.StageResult;
import java.util.ArrayList;
import java.util.List;

/**
 * What one run of a job has produced so far, carried from segment to segment: the stage results,
 * the sequence numbers of the next sample and frame, and the wall time including earlier runs.
 * Both runners build their checkpoints from it, so a snapshot means the same on either.
 */
final class RunTally {
    private final RunListener listener;
    private final List<StageResult> results;
    private final long startNanos = System.nanoTime();
    private final double wallBefore;
    private long samples, frames;

    RunTally(Snapshot from, RunListener listener) {
        this.listener = listener;
        this.results = new ArrayList<>(from.stages());
        this.samples = from.samples();
        this.frames = from.frames();
        this.wallBefore = from.wallSeconds();
    }

    /** The sequence number of the next sample, then counts it. */
    long nextSample() { return samples++; }

    long peekSample() { return samples; }

    /** The index of the next frame, then counts it. */
    long nextFrame() { return frames++; }

    /** Back to the counts of {@code s}: a repeated segment numbers its samples and frames as the first attempt did. */
    void rewind(Snapshot s) {
        samples = s.samples();
        frames = s.frames();
    }

    /** A checkpoint inside a stage. */
    Snapshot snapshot(AtomSystem sys, int stageIndex, long stageStep, long step, double time, double[] globals,
                      boolean observablesInitialised) {
        return new Snapshot(AtomState.capture(sys), stageIndex, stageStep, step, time, globals, observablesInitialised, samples,
            frames, wall(), results);
    }

    /** Records the end of the stage {@code s} is in, tells the listener, and returns the checkpoint at the next stage's start. */
    Snapshot finishStage(AtomSystem sys, Snapshot s, StageResult r, double[] globals, long step, double time,
                         boolean observablesInitialised) {
        results.add(r);
        listener.stageFinished(r);
        return new Snapshot(AtomState.capture(sys), s.stageIndex() + 1, 0, step, time, globals, observablesInitialised, samples,
            frames, wall(), results);
    }

    private double wall() {
        return wallBefore + (System.nanoTime() - startNanos) * 1e-9;
    }

    /** A stage's result from its final thermodynamic state. */
    static StageResult thermoResult(String name, long steps, double temperature, double potentialEnergy, double totalEnergy,
                                    double pressure, double volume, String stop) {
        StageResult.Builder b = StageResult.newBuilder().setName(name).setSteps(steps).setTemperatureK(temperature)
            .setPotentialEnergyEv(potentialEnergy).setTotalEnergyEv(totalEnergy).setPressureBar(pressure).setVolumeA3(volume);
        if (stop != null) b.setStopReason(stop);
        return b.build();
    }
}
