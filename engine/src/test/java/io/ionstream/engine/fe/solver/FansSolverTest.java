package io.ionstream.engine.fe.solver;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ionstream.engine.fe.material.DiffusionTensor;
import io.ionstream.engine.fe.material.MaterialField;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Homogenisation on analytic microstructures: homogeneous media and voxel laminates. */
class FansSolverTest {

    @Test
    void homogeneousAnisotropicMediumReturnsItsTensorExactly() {
        DiffusionTensor d = DiffusionTensor.transverse(2.0, 0.3, 1, 2, -0.5);
        MaterialField mf = MaterialField.uniform(8, 6, 10, d);
        try (FansSolver s = new FansSolver(mf, SolverSettings.defaults())) {
            EffectiveTensor e = s.homogenise(null);
            // exact up to the round-off of averaging 480 equal fluxes
            for (int i = 0; i < 3; i++) assertArrayEquals(d.toMatrix()[i], e.matrix()[i], 1e-14);
            assertEquals(0, e.totalIterations(), "iterations");
        }
    }

    /** Layers normal to z with per-layer tensors: exact arithmetic/harmonic means. */
    @Test
    void laminateGivesTheExactSeriesAndParallelValues() {
        int n = 12;
        double[] layerD = {1.0, 1.0, 1e3, 1e3, 1e3, 0.01, 1.0, 1.0, 5.0, 1.0, 1.0, 1.0};
        DiffusionTensor[] ds = new DiffusionTensor[n];
        for (int k = 0; k < n; k++) ds[k] = DiffusionTensor.isotropic(layerD[k]);
        int[] idx = new int[n * n * n];
        for (int v = 0; v < idx.length; v++) idx[v] = v / (n * n);
        MaterialField mf = new MaterialField(n, n, n, idx, MaterialField.pack(ds));
        double arith = 0, harm = 0;
        for (double d : layerD) {
            arith += d / n;
            harm += 1 / (d * n);
        }
        try (FansSolver s = new FansSolver(mf, SolverSettings.defaults().withTolerance(1e-10))) {
            EffectiveTensor e = s.homogenise(null);
            assertEquals(arith, e.matrix()[0][0], 1e-9 * arith);
            assertEquals(arith, e.matrix()[1][1], 1e-9 * arith);
            assertEquals(1 / harm, e.matrix()[2][2], 1e-8 / harm);
            assertEquals(0, e.matrix()[0][2], 1e-9 * arith);
            assertTrue(e.converged());
        }
    }

    /** An anisotropic (tilted) laminate: D_eff follows from continuity of the tangential gradient and normal flux. */
    @Test
    void tiltedTensorLaminateMatchesTheExactLaminateFormula() {
        int n = 8;
        DiffusionTensor a = DiffusionTensor.transverse(3.0, 0.2, 1, 1, 1);
        DiffusionTensor b = new DiffusionTensor(0.5, 1.5, 1.0, 0.2, 0, 0.1);
        int[] idx = new int[n * n * n];
        for (int v = 0; v < idx.length; v++) idx[v] = (v / (n * n)) < 3 ? 0 : 1;
        MaterialField mf = new MaterialField(n, n, n, idx, MaterialField.pack(a, b));
        double fa = 3.0 / n;
        double[][] exact = laminate(new DiffusionTensor[] {a, b}, new double[] {fa, 1 - fa});
        try (FansSolver s = new FansSolver(mf, SolverSettings.defaults().withTolerance(1e-11))) {
            EffectiveTensor e = s.homogenise(null);
            for (int i = 0; i < 3; i++) assertArrayEquals(exact[i], e.matrix()[i], 1e-9);
        }
    }

    /**
     * Exact laminate with normal z: per layer, the tangential gradient is the macroscopic one and
     * the normal flux is common, so the z-gradient in layer l is (J_z − D_zx g_x − D_zy g_y)/D_zz.
     */
    static double[][] laminate(DiffusionTensor[] d, double[] f) {
        double[][] out = new double[3][3];
        for (int axis = 0; axis < 3; axis++) {
            double[] g = new double[3];
            g[axis] = 1;
            // <g_z> = g[2]: Σ f_l (Jz − Dzx gx − Dzy gy)/Dzz = g_z → Jz
            double sInv = 0, sOff = 0;
            for (int l = 0; l < d.length; l++) {
                sInv += f[l] / d[l].zz();
                sOff += f[l] * (d[l].xz() * g[0] + d[l].yz() * g[1]) / d[l].zz();
            }
            double jz = (g[2] + sOff) / sInv;
            double jx = 0, jy = 0;
            for (int l = 0; l < d.length; l++) {
                double gz = (jz - d[l].xz() * g[0] - d[l].yz() * g[1]) / d[l].zz();
                jx += f[l] * (d[l].xx() * g[0] + d[l].xy() * g[1] + d[l].xz() * gz);
                jy += f[l] * (d[l].xy() * g[0] + d[l].yy() * g[1] + d[l].yz() * gz);
            }
            out[0][axis] = jx;
            out[1][axis] = jy;
            out[2][axis] = jz;
        }
        return out;
    }

    @Test
    void randomTwoPhaseSolveIsSymmetricBoundedAndThreadIndependent() {
        int n = 16;
        SplittableRandom rnd = new SplittableRandom(1);
        int[] idx = new int[n * n * n];
        for (int v = 0; v < idx.length; v++) idx[v] = rnd.nextDouble() < 0.3 ? 1 : 0;
        MaterialField mf = new MaterialField(n, n, n, idx, MaterialField.pack(DiffusionTensor.isotropic(1), DiffusionTensor.isotropic(100)));
        EffectiveTensor e1, e2;
        try (FansSolver s = new FansSolver(mf, SolverSettings.defaults().withThreads(1).withTolerance(1e-9))) {
            e1 = s.homogenise(null);
        }
        try (FansSolver s = new FansSolver(mf, SolverSettings.defaults().withThreads(2).withTolerance(1e-9))) {
            e2 = s.homogenise(null);
        }
        for (int i = 0; i < 3; i++) assertArrayEquals(e1.matrix()[i], e2.matrix()[i], 0.0);
        assertEquals(e1.totalIterations(), e2.totalIterations());
        assertTrue(e1.asymmetry() < 1e-8, "asymmetry " + e1.asymmetry());
        double f1 = 0;
        for (int m : idx) f1 += m;
        f1 /= idx.length;
        double upper = (1 - f1) * 1 + f1 * 100, lower = 1 / ((1 - f1) / 1 + f1 / 100);
        for (double ev : e1.tensor().eigenvalues()) assertTrue(ev > lower && ev < upper, ev + " outside Wiener bounds");
    }
}
