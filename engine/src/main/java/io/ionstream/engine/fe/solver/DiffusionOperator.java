package io.ionstream.engine.fe.solver;

import io.ionstream.engine.fe.material.MaterialField;

/**
 * The matrix-free stiffness K of steady diffusion −∇·(D∇c) on a periodic voxel grid with
 * trilinear hexahedral elements (one element per voxel, nodes at voxel corners, nodal field of
 * nx·ny·nz values, x fastest), exactly integrated. Unit voxels: the effective diffusivity of the
 * periodic problem does not depend on the voxel size.
 *
 * <p>Per element the bilinear form is evaluated from the twelve edge differences (4 per axis):
 * the x-gradient is the bilinear interpolation of the x-edge differences over (y, z), so
 * ∫ g_a D_ab g_b reduces to 2×2 one-dimensional mass matrices M = [[1/3, 1/6], [1/6, 1/3]] and
 * ∫φ = ½ — about a hundred flops per voxel, with the off-diagonal part skipped for voxels whose
 * tensor is diagonal.
 *
 * <p>Assembly is deterministic and independent of the thread count: node layer k receives the
 * "top" contributions of element layer k−1 (summed first, in row order) and then the "bottom"
 * contributions of element layer k; each chunk of layers recomputes the top half of the layer
 * just below it instead of sharing it.
 */
public final class DiffusionOperator {
    private static final double SIXTH = 1.0 / 6.0, INV36 = 1.0 / 36.0;

    private final int nx, ny, nz, plane;
    private final int[] mat;
    private final double[] table;
    private final boolean[] offDiag;
    private final SlabRunner runner;
    private final double[][] top, scratch;
    private final double[] layerSums;

    public DiffusionOperator(MaterialField material, SlabRunner runner) {
        this.nx = material.nx();
        this.ny = material.ny();
        this.nz = material.nz();
        this.plane = nx * ny;
        this.mat = material.indexArray();
        this.table = material.tableArray();
        this.offDiag = material.offDiagonalArray();
        this.runner = runner;
        int chunks = runner.chunks(nz);
        this.top = new double[chunks][plane];
        this.scratch = new double[chunks][plane];
        this.layerSums = new double[3 * nz];
    }

    public int nodes() { return plane * nz; }

    /** Contributions of element layer k: bottom nodes into bottom[off..], top nodes into top[]. */
    private interface LayerKernel {
        void layer(int k, double[] bottom, int off, double[] top);
    }

    /** out = Σ over element layers, assembled in the deterministic top-then-bottom order. */
    private void assemble(LayerKernel kernel, double[] out) {
        runner.run(nz, (chunk, k0, k1) -> {
            double[] t = top[chunk], s = scratch[chunk];
            java.util.Arrays.fill(t, 0);
            java.util.Arrays.fill(s, 0);
            kernel.layer(k0 == 0 ? nz - 1 : k0 - 1, s, 0, t);
            for (int k = k0; k < k1; k++) {
                int off = k * plane;
                System.arraycopy(t, 0, out, off, plane);
                java.util.Arrays.fill(t, 0);
                kernel.layer(k, out, off, t);
            }
        });
    }

    /** q = K p; returns p·q (summed per layer, then over layers in order). */
    public double apply(double[] p, double[] q) {
        assemble((k, bottom, off, t) -> stiffnessLayer(p, k, bottom, off, t), q);
        runner.run(nz, (chunk, k0, k1) -> {
            for (int k = k0; k < k1; k++) {
                int o = k * plane;
                double s = 0;
                for (int v = o; v < o + plane; v++) s += p[v] * q[v];
                layerSums[k] = s;
            }
        });
        double s = 0;
        for (int k = 0; k < nz; k++) s += layerSums[k];
        return s;
    }

    /**
     * The load of a macroscopic gradient g: f_I = Σ_e ∫ ∇N_I · D_e g, so that the periodic
     * fluctuation u solves K u = −f.
     */
    public void affineLoad(double gx, double gy, double gz, double[] f) {
        assemble((k, bottom, off, t) -> loadLayer(gx, gy, gz, k, bottom, off, t), f);
    }

    /** Volume average of the flux D(g + ∇u). */
    public double[] meanFlux(double[] u, double gx, double gy, double gz) {
        runner.run(nz, (chunk, k0, k1) -> {
            for (int k = k0; k < k1; k++) fluxLayer(u, gx, gy, gz, k);
        });
        double jx = 0, jy = 0, jz = 0;
        for (int k = 0; k < nz; k++) {
            jx += layerSums[3 * k];
            jy += layerSums[3 * k + 1];
            jz += layerSums[3 * k + 2];
        }
        double inv = 1.0 / ((double) plane * nz);
        return new double[] {jx * inv, jy * inv, jz * inv};
    }

