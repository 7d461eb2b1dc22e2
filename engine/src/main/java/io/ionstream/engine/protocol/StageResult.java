package io.ionstream.engine.protocol;

import io.ionstream.engine.min.StopReason;

/**
 * How a stage ended: steps taken, wall-clock seconds, the final sample and, for a minimisation,
 * why it stopped (null for MD stages).
 */
public record StageResult(String stage, long steps, double seconds, ThermoSample last, StopReason stop) {}
