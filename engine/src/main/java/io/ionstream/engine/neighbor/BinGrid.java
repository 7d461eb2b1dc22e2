package io.ionstream.engine.neighbor;

/**
 * Cartesian bins over the bounding box of a set of atoms (local and ghost), filled by a counting
 * sort so that the atoms of one bin are contiguous, locals first (in ascending index order), then
 * ghosts: bin b holds locals {@code atoms[start[b] .. ghostStart[b])} and ghosts
 * {@code atoms[ghostStart[b] .. start[b+1])}. The grid carries {@link #pad} empty bins on every
 * side, so a stencil of that reach never leaves the grid and needs no bounds test. Reused between
 * builds; allocates only when the system grows.
 */
final class BinGrid {
    int nx, ny, nz;
    int pad;
    double x0, y0, z0, inv;
    double binSize;
    int[] binStart = new int[2];
    int[] ghostStart = new int[1];
    int[] binAtoms = new int[16];
    int[] binOf = new int[16];
    /** Position of local atom i in {@link #binAtoms}. */
    int[] slot = new int[16];
    /** Whether any ghost lies within {@link #pad} bins (in every direction) of bin b. */
    boolean[] ghostNear = new boolean[1];
    private int[] fillPos = new int[2];
    private boolean[] dilate = new boolean[1];

    /**
     * Bins the first {@code nall} atoms of the interleaved array, of which the first
     * {@code nlocal} are local, for a pair search of the given radius: bins are half the radius
     * wide (coarser when the atoms are so spread out that the grid would be huge), padded by
     * ⌈radius / bin⌉ empty bins.
     */
    void fill(double[] x, int nlocal, int nall, double radius) {
        double minx = Double.POSITIVE_INFINITY, miny = minx, minz = minx;
        double maxx = Double.NEGATIVE_INFINITY, maxy = maxx, maxz = maxx;
        for (int i = 0; i < nall; i++) {
            double px = x[3 * i], py = x[3 * i + 1], pz = x[3 * i + 2];
            if (px < minx) minx = px;
            if (px > maxx) maxx = px;
            if (py < miny) miny = py;
            if (py > maxy) maxy = py;
            if (pz < minz) minz = pz;
            if (pz > maxz) maxz = pz;
        }
        if (nall == 0) minx = miny = minz = maxx = maxy = maxz = 0;
        double size = 0.5 * radius;
        long limit = 64L * Math.max(nall, 1024);
        while (true) {
            int p = (int) Math.ceil(radius / size);
            long cx = dim(maxx - minx, size) + 2L * p, cy = dim(maxy - miny, size) + 2L * p, cz = dim(maxz - minz, size) + 2L * p;
            if (cx * cy * cz <= limit) {
                nx = (int) cx;
                ny = (int) cy;
                nz = (int) cz;
                pad = p;
                break;
            }
            // a sparse, very extended set of atoms: coarsen rather than allocate a huge grid
            size *= Math.max(1.01, Math.cbrt((double) cx * cy * cz / limit));
        }
        binSize = size;
        inv = 1.0 / size;
        x0 = minx;
        y0 = miny;
        z0 = minz;
        int nbins = nx * ny * nz;
        if (binStart.length < nbins + 1) {
            binStart = new int[nbins + 1];
            ghostStart = new int[nbins];
            fillPos = new int[nbins + 1];
        } else {
            java.util.Arrays.fill(binStart, 0, nbins + 1, 0);
            java.util.Arrays.fill(ghostStart, 0, nbins, 0);
        }
        if (binOf.length < nall) {
            binOf = new int[nall + (nall >> 3)];
            binAtoms = new int[binOf.length];
        }
        if (slot.length < nlocal) slot = new int[nlocal + (nlocal >> 3)];
        // count locals (into ghostStart, temporarily) and all atoms per bin
        for (int i = 0; i < nall; i++) {
            int b = binIndex(x[3 * i], x[3 * i + 1], x[3 * i + 2]);
            binOf[i] = b;
            binStart[b + 1]++;
            if (i < nlocal) ghostStart[b]++;
        }
        for (int b = 0; b < nbins; b++) binStart[b + 1] += binStart[b];
        for (int b = 0; b < nbins; b++) {
            int locals = ghostStart[b];
            ghostStart[b] = binStart[b] + locals;
            fillPos[b] = binStart[b];
        }
        for (int i = 0; i < nlocal; i++) {
            int s = fillPos[binOf[i]]++;
            binAtoms[s] = i;
            slot[i] = s;
        }
        for (int b = 0; b < nbins; b++) fillPos[b] = ghostStart[b];
        for (int i = nlocal; i < nall; i++) binAtoms[fillPos[binOf[i]]++] = i;
        markGhostNeighbourhoods(nbins);
    }

    /** {@link #ghostNear}: the bins holding ghosts, dilated by {@link #pad} along x, then y, then z. */
    private void markGhostNeighbourhoods(int nbins) {
        if (ghostNear.length < nbins) {
            ghostNear = new boolean[nbins];
            dilate = new boolean[nbins];
        }
        boolean[] a = ghostNear, t = dilate;
        for (int b = 0; b < nbins; b++) a[b] = binStart[b + 1] > ghostStart[b];
        for (int d = 0; d < 3; d++) {
            int st = d == 0 ? 1 : d == 1 ? nx : nx * ny, n = d == 0 ? nx : d == 1 ? ny : nz;
            for (int b = 0; b < nbins; b++) {
                int c = (b / st) % n;
                boolean any = false;
                for (int o = Math.max(-pad, -c); o <= Math.min(pad, n - 1 - c) && !any; o++) any = a[b + o * st];
                t[b] = any;
            }
            boolean[] swap = a;
            a = t;
            t = swap;
        }
        if (a != ghostNear) System.arraycopy(a, 0, ghostNear, 0, nbins);
    }

    private static long dim(double extent, double size) {
        return Math.max(1, (long) (extent / size) + 1);
    }

    int binIndex(double px, double py, double pz) {
        int ix = pad + Math.min(nx - 2 * pad - 1, Math.max(0, (int) ((px - x0) * inv)));
        int iy = pad + Math.min(ny - 2 * pad - 1, Math.max(0, (int) ((py - y0) * inv)));
        int iz = pad + Math.min(nz - 2 * pad - 1, Math.max(0, (int) ((pz - z0) * inv)));
        return (iz * ny + iy) * nx + ix;
    }

    int nbins() { return nx * ny * nz; }
}
