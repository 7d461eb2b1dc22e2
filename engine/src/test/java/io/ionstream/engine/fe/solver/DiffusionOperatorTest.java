package io.ionstream.engine.fe.solver;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ionstream.engine.fe.material.DiffusionTensor;
import io.ionstream.engine.fe.material.MaterialField;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The matrix-free operator against an independent assembly: element matrices integrated with
 * 2×2×2 Gauss quadrature of the trilinear shape-function gradients (exact for this integrand),
 * scattered node by node.
 */
class DiffusionOperatorTest {

    /** 8×8 element matrix ∫ ∇N_I · D ∇N_J over the unit cube, node I = a + 2b + 4c. */
    static double[][] gaussElementMatrix(DiffusionTensor d) {
        double[][] dm = d.toMatrix();
        double[][] k = new double[8][8];
        double g = 0.5 / Math.sqrt(3);
        double[] pts = {0.5 - g, 0.5 + g};
        for (double xi : pts) for (double eta : pts) for (double zeta : pts) {
            double[][] grad = new double[8][3];
            for (int n = 0; n < 8; n++) {
                int a = n & 1, b = (n >> 1) & 1, c = (n >> 2) & 1;
                double fx = a == 1 ? xi : 1 - xi, fy = b == 1 ? eta : 1 - eta, fz = c == 1 ? zeta : 1 - zeta;
                double dx = a == 1 ? 1 : -1, dy = b == 1 ? 1 : -1, dz = c == 1 ? 1 : -1;
                grad[n][0] = dx * fy * fz;
                grad[n][1] = fx * dy * fz;
                grad[n][2] = fx * fy * dz;
            }
            for (int i = 0; i < 8; i++)
                for (int j = 0; j < 8; j++) {
                    double s = 0;
                    for (int p = 0; p < 3; p++) for (int q = 0; q < 3; q++) s += grad[i][p] * dm[p][q] * grad[j][q];
                    k[i][j] += s / 8.0;
                }
        }
        return k;
    }

    static DiffusionTensor randomSpd(SplittableRandom rnd) {
        double nx = rnd.nextGaussian(), ny = rnd.nextGaussian(), nz = rnd.nextGaussian();
        return DiffusionTensor.transverse(0.1 + rnd.nextDouble() * 5, 0.1 + rnd.nextDouble() * 5, nx, ny, nz)
            .plus(DiffusionTensor.isotropic(0.05));
    }

    @Test
    void matchesGaussQuadratureAssemblyOnARandomAnisotropicGrid() {
        int nx = 4, ny = 3, nz = 5;
        SplittableRandom rnd = new SplittableRandom(7);
        int entries = 6;
        DiffusionTensor[] ds = new DiffusionTensor[entries];
        for (int m = 0; m < entries; m++) ds[m] = m == 0 ? new DiffusionTensor(1.5, 0.7, 2.2, 0, 0, 0) : randomSpd(rnd);
        int n = nx * ny * nz;
        int[] idx = new int[n];
        for (int v = 0; v < n; v++) idx[v] = rnd.nextInt(entries);
        MaterialField mf = new MaterialField(nx, ny, nz, idx, MaterialField.pack(ds));
        double[] p = new double[n];
        for (int v = 0; v < n; v++) p[v] = rnd.nextDouble() - 0.5;

        double[] expected = new double[n];
        for (int k = 0; k < nz; k++) for (int j = 0; j < ny; j++) for (int i = 0; i < nx; i++) {
            double[][] ke = gaussElementMatrix(ds[idx[(k * ny + j) * nx + i]]);
            int[] node = new int[8];
            for (int c = 0; c < 8; c++) {
                int a = c & 1, b = (c >> 1) & 1, cc = (c >> 2) & 1;
                node[c] = (((k + cc) % nz) * ny + (j + b) % ny) * nx + (i + a) % nx;
            }
            for (int a = 0; a < 8; a++) for (int b = 0; b < 8; b++) expected[node[a]] += ke[a][b] * p[node[b]];
        }
        try (SlabRunner runner = new SlabRunner(2)) {
            DiffusionOperator op = new DiffusionOperator(mf, runner);
            double[] q = new double[n];
            double pq = op.apply(p, q);
            assertArrayEquals(expected, q, 1e-12);
            double dot = 0;
            for (int v = 0; v < n; v++) dot += p[v] * expected[v];
            assertEquals(dot, pq, 1e-12);
        }
    }

