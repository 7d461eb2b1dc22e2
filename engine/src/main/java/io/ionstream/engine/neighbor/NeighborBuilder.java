package io.ionstream.engine.neighbor;

/**
 * Builds half and full Verlet lists from binned local-plus-ghost atoms. Bins are half the list
 * radius wide (LAMMPS's default), so the stencil is the 5×5×5 block of bins minus the corners
 * that cannot hold a neighbour.
 */
public final class NeighborBuilder {
    private final BinGrid grid = new BinGrid();
    private int[] stencil = new int[0];
    private int stencilNx = -1, stencilNy = -1;
    private double stencilBin = -1, stencilRadius = -1;

    /**
     * Fills {@code list} with the pairs closer than {@code radius} among the first {@code nall}
     * atoms of {@code x}, for the first {@code nlocal} as central atoms.
     */
    public void build(NeighborList list, double[] x, int nlocal, int nall, double radius) {
        grid.fill(x, nall, 0.5 * radius);
        makeStencil(radius);
        list.reset(nlocal, radius);
        double r2 = radius * radius;
        int[] binStart = grid.binStart, binAtoms = grid.binAtoms, binOf = grid.binOf;
        int nx = grid.nx, ny = grid.ny, nz = grid.nz;
        boolean half = list.isHalf();
        int[] off = list.offsets;
        int[] nb = list.neighbors;
        int count = 0;
        for (int i = 0; i < nlocal; i++) {
            off[i] = count;
            double xi = x[3 * i], yi = x[3 * i + 1], zi = x[3 * i + 2];
            int bi = binOf[i];
            int bx = bi % nx, by = (bi / nx) % ny, bz = bi / (nx * ny);
            for (int s = 0; s < stencil.length; s += 4) {
                int cx = bx + stencil[s], cy = by + stencil[s + 1], cz = bz + stencil[s + 2];
                if (cx < 0 || cy < 0 || cz < 0 || cx >= nx || cy >= ny || cz >= nz) continue;
                int b = bi + stencil[s + 3];
                for (int p = binStart[b], end = binStart[b + 1]; p < end; p++) {
                    int j = binAtoms[p];
                    if (j == i) continue;
                    if (half) {
                        if (j < nlocal) {
                            if (j < i) continue;
                        } else if (!above(x, j, zi, yi, xi)) {
                            continue;
                        }
                    }
                    double dx = x[3 * j] - xi, dy = x[3 * j + 1] - yi, dz = x[3 * j + 2] - zi;
                    if (dx * dx + dy * dy + dz * dz < r2) {
                        if (count >= nb.length) {
                            list.ensureNeighborCapacity(count + 1 + (count >> 1));
                            nb = list.neighbors;
                        }
                        nb[count++] = j;
                    }
                }
            }
        }
        off[nlocal] = count;
    }

    /**
     * Newton's-third-law rule for a local-ghost pair: keep it only if the ghost lies "above" the
     * local atom (z, then y, then x), so that of the two mirror-image pairs exactly one is kept.
     */
    private static boolean above(double[] x, int j, double zi, double yi, double xi) {
        double zj = x[3 * j + 2];
        if (zj != zi) return zj > zi;
        double yj = x[3 * j + 1];
        if (yj != yi) return yj > yi;
        return x[3 * j] > xi;
    }

    private void makeStencil(double radius) {
        if (stencilNx == grid.nx && stencilNy == grid.ny && stencilBin == grid.binSize
            && stencilRadius == radius) {
            return;
        }
        int sx = (int) Math.ceil(radius / grid.binSize);
        int[] tmp = new int[4 * (2 * sx + 1) * (2 * sx + 1) * (2 * sx + 1)];
        int k = 0;
        double r2 = radius * radius;
        for (int dz = -sx; dz <= sx; dz++) {
            for (int dy = -sx; dy <= sx; dy++) {
                for (int dx = -sx; dx <= sx; dx++) {
                    if (minDist2(dx, dy, dz) >= r2) continue;
                    tmp[k++] = dx; tmp[k++] = dy; tmp[k++] = dz;
                    tmp[k++] = (dz * grid.ny + dy) * grid.nx + dx;
                }
            }
        }
        stencil = java.util.Arrays.copyOf(tmp, k);
        stencilNx = grid.nx;
        stencilNy = grid.ny;
        stencilBin = grid.binSize;
        stencilRadius = radius;
    }

    private double minDist2(int dx, int dy, int dz) {
        double bs = grid.binSize;
        double ex = Math.max(0, Math.abs(dx) - 1) * bs;
        double ey = Math.max(0, Math.abs(dy) - 1) * bs;
        double ez = Math.max(0, Math.abs(dz) - 1) * bs;
        return ex * ex + ey * ey + ez * ez;
    }
}
