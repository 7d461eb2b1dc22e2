package io.ionstream.engine.fe.solver;

/**
 * Conjugate-gradient settings: relative tolerance on the preconditioned residual norm
 * √(r·K_ref⁺r) / √(r₀·K_ref⁺r₀), an iteration cap, and the number of threads.
 */
public record SolverSettings(double tolerance, int maxIterations, int threads) {
    public SolverSettings {
        if (!(tolerance > 0 && tolerance < 1)) throw new IllegalArgumentException("tolerance must be in (0, 1), got " + tolerance);
        if (maxIterations < 1) throw new IllegalArgumentException("maxIterations must be ≥ 1, got " + maxIterations);
        if (threads < 1) throw new IllegalArgumentException("threads must be ≥ 1, got " + threads);
    }

    public static SolverSettings defaults() {
        return new SolverSettings(1e-6, 5000, Runtime.getRuntime().availableProcessors());
    }

    public SolverSettings withThreads(int t) { return new SolverSettings(tolerance, maxIterations, t); }

    public SolverSettings withTolerance(double tol) { return new SolverSettings(tol, maxIterations, threads); }
}