    @Test
    void affineLoadIsTheStiffnessOfTheLinearField() {
        // f_I = Σ_e K_e x_e·g on element-local coordinates: compare with the Gauss element matrices
        int nx = 3, ny = 4, nz = 3;
        SplittableRandom rnd = new SplittableRandom(3);
        DiffusionTensor[] ds = {randomSpd(rnd), randomSpd(rnd), randomSpd(rnd)};
        int n = nx * ny * nz;
        int[] idx = new int[n];
        for (int v = 0; v < n; v++) idx[v] = rnd.nextInt(ds.length);
        MaterialField mf = new MaterialField(nx, ny, nz, idx, MaterialField.pack(ds));
        double gx = 0.3, gy = -1.1, gz = 0.7;
        double[] expected = new double[n];
        for (int k = 0; k < nz; k++) for (int j = 0; j < ny; j++) for (int i = 0; i < nx; i++) {
            double[][] ke = gaussElementMatrix(ds[idx[(k * ny + j) * nx + i]]);
            double[] local = new double[8];
            int[] node = new int[8];
            for (int c = 0; c < 8; c++) {
                int a = c & 1, b = (c >> 1) & 1, cc = (c >> 2) & 1;
                local[c] = gx * a + gy * b + gz * cc;
                node[c] = (((k + cc) % nz) * ny + (j + b) % ny) * nx + (i + a) % nx;
            }
            for (int a = 0; a < 8; a++) for (int b = 0; b < 8; b++) expected[node[a]] += ke[a][b] * local[b];
        }
        try (SlabRunner runner = new SlabRunner(1)) {
            double[] f = new double[n];
            new DiffusionOperator(mf, runner).affineLoad(gx, gy, gz, f);
            assertArrayEquals(expected, f, 1e-12);
        }
    }

    @Test
    void resultDoesNotDependOnTheThreadCount() {
        int nx = 6, ny = 5, nz = 7;
        SplittableRandom rnd = new SplittableRandom(11);
        DiffusionTensor[] ds = {randomSpd(rnd), randomSpd(rnd)};
        int n = nx * ny * nz;
        int[] idx = new int[n];
        for (int v = 0; v < n; v++) idx[v] = rnd.nextInt(2);
        MaterialField mf = new MaterialField(nx, ny, nz, idx, MaterialField.pack(ds));
        double[] p = new double[n];
        for (int v = 0; v < n; v++) p[v] = rnd.nextGaussian();
        double[] q1 = new double[n], q3 = new double[n];
        double s1, s3;
        try (SlabRunner r1 = new SlabRunner(1); SlabRunner r3 = new SlabRunner(3)) {
            s1 = new DiffusionOperator(mf, r1).apply(p, q1);
            s3 = new DiffusionOperator(mf, r3).apply(p, q3);
        }
        assertArrayEquals(q1, q3, 0.0);
        assertEquals(s1, s3, 0.0);
    }

    @Test
    void preconditionerInvertsTheHomogeneousStiffness() {
        int nx = 8, ny = 6, nz = 10;
        int n = nx * ny * nz;
        SplittableRandom rnd = new SplittableRandom(5);
        double[] x = new double[n];
        double mean = 0;
        for (int v = 0; v < n; v++) mean += (x[v] = rnd.nextGaussian());
        mean /= n;
        for (int v = 0; v < n; v++) x[v] -= mean;
        MaterialField mf = MaterialField.uniform(nx, ny, nz, DiffusionTensor.isotropic(1.0));
        try (SlabRunner runner = new SlabRunner(2)) {
            double[] kx = new double[n];
            new DiffusionOperator(mf, runner).apply(x, kx);
            double[] z = kx.clone();
            double rz = new ReferencePreconditioner(nx, ny, nz, runner).applyInPlace(z);
            assertArrayEquals(x, z, 1e-11);
            double dot = 0;
            for (int v = 0; v < n; v++) dot += kx[v] * x[v];
            assertEquals(dot, rz, 1e-10 * Math.abs(dot));
            assertTrue(rz > 0);
        }
    }
}
