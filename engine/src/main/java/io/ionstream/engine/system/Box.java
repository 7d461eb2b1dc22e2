package io.ionstream.engine.system;

/**
 * A periodic simulation cell in the LAMMPS convention: origin (xlo, ylo, zlo), edge vectors
 * a = (lx, 0, 0), b = (xy, ly, 0), c = (xz, yz, lz). Orthorhombic when all tilts are zero.
 *
 * <p>Mutable on purpose: barostats and cell relaxation change it every step, and each owner
 * (a serial run, a subdomain actor) holds its own instance; {@link #copy()} when sharing.
 */
public final class Box {
    private double xlo, ylo, zlo;
    private double lx, ly, lz;
    private double xy, xz, yz;

    public Box(double xlo, double ylo, double zlo, double lx, double ly, double lz,
               double xy, double xz, double yz) {
        set(xlo, ylo, zlo, lx, ly, lz, xy, xz, yz);
    }

    /** Orthorhombic box from the origin. */
    public static Box orthorhombic(double lx, double ly, double lz) {
        return new Box(0, 0, 0, lx, ly, lz, 0, 0, 0);
    }

    /** Triclinic box from the origin with LAMMPS-aligned edge lengths and tilts. */
    public static Box triclinic(double lx, double ly, double lz, double xy, double xz, double yz) {
        return new Box(0, 0, 0, lx, ly, lz, xy, xz, yz);
    }

    /**
     * The LAMMPS-aligned box for three arbitrary right-handed lattice vectors (rows of
     * {@code abc}); {@code rotation} (3x3, row-major, may be null) receives the rotation that
     * takes Cartesian coordinates in the original frame into this box's frame.
     */
    public static Box fromLatticeVectors(double[][] abc, double[] rotation) {
        double[] a = abc[0], b = abc[1], c = abc[2];
        double la = norm(a);
        if (!(la > 0)) throw new IllegalArgumentException("lattice vector a has zero length");
        double[] ahat = {a[0] / la, a[1] / la, a[2] / la};
        double xy = dot(b, ahat);
        double[] axb = cross(ahat, b);
        double ly = norm(axb);
        if (!(ly > 0)) throw new IllegalArgumentException("lattice vectors a and b are parallel");
        double xz = dot(c, ahat);
        double yz = (dot(b, c) - xy * xz) / ly;
        double lz2 = dot(c, c) - xz * xz - yz * yz;
        double volume = dot(cross(a, b), c);
        if (!(volume > 0)) {
            throw new IllegalArgumentException("lattice vectors are not right-handed or are coplanar (a·(b×c) = "
                + volume + ")");
        }
        double lz = Math.sqrt(Math.max(lz2, 0));
        if (rotation != null) {
            double[] zhat = {axb[0] / ly, axb[1] / ly, axb[2] / ly};
            double[] yhat = cross(zhat, ahat);
            for (int k = 0; k < 3; k++) {
                rotation[k] = ahat[k];
                rotation[3 + k] = yhat[k];
                rotation[6 + k] = zhat[k];
            }
        }
        return new Box(0, 0, 0, la, ly, lz, xy, xz, yz);
    }

    public void set(double xlo, double ylo, double zlo, double lx, double ly, double lz,
                    double xy, double xz, double yz) {
        // a plain sum is finite only if every term is (called twice per NPT step: no array here)
        if (!Double.isFinite(xlo + ylo + zlo + lx + ly + lz + xy + xz + yz)) {
            throw new IllegalArgumentException("box parameters must be finite, got origin (" + xlo + ", " + ylo + ", "
                + zlo + "), lengths " + lx + " x " + ly + " x " + lz + ", tilts " + xy + ", " + xz + ", " + yz);
        }
        if (!(lx > 0 && ly > 0 && lz > 0)) {
            throw new IllegalArgumentException("box edge lengths must be positive, got " + lx + " x " + ly + " x " + lz);
        }
        this.xlo = xlo; this.ylo = ylo; this.zlo = zlo;
        this.lx = lx; this.ly = ly; this.lz = lz;
        this.xy = xy; this.xz = xz; this.yz = yz;
    }

    public void setFrom(Box o) {
        set(o.xlo, o.ylo, o.zlo, o.lx, o.ly, o.lz, o.xy, o.xz, o.yz);
    }

    public Box copy() {
        return new Box(xlo, ylo, zlo, lx, ly, lz, xy, xz, yz);
    }

    public double xlo() { return xlo; }
    public double ylo() { return ylo; }
    public double zlo() { return zlo; }
    public double lx() { return lx; }
    public double ly() { return ly; }
    public double lz() { return lz; }
    public double xy() { return xy; }
    public double xz() { return xz; }
    public double yz() { return yz; }

    public boolean isOrthorhombic() { return xy == 0 && xz == 0 && yz == 0; }

    public double volume() { return lx * ly * lz; }

    /** Edge vectors as rows: a, b, c. */
    public double[][] latticeVectors() {
        return new double[][] {{lx, 0, 0}, {xy, ly, 0}, {xz, yz, lz}};
    }

    /**
     * Distances between opposite faces along a, b, c (the widths that bound a cut-off: a sphere
     * of radius r fits once in the cell only if 2r is below every width).
     */
    public double[] perpendicularWidths() {
        return perpendicularWidths(new double[3]);
    }

