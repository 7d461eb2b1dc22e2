package io.ionstream.actors.jobs.run;

import io.ionstream.proto.v1.StageResult;
import java.util.List;

/**
 * Everything a job needs to continue from one step: the atoms (canonical order), where it is in
 * its protocol (stage index, step within the stage, global step, simulated time), the stepper's
 * global state ({@code globals}, null at the start of a stage), whether the per-atom state of
 * its observables (MSD origins …, carried by the atoms as an extra array) was initialised, how
 * many samples and frames it has produced, the wall time spent so far, and the results of the
 * stages already finished. A checkpoint is a snapshot on
 * disk; the initial state of a job is the snapshot at step 0.
 */
public record Snapshot(AtomState atoms, int stageIndex, long stageStep, long step, double time, double[] globals,
                       boolean observablesInitialised,
                       long samples, long frames, double wallSeconds, List<StageResult> stages) {
    public Snapshot {
        stages = List.copyOf(stages);
    }

    /** The state before the first step of a job. */
    public static Snapshot initial(AtomState atoms) {
        return new Snapshot(atoms, 0, 0, 0, 0.0, null, false, 0, 0, 0.0, List.of());
    }

    /** True at a stage boundary (the stepper starts fresh). */
    public boolean atStageStart() {
        return globals == null;
    }
}
