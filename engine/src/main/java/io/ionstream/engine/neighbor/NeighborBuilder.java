package io.ionstream.engine.neighbor;

/**
 * Builds half and full Verlet lists from binned local-plus-ghost atoms. Bins are half the list
 * radius wide (LAMMPS's default) and padded, so stencils need no bounds tests.
 *
 * <p>Half lists (Newton's third law on) visit each local-local pair once: from the lower-indexed
 * atom within a bin, and from the lower bin of an upper-half stencil across bins (LAMMPS's
 * {@code half/bin/newton}). A local-ghost pair and its mirror image (the ghost's owner with the
 * opposite image of the local atom) are told apart by coordinates: the pair is kept by the local
 * atom when the ghost lies "above" it (z, then y, then x), so ghosts are searched over the full
 * stencil. Locals and ghosts sit in separate ranges of every bin, so interior atoms pay almost
 * nothing for the ghost search.
 */
public final class NeighborBuilder {
    private final BinGrid grid = new BinGrid();
    // bin offsets of the stencils (all bins within reach; the upper half of them), reused
    private int[] stencilAll = new int[0], stencilUp = new int[0];
    private int fullCount, upperCount;
    private int stencilNx = -1, stencilNy = -1;
    private double stencilBin = -1, stencilRadius = -1;

    /**
     * Fills {@code list} with the pairs closer than {@code radius} among the first {@code nall}
     * atoms of {@code x}, for the first {@code nlocal} as central atoms.
     */
    public void build(NeighborList list, double[] x, int nlocal, int nall, double radius) {
        grid.fill(x, nlocal, nall, radius);
        makeStencils(radius);
        list.reset(nlocal, radius);
        if (list.isHalf()) buildHalf(list, x, nlocal, radius * radius);
        else buildFull(list, x, nlocal, radius * radius);
    }

    private void buildHalf(NeighborList list, double[] x, int nlocal, double r2) {
        final int[] binStart = grid.binStart, ghostStart = grid.ghostStart, binAtoms = grid.binAtoms;
        final int[] binOf = grid.binOf, slot = grid.slot, upper = stencilUp, full = stencilAll;
        final int nUpper = upperCount, nFull = fullCount;
        final boolean[] ghostNear = grid.ghostNear;
        final int[] off = list.offsets;
        int[] nb = list.neighbors;
        int count = 0;
        for (int i = 0; i < nlocal; i++) {
            off[i] = count;
            final double xi = x[3 * i], yi = x[3 * i + 1], zi = x[3 * i + 2];
            final int bi = binOf[i];
            // locals later in my own bin
            if (count + ghostStart[bi] - slot[i] > nb.length) nb = grow(list, count + ghostStart[bi] - slot[i]);
            for (int p = slot[i] + 1, end = ghostStart[bi]; p < end; p++) {
                int j = binAtoms[p];
                double dx = x[3 * j] - xi, dy = x[3 * j + 1] - yi, dz = x[3 * j + 2] - zi;
                nb[count] = j;
                count += dx * dx + dy * dy + dz * dz < r2 ? 1 : 0;
            }
            // locals in the upper half of the stencil
            for (int s = 0; s < nUpper; s++) {
                int b = bi + upper[s];
                if (count + ghostStart[b] - binStart[b] > nb.length) nb = grow(list, count + ghostStart[b] - binStart[b]);
                for (int p = binStart[b], end = ghostStart[b]; p < end; p++) {
                    int j = binAtoms[p];
                    double dx = x[3 * j] - xi, dy = x[3 * j + 1] - yi, dz = x[3 * j + 2] - zi;
                    nb[count] = j;
                    count += dx * dx + dy * dy + dz * dz < r2 ? 1 : 0;
                }
            }
            // ghosts anywhere in the stencil that lie above me
            if (!ghostNear[bi]) continue;
            for (int s = 0; s < nFull; s++) {
                int b = bi + full[s];
                if (count + binStart[b + 1] - ghostStart[b] > nb.length) nb = grow(list, count + binStart[b + 1] - ghostStart[b]);
                for (int p = ghostStart[b], end = binStart[b + 1]; p < end; p++) {
                    int j = binAtoms[p];
                    double dx = x[3 * j] - xi, dy = x[3 * j + 1] - yi, dz = x[3 * j + 2] - zi;
                    nb[count] = j;
                    count += dx * dx + dy * dy + dz * dz < r2 && above(dx, dy, dz) ? 1 : 0;
                }
            }
        }
        off[nlocal] = count;
    }

    private void buildFull(NeighborList list, double[] x, int nlocal, double r2) {
        final int[] binStart = grid.binStart, binAtoms = grid.binAtoms, binOf = grid.binOf, full = stencilAll;
        final int nFull = fullCount;
        final int[] off = list.offsets;
        int[] nb = list.neighbors;
        int count = 0;
        for (int i = 0; i < nlocal; i++) {
            off[i] = count;
            final double xi = x[3 * i], yi = x[3 * i + 1], zi = x[3 * i + 2];
            final int bi = binOf[i];
            for (int s = 0; s < nFull; s++) {
                int b = bi + full[s];
                if (count + binStart[b + 1] - binStart[b] > nb.length) nb = grow(list, count + binStart[b + 1] - binStart[b]);
                for (int p = binStart[b], end = binStart[b + 1]; p < end; p++) {
                    int j = binAtoms[p];
                    double dx = x[3 * j] - xi, dy = x[3 * j + 1] - yi, dz = x[3 * j + 2] - zi;
                    nb[count] = j;
                    count += dx * dx + dy * dy + dz * dz < r2 && j != i ? 1 : 0;
                }
            }
        }
        off[nlocal] = count;
    }

    /** Grows the list's neighbour array to hold at least {@code needed} entries (by half again at least). */
    private static int[] grow(NeighborList list, int needed) {
        list.ensureNeighborCapacity(needed + (needed >> 1));
        return list.neighbors;
    }

    /**
     * Newton's-third-law rule for a local-ghost pair, from the displacement ghost − local: keep
     * it only if the ghost lies "above" the local atom (z, then y, then x), so that of the two
     * mirror-image pairs exactly one is kept.
     */
    private static boolean above(double dx, double dy, double dz) {
        if (dz != 0) return dz > 0;
        if (dy != 0) return dy > 0;
        return dx > 0;
    }

    private void makeStencils(double radius) {
        if (stencilNx == grid.nx && stencilNy == grid.ny && stencilBin == grid.binSize && stencilRadius == radius) {
            return;
        }
        int sx = grid.pad;
        int side = 2 * sx + 1;
        if (stencilAll.length < side * side * side) {
            stencilAll = new int[side * side * side];
            stencilUp = new int[side * side * side];
        }
        int[] all = stencilAll, up = stencilUp;
        int na = 0, nu = 0;
        double r2 = radius * radius;
        for (int dz = -sx; dz <= sx; dz++) {
            for (int dy = -sx; dy <= sx; dy++) {
                for (int dx = -sx; dx <= sx; dx++) {
                    if (minDist2(dx, dy, dz) >= r2) continue;
                    int offset = (dz * grid.ny + dy) * grid.nx + dx;
                    all[na++] = offset;
                    if (dz > 0 || (dz == 0 && (dy > 0 || (dy == 0 && dx > 0)))) up[nu++] = offset;
                }
            }
        }
        fullCount = na;
        upperCount = nu;
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