    private void stiffnessLayer(double[] p, int k, double[] bot, int off, double[] top) {
        int k1 = k + 1 == nz ? 0 : k + 1;
        for (int j = 0; j < ny; j++) {
            int j1 = j + 1 == ny ? 0 : j + 1;
            int r00 = (k * ny + j) * nx, r10 = (k * ny + j1) * nx, r01 = (k1 * ny + j) * nx, r11 = (k1 * ny + j1) * nx;
            int b0 = off + j * nx, b1 = off + j1 * nx, t0 = j * nx, t1 = j1 * nx;
            int e = (k * ny + j) * nx;
            for (int i = 0; i < nx; i++) {
                int i1 = i + 1 == nx ? 0 : i + 1;
                double u000 = p[r00 + i], u100 = p[r00 + i1], u010 = p[r10 + i], u110 = p[r10 + i1];
                double u001 = p[r01 + i], u101 = p[r01 + i1], u011 = p[r11 + i], u111 = p[r11 + i1];
                // edge differences: ex[b][c] along x at (y=b, z=c), ey[a][c], ez[a][b]
                double ex00 = u100 - u000, ex10 = u110 - u010, ex01 = u101 - u001, ex11 = u111 - u011;
                double ey00 = u010 - u000, ey10 = u110 - u100, ey01 = u011 - u001, ey11 = u111 - u101;
                double ez00 = u001 - u000, ez10 = u101 - u100, ez01 = u011 - u010, ez11 = u111 - u110;
                int m = mat[e + i], o = 6 * m;
                double dxx = table[o] * INV36, dyy = table[o + 1] * INV36, dzz = table[o + 2] * INV36;
                // (M⊗M)X = (X + row sums + column sums + total)/36 for a 2×2 X
                double sx = ex00 + ex10 + ex01 + ex11, xb0 = ex00 + ex01, xb1 = ex10 + ex11, xc0 = ex00 + ex10, xc1 = ex01 + ex11;
                double sy = ey00 + ey10 + ey01 + ey11, ya0 = ey00 + ey01, ya1 = ey10 + ey11, yc0 = ey00 + ey10, yc1 = ey01 + ey11;
                double sz = ez00 + ez10 + ez01 + ez11, za0 = ez00 + ez01, za1 = ez10 + ez11, zb0 = ez00 + ez10, zb1 = ez01 + ez11;
                double rx00 = dxx * (ex00 + xb0 + xc0 + sx), rx10 = dxx * (ex10 + xb1 + xc0 + sx);
                double rx01 = dxx * (ex01 + xb0 + xc1 + sx), rx11 = dxx * (ex11 + xb1 + xc1 + sx);
                double ry00 = dyy * (ey00 + ya0 + yc0 + sy), ry10 = dyy * (ey10 + ya1 + yc0 + sy);
                double ry01 = dyy * (ey01 + ya0 + yc1 + sy), ry11 = dyy * (ey11 + ya1 + yc1 + sy);
                double rz00 = dzz * (ez00 + za0 + zb0 + sz), rz10 = dzz * (ez10 + za1 + zb0 + sz);
                double rz01 = dzz * (ez01 + za0 + zb1 + sz), rz11 = dzz * (ez11 + za1 + zb1 + sz);
                if (offDiag[m]) {
                    // cross terms: ∫g_x g_y = ¼ Xc·M·Yc etc.; M v = ((2v0+v1)/6, (v0+2v1)/6)
                    double qxy = 0.25 * SIXTH * table[o + 3], qxz = 0.25 * SIXTH * table[o + 4], qyz = 0.25 * SIXTH * table[o + 5];
                    double mYc0 = 2 * yc0 + yc1, mYc1 = yc0 + 2 * yc1, mZb0 = 2 * zb0 + zb1, mZb1 = zb0 + 2 * zb1;
                    double mXc0 = 2 * xc0 + xc1, mXc1 = xc0 + 2 * xc1, mZa0 = 2 * za0 + za1, mZa1 = za0 + 2 * za1;
                    double mXb0 = 2 * xb0 + xb1, mXb1 = xb0 + 2 * xb1, mYa0 = 2 * ya0 + ya1, mYa1 = ya0 + 2 * ya1;
                    // rx[b][c] += qxy (M Yc)[c] + qxz (M Zb)[b]
                    rx00 += qxy * mYc0 + qxz * mZb0; rx10 += qxy * mYc0 + qxz * mZb1;
                    rx01 += qxy * mYc1 + qxz * mZb0; rx11 += qxy * mYc1 + qxz * mZb1;
                    // ry[a][c] += qxy (M Xc)[c] + qyz (M Za)[a]
                    ry00 += qxy * mXc0 + qyz * mZa0; ry10 += qxy * mXc0 + qyz * mZa1;
                    ry01 += qxy * mXc1 + qyz * mZa0; ry11 += qxy * mXc1 + qyz * mZa1;
                    // rz[a][b] += qxz (M Xb)[b] + qyz (M Ya)[a]
                    rz00 += qxz * mXb0 + qyz * mYa0; rz10 += qxz * mXb0 + qyz * mYa1;
                    rz01 += qxz * mXb1 + qyz * mYa0; rz11 += qxz * mXb1 + qyz * mYa1;
                }
                bot[b0 + i] += -rx00 - ry00 - rz00;
                bot[b0 + i1] += rx00 - ry10 - rz10;
                bot[b1 + i] += -rx10 + ry00 - rz01;
                bot[b1 + i1] += rx10 + ry10 - rz11;
                top[t0 + i] += -rx01 - ry01 + rz00;
                top[t0 + i1] += rx01 - ry11 + rz10;
                top[t1 + i] += -rx11 + ry01 + rz01;
                top[t1 + i1] += rx11 + ry11 + rz11;
            }
        }
    }

