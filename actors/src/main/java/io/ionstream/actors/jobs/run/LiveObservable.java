package io.ionstream.actors.jobs.run;

import io.ionstream.engine.md.MdRunner;

/**
 * A quantity a job computes from its running state and streams to watchers: a name and a fixed
 * list of named values. Implementations are stateless between samples (per-atom memory, when an
 * observable needs it, lives in the job's snapshot so that it survives checkpoints).
 */
public interface LiveObservable {
    String name();

    /** Names (with units) of the values {@link #sample} writes, in order. */
    String[] valueNames();

    /** Writes the current values into {@code out} (length {@code valueNames().length}). */
    void sample(MdRunner runner, double[] out);
}
