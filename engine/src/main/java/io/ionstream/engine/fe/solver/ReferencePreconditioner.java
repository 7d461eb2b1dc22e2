package io.ionstream.engine.fe.solver;

import org.jtransforms.dht.DoubleDHT_3D;

/**
 * The inverse stiffness of a homogeneous isotropic reference medium on the same periodic grid
 * (the FANS preconditioner). With trilinear elements that stiffness is the Kronecker sum
 * K⊗M⊗M + M⊗K⊗M + M⊗M⊗K of the 1-D periodic stiffness K = [−1 2 −1] and mass M = [1 4 1]/6:
 * circulant, even in each wave number, and therefore diagonalised by the real separable Hartley
 * transform with eigenvalues
 * λ(θ) = Σ_axes k(θ_a) m(θ_b) m(θ_c), k = 2 − 2cos θ, m = (2 + cos θ)/3.
 * The constant mode (λ = 0) is projected out: fluctuations have zero mean.
 *
 * <p>The reference diffusivity is 1: preconditioned CG is invariant to scaling the
 * preconditioner, so the choice of an isotropic reference value does not change the iterates.
 */
public final class ReferencePreconditioner {
    private final int nx, ny, nz, plane;
    private final DoubleDHT_3D dht;
    private final double[] kx, mx, ky, my, kz, mz;
    private final double[] layerSums;
    private final SlabRunner runner;

    public ReferencePreconditioner(int nx, int ny, int nz, SlabRunner runner) {
        this.nx = nx;
        this.ny = ny;
        this.nz = nz;
        this.plane = nx * ny;
        this.runner = runner;
        this.dht = new DoubleDHT_3D(nz, ny, nx);
        kx = stiffness(nx); mx = mass(nx);
        ky = stiffness(ny); my = mass(ny);
        kz = stiffness(nz); mz = mass(nz);
        layerSums = new double[nz];
    }

    private static double[] stiffness(int n) {
        double[] k = new double[n];
        for (int m = 0; m < n; m++) k[m] = 2 - 2 * Math.cos(2 * Math.PI * m / n);
        return k;
    }

    private static double[] mass(int n) {
        double[] s = new double[n];
        for (int m = 0; m < n; m++) s[m] = (2 + Math.cos(2 * Math.PI * m / n)) / 3;
        return s;
    }

    /** Eigenvalue of the reference stiffness for wave indices (i, j, k). */
    public double eigenvalue(int i, int j, int k) {
        return kx[i] * my[j] * mz[k] + mx[i] * ky[j] * mz[k] + mx[i] * my[j] * kz[k];
    }

    /**
     * z = K_ref⁺ z in place (z holds the residual on entry) and returns r·z, computed in the
     * transformed domain as Σ r̂²/λ / N.
     */
    public double applyInPlace(double[] z) {
        dht.forward(z);
        runner.run(nz, (chunk, k0, k1) -> {
            for (int k = k0; k < k1; k++) {
                double s = 0;
                double mzk = mz[k], kzk = kz[k];
                for (int j = 0; j < ny; j++) {
                    double a = my[j] * mzk, b = ky[j] * mzk, c = my[j] * kzk;
                    int o = k * plane + j * nx;
                    for (int i = 0; i < nx; i++) {
                        double lambda = kx[i] * a + mx[i] * (b + c);
                        double v = z[o + i];
                        if (lambda > 0) {
                            double w = v / lambda;
                            s += v * w;
                            z[o + i] = w;
                        } else {
                            z[o + i] = 0;
                        }
                    }
                }
                layerSums[k] = s;
            }
        });
        dht.inverse(z, true);
        double s = 0;
        for (int k = 0; k < nz; k++) s += layerSums[k];
        return s / ((double) plane * nz);
    }
}
