package io.ionstream.engine.fe.solver;

import io.ionstream.engine.fe.material.MaterialField;

/**
 * Preconditioned conjugate gradients for the periodic fluctuation u of one macroscopic
 * gradient: K u = −f, preconditioned with {@link ReferencePreconditioner} (Fourier-accelerated
 * nodal solver, "FANS"). Five double fields of the grid size are allocated once (u, r, z, p, q)
 * and reused by every solve — also across materials on the same grid ({@link #setMaterial});
 * an iteration allocates no arrays (only the few small task objects of the parallel loops).
 *
 * <p>Close it to release the worker threads.
 */
public final class FansSolver implements AutoCloseable {
    /** Receives (iteration, relative residual) after each CG iteration. */
    @FunctionalInterface
    public interface Progress {
        void iteration(int iteration, double relativeResidual);
    }

    private final SolverSettings settings;
    private final SlabRunner runner;
    private final ReferencePreconditioner preconditioner;
    private final double[] u, r, z, p, q;
    private final int nx, ny, nz, plane;
    private MaterialField material;
    private DiffusionOperator operator;
    private double roundOffFloor;

    public FansSolver(MaterialField material, SolverSettings settings) {
        this(material.nx(), material.ny(), material.nz(), settings);
        setMaterial(material);
    }

    /** A solver for an nx×ny×nz grid; give it a material before solving. */
    public FansSolver(int nx, int ny, int nz, SolverSettings settings) {
        this.settings = settings;
        this.runner = new SlabRunner(settings.threads());
        this.nx = nx;
        this.ny = ny;
        this.nz = nz;
        this.plane = nx * ny;
        this.preconditioner = new ReferencePreconditioner(nx, ny, nz, runner);
        int n = plane * nz;
        this.u = new double[n];
        this.r = new double[n];
        this.z = new double[n];
        this.p = new double[n];
        this.q = new double[n];
    }

    /** Switches to another material on the same grid, keeping the fields. */
    public void setMaterial(MaterialField m) {
        if (m.nx() != nx || m.ny() != ny || m.nz() != nz)
            throw new IllegalArgumentException("material grid " + m.nx() + "×" + m.ny() + "×" + m.nz() + " differs from the solver's " + nx + "×" + ny + "×" + nz);
        this.material = m;
        this.operator = new DiffusionOperator(m, runner);
        double dmax = 0;
        for (double t : m.tableArray()) dmax = Math.max(dmax, Math.abs(t));
        double noise = 1e3 * Math.ulp(1.0) * dmax;
        this.roundOffFloor = (double) m.voxels() * noise * noise;
    }

    /** Bytes of the five CG fields. */
    public static long fieldBytes(int nx, int ny, int nz) { return 5L * 8 * nx * ny * nz; }

    public SolverSettings settings() { return settings; }

    public MaterialField material() { return material; }

    /** The fluctuation field of the last solve (shared). */
    public double[] fluctuation() { return u; }

    /** Solves for the unit gradient along axis (0, 1, 2). */
    public LoadCaseResult solveAxis(int axis, Progress progress) {
        double[] g = new double[3];
        g[axis] = 1;
        return solve(axis, g[0], g[1], g[2], progress);
    }

    /** Solves for the macroscopic gradient (gx, gy, gz); {@code axis} only labels the result. */
    public LoadCaseResult solve(int axis, double gx, double gy, double gz, Progress progress) {
        if (material == null) throw new IllegalStateException("no material set");
        long t0 = System.nanoTime();
        java.util.Arrays.fill(u, 0);
        operator.affineLoad(gx, gy, gz, r);
        runner.run(nz, (c, k0, k1) -> {
            for (int v = k0 * plane; v < k1 * plane; v++) {
                r[v] = -r[v];
                z[v] = r[v];
            }
        });
        double rz = preconditioner.applyInPlace(z);
        double rz0 = rz;
        int it = 0;
        double rel = 0;
        // a load that is round-off of cancelling element fluxes (homogeneous medium) is zero
        boolean converged = !(rz0 > roundOffFloor * (gx * gx + gy * gy + gz * gz));
        if (!converged) {
            System.arraycopy(z, 0, p, 0, z.length);
            while (it < settings.maxIterations()) {
                double pq = operator.apply(p, q);
                if (!(pq > 0)) throw new IllegalStateException("CG breakdown: p·Kp = " + pq + " (material not positive definite?)");
                double alpha = rz / pq;
                runner.run(nz, (c, k0, k1) -> {
                    for (int v = k0 * plane; v < k1 * plane; v++) {
                        u[v] += alpha * p[v];
                        double rv = r[v] - alpha * q[v];
                        r[v] = rv;
                        z[v] = rv;
                    }
                });
                double rzNew = preconditioner.applyInPlace(z);
                it++;
                rel = Math.sqrt(Math.max(rzNew, 0) / rz0);
                if (progress != null) progress.iteration(it, rel);
                if (rel < settings.tolerance()) {
                    converged = true;
                    break;
                }
                double beta = rzNew / rz;
                rz = rzNew;
                runner.run(nz, (c, k0, k1) -> {
                    for (int v = k0 * plane; v < k1 * plane; v++) p[v] = z[v] + beta * p[v];
                });
            }
        }
        double[] flux = operator.meanFlux(u, gx, gy, gz);
        return new LoadCaseResult(axis, flux, it, rel, converged, (System.nanoTime() - t0) * 1e-9);
    }

    /** The effective tensor from three unit-gradient solves (columns = mean fluxes). */
    public EffectiveTensor homogenise(Progress progress) {
        LoadCaseResult[] cases = new LoadCaseResult[3];
        double[][] d = new double[3][3];
        for (int a = 0; a < 3; a++) {
            cases[a] = solveAxis(a, progress);
            for (int i = 0; i < 3; i++) d[i][a] = cases[a].meanFlux()[i];
        }
        return new EffectiveTensor(d, cases);
    }

    @Override
    public void close() {
        runner.close();
    }
}