    /** {@link #perpendicularWidths()} into {@code out} (length ≥ 3), for allocation-free callers; returns it. */
    public double[] perpendicularWidths(double[] out) {
        double v = volume();
        double bxc = Math.sqrt(sq(ly * lz) + sq(xy * lz) + sq(xy * yz - ly * xz));
        double cxa = lx * Math.sqrt(lz * lz + yz * yz);
        out[0] = v / bxc;
        out[1] = v / cxa;
        out[2] = lz;
        return out;
    }

    public double minPerpendicularWidth() {
        double[] w = perpendicularWidths();
        return Math.min(w[0], Math.min(w[1], w[2]));
    }

    /** Cartesian position (x, y, z) to fractional coordinates, written into {@code out[o..o+2]}. */
    public void toFractional(double x, double y, double z, double[] out, int o) {
        double sz = (z - zlo) / lz;
        double sy = (y - ylo - yz * sz) / ly;
        double sx = (x - xlo - xy * sy - xz * sz) / lx;
        out[o] = sx; out[o + 1] = sy; out[o + 2] = sz;
    }

    /** Fractional to Cartesian, written into {@code out[o..o+2]}. */
    public void toCartesian(double sx, double sy, double sz, double[] out, int o) {
        out[o] = xlo + lx * sx + xy * sy + xz * sz;
        out[o + 1] = ylo + ly * sy + yz * sz;
        out[o + 2] = zlo + lz * sz;
    }

    /** Cartesian displacement of an image shift of (na, nb, nc) cell vectors, into {@code out[o..o+2]}. */
    public void imageShift(int na, int nb, int nc, double[] out, int o) {
        out[o] = na * lx + nb * xy + nc * xz;
        out[o + 1] = nb * ly + nc * yz;
        out[o + 2] = nc * lz;
    }

    /**
     * Wraps atom {@code i} of the interleaved position array into the cell, updating its image
     * counters so that unwrapped coordinates stay continuous.
     */
    public void wrap(double[] x, int[] image, int i) {
        int k = 3 * i;
        double sz = (x[k + 2] - zlo) / lz;
        double sy = (x[k + 1] - ylo - yz * sz) / ly;
        double sx = (x[k] - xlo - xy * sy - xz * sz) / lx;
        int nx = (int) Math.floor(sx), ny = (int) Math.floor(sy), nz = (int) Math.floor(sz);
        if ((nx | ny | nz) == 0) return;
        sx -= nx; sy -= ny; sz -= nz;
        // floor() of a value a hair below an integer can leave s == 1.0 after the subtraction
        if (sx >= 1.0) { sx -= 1.0; nx++; }
        if (sy >= 1.0) { sy -= 1.0; ny++; }
        if (sz >= 1.0) { sz -= 1.0; nz++; }
        x[k] = xlo + lx * sx + xy * sy + xz * sz;
        x[k + 1] = ylo + ly * sy + yz * sz;
        x[k + 2] = zlo + lz * sz;
        if (image != null) {
            image[k] += nx; image[k + 1] += ny; image[k + 2] += nz;
        }
    }

    /**
     * Applies the minimum-image convention to the displacement in {@code d[o..o+2]} in place
     * (LAMMPS order: c, then b, then a). Exact only while the displacement is shorter than half
     * the smallest perpendicular width.
     */
    public void minimumImage(double[] d, int o) {
        double dz = d[o + 2], dy = d[o + 1], dx = d[o];
        double nz = Math.rint(dz / lz);
        dz -= nz * lz; dy -= nz * yz; dx -= nz * xz;
        double ny = Math.rint(dy / ly);
        dy -= ny * ly; dx -= ny * xy;
        double nx = Math.rint(dx / lx);
        dx -= nx * lx;
        d[o] = dx; d[o + 1] = dy; d[o + 2] = dz;
    }

    /**
     * Changes the cell to {@code target} and moves the first {@code n} atoms of the interleaved
     * array with it affinely (their fractional coordinates are kept): how a barostat or a cell
     * relaxation deforms a system.
     */
    public void deformTo(Box target, double[] x, int n) {
        for (int i = 0; i < n; i++) {
            int k = 3 * i;
            double sz = (x[k + 2] - zlo) / lz;
            double sy = (x[k + 1] - ylo - yz * sz) / ly;
            double sx = (x[k] - xlo - xy * sy - xz * sz) / lx;
            target.toCartesian(sx, sy, sz, x, k);
        }
        setFrom(target);
    }

    @Override
    public String toString() {
        return isOrthorhombic()
            ? String.format("Box[%.6g x %.6g x %.6g Å at (%.6g, %.6g, %.6g)]", lx, ly, lz, xlo, ylo, zlo)
            : String.format("Box[%.6g x %.6g x %.6g Å, tilts xy=%.6g xz=%.6g yz=%.6g, at (%.6g, %.6g, %.6g)]",
                lx, ly, lz, xy, xz, yz, xlo, ylo, zlo);
    }

    private static double sq(double v) { return v * v; }
    private static double norm(double[] v) { return Math.sqrt(dot(v, v)); }
    private static double dot(double[] a, double[] b) { return a[0] * b[0] + a[1] * b[1] + a[2] * b[2]; }
    private static double[] cross(double[] a, double[] b) {
        return new double[] {a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]};
    }
}
