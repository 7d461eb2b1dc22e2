package io.ionstream.engine.neighbor;

/**
 * Cartesian bins over the bounding box of a set of atoms (local and ghost), filled by a counting
 * sort so that the atoms of one bin are contiguous: {@code atoms()[start(b) .. start(b+1))}.
 * Reused between builds; allocates only when the system grows.
 */
final class BinGrid {
    int nx, ny, nz;
    double x0, y0, z0, inv;
    double binSize;
    int[] binStart = new int[2];
    int[] binAtoms = new int[16];
    int[] binOf = new int[16];

    /** Bins the first {@code nall} atoms of the interleaved array with the given bin edge. */
    void fill(double[] x, int nall, double binSize) {
        double minx = Double.POSITIVE_INFINITY, miny = minx, minz = minx;
        double maxx = Double.NEGATIVE_INFINITY, maxy = maxx, maxz = maxx;
        for (int i = 0; i < nall; i++) {
            double px = x[3 * i], py = x[3 * i + 1], pz = x[3 * i + 2];
            if (px < minx) minx = px; if (px > maxx) maxx = px;
            if (py < miny) miny = py; if (py > maxy) maxy = py;
            if (pz < minz) minz = pz; if (pz > maxz) maxz = pz;
        }
        this.binSize = binSize;
        inv = 1.0 / binSize;
        x0 = minx; y0 = miny; z0 = minz;
        nx = dim(maxx - minx);
        ny = dim(maxy - miny);
        nz = dim(maxz - minz);
        long nb = (long) nx * ny * nz;
        if (nb > 64L * Math.max(nall, 1024)) {
            // a sparse, very extended set of atoms: coarsen rather than allocate a huge grid
            double scale = Math.cbrt(nb / (64.0 * Math.max(nall, 1024)));
            fill(x, nall, binSize * Math.max(scale, 1.01));
            return;
        }
        int nbins = (int) nb;
        if (binStart.length < nbins + 1) binStart = new int[nbins + 1];
        else java.util.Arrays.fill(binStart, 0, nbins + 1, 0);
        if (binOf.length < nall) {
            binOf = new int[nall + (nall >> 3)];
            binAtoms = new int[nall + (nall >> 3)];
        }
        for (int i = 0; i < nall; i++) {
            int b = binIndex(x[3 * i], x[3 * i + 1], x[3 * i + 2]);
            binOf[i] = b;
            binStart[b + 1]++;
        }
        for (int b = 0; b < nbins; b++) binStart[b + 1] += binStart[b];
        // place atoms; binStart[b] temporarily advances as the bin fills, then is restored
        for (int i = 0; i < nall; i++) binAtoms[binStart[binOf[i]]++] = i;
        for (int b = nbins; b > 0; b--) binStart[b] = binStart[b - 1];
        binStart[0] = 0;
    }

    private int dim(double extent) {
        return Math.max(1, (int) (extent * inv) + 1);
    }

    int binIndex(double px, double py, double pz) {
        int ix = Math.min(nx - 1, Math.max(0, (int) ((px - x0) * inv)));
        int iy = Math.min(ny - 1, Math.max(0, (int) ((py - y0) * inv)));
        int iz = Math.min(nz - 1, Math.max(0, (int) ((pz - z0) * inv)));
        return (iz * ny + iy) * nx + ix;
    }

    int nbins() { return nx * ny * nz; }
}