    private void loadLayer(double gx, double gy, double gz, int k, double[] bot, int off, double[] top) {
        for (int j = 0; j < ny; j++) {
            int j1 = j + 1 == ny ? 0 : j + 1;
            int b0 = off + j * nx, b1 = off + j1 * nx, t0 = j * nx, t1 = j1 * nx;
            int e = (k * ny + j) * nx;
            for (int i = 0; i < nx; i++) {
                int i1 = i + 1 == nx ? 0 : i + 1;
                int o = 6 * mat[e + i];
                // a constant gradient makes every edge term of the element the flux component / 4
                double jx = 0.25 * (table[o] * gx + table[o + 3] * gy + table[o + 4] * gz);
                double jy = 0.25 * (table[o + 3] * gx + table[o + 1] * gy + table[o + 5] * gz);
                double jz = 0.25 * (table[o + 4] * gx + table[o + 5] * gy + table[o + 2] * gz);
                bot[b0 + i] += -jx - jy - jz;
                bot[b0 + i1] += jx - jy - jz;
                bot[b1 + i] += -jx + jy - jz;
                bot[b1 + i1] += jx + jy - jz;
                top[t0 + i] += -jx - jy + jz;
                top[t0 + i1] += jx - jy + jz;
                top[t1 + i] += -jx + jy + jz;
                top[t1 + i1] += jx + jy + jz;
            }
        }
    }

    private void fluxLayer(double[] u, double gx, double gy, double gz, int k) {
        int k1 = k + 1 == nz ? 0 : k + 1;
        double sx = 0, sy = 0, sz = 0;
        for (int j = 0; j < ny; j++) {
            int j1 = j + 1 == ny ? 0 : j + 1;
            int r00 = (k * ny + j) * nx, r10 = (k * ny + j1) * nx, r01 = (k1 * ny + j) * nx, r11 = (k1 * ny + j1) * nx;
            int e = (k * ny + j) * nx;
            for (int i = 0; i < nx; i++) {
                int i1 = i + 1 == nx ? 0 : i + 1;
                double u000 = u[r00 + i], u100 = u[r00 + i1], u010 = u[r10 + i], u110 = u[r10 + i1];
                double u001 = u[r01 + i], u101 = u[r01 + i1], u011 = u[r11 + i], u111 = u[r11 + i1];
                // element mean gradient = mean of the four edge differences per axis
                double ax = gx + 0.25 * ((u100 - u000) + (u110 - u010) + (u101 - u001) + (u111 - u011));
                double ay = gy + 0.25 * ((u010 - u000) + (u110 - u100) + (u011 - u001) + (u111 - u101));
                double az = gz + 0.25 * ((u001 - u000) + (u101 - u100) + (u011 - u010) + (u111 - u110));
                int o = 6 * mat[e + i];
                sx += table[o] * ax + table[o + 3] * ay + table[o + 4] * az;
                sy += table[o + 3] * ax + table[o + 1] * ay + table[o + 5] * az;
                sz += table[o + 4] * ax + table[o + 5] * ay + table[o + 2] * az;
            }
        }
        layerSums[3 * k] = sx;
        layerSums[3 * k + 1] = sy;
        layerSums[3 * k + 2] = sz;
    }
}
