package io.ionstream.engine.min;

/**
 * Stopping rules and step limit of a minimisation, as LAMMPS {@code minimize etol ftol maxiter
 * maxeval} with {@code min_modify dmax}: stop when the relative energy change of an iteration
 * falls below {@code etol} (|ΔE| &lt; etol·(|E| + |E_prev| + 1e-8)/2; 0 disables it), when the
 * 2-norm of the global force vector (including the cell force when the cell relaxes) falls
 * below {@code ftol} (eV/Å; 0 disables it), or after {@code maxIterations} iterations or
 * {@code maxEvaluations} force evaluations. No atom moves more than {@code dmax} (Å) in one
 * step.
 */
public record MinimizeSettings(double etol, double ftol, long maxIterations, long maxEvaluations, double dmax) {
    public MinimizeSettings {
        if (!(etol >= 0) || !Double.isFinite(etol)) throw new IllegalArgumentException("etol must be >= 0, got " + etol);
        if (!(ftol >= 0) || !Double.isFinite(ftol)) throw new IllegalArgumentException("ftol must be >= 0 eV/Å, got " + ftol);
        if (maxIterations < 1) throw new IllegalArgumentException("maxiter must be >= 1, got " + maxIterations);
        if (maxEvaluations < 1) throw new IllegalArgumentException("maxeval must be >= 1, got " + maxEvaluations);
        if (!(dmax > 0) || !Double.isFinite(dmax)) throw new IllegalArgumentException("dmax must be positive, got " + dmax + " Å");
    }

    /** LAMMPS-like: {@code minimize etol ftol maxiter maxeval} with dmax 0.1 Å. */
    public static MinimizeSettings of(double etol, double ftol, long maxIterations, long maxEvaluations) {
        return new MinimizeSettings(etol, ftol, maxIterations, maxEvaluations, 0.1);
    }

    public MinimizeSettings withDmax(double d) {
        return new MinimizeSettings(etol, ftol, maxIterations, maxEvaluations, d);
    }
}
