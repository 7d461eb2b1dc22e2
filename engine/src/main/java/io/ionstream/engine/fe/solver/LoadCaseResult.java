package io.ionstream.engine.fe.solver;

/**
 * One solve under a unit macroscopic gradient along {@code axis}: the mean flux (a column of
 * the effective tensor), the CG iterations, the final relative residual and whether it met the
 * tolerance.
 */
public record LoadCaseResult(int axis, double[] meanFlux, int iterations, double relativeResidual, boolean converged,
                             double seconds) {}
