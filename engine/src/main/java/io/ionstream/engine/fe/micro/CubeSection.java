package io.ionstream.engine.fe.micro;

/**
 * Area of a plane inside a unit voxel, optionally clipped by further half-spaces: the piece of
 * a grain-boundary facet that lies in one voxel. The section of the cube [c − ½, c + ½]³ with
 * the plane n·y = t is a convex polygon (its edge crossings ordered by angle), clipped
 * Sutherland–Hodgman style by each half-space e·y ≤ s (the other facet planes of the grain).
 *
 * <p>A plane that contains a face of the cube is shared by the two voxels on either side; it
 * counts half in each so that the area is not counted twice. Not thread-safe: one instance per
 * thread (it keeps scratch polygons).
 */
public final class CubeSection {
    private static final double EPS = 1e-12;
    private static final int[][] EDGES = {
        {0, 1}, {2, 3}, {4, 5}, {6, 7}, {0, 2}, {1, 3}, {4, 6}, {5, 7}, {0, 4}, {1, 5}, {2, 6}, {3, 7}};

    private double[] poly = new double[3 * 16], next = new double[3 * 16];
    private final double[] side = new double[8], corner = new double[24], pts = new double[3 * 20], ang = new double[20];
    private int count;
    private double nx, ny, nz;
    private boolean faceShared;

    /**
     * Starts a section: plane n·y = t (n a unit vector) through the unit cube centred at c.
     * Returns the number of polygon vertices (0 when the plane misses the cube).
     */
    public int begin(double nx, double ny, double nz, double t, double cx, double cy, double cz) {
        this.nx = nx;
        this.ny = ny;
        this.nz = nz;
        count = 0;
        double[] s = side;
        for (int v = 0; v < 8; v++) {
            corner[3 * v] = cx + ((v & 1) - 0.5);
            corner[3 * v + 1] = cy + (((v >> 1) & 1) - 0.5);
            corner[3 * v + 2] = cz + (((v >> 2) & 1) - 0.5);
            s[v] = nx * corner[3 * v] + ny * corner[3 * v + 1] + nz * corner[3 * v + 2] - t;
        }
        int zeros = 0;
        for (int v = 0; v < 8; v++) if (Math.abs(s[v]) <= EPS) zeros++;
        faceShared = zeros == 4 && coplanarFace(s);
        int np = 0;
        for (int v = 0; v < 8; v++) {
            if (Math.abs(s[v]) <= EPS) np = addUnique(pts, np, corner[3 * v], corner[3 * v + 1], corner[3 * v + 2]);
        }
        for (int[] e : EDGES) {
            double sa = s[e[0]], sb = s[e[1]];
            if (Math.abs(sa) <= EPS || Math.abs(sb) <= EPS) continue;
            if ((sa < 0) == (sb < 0)) continue;
            double w = sa / (sa - sb);
            int a = 3 * e[0], b = 3 * e[1];
            np = addUnique(pts, np, corner[a] + w * (corner[b] - corner[a]), corner[a + 1] + w * (corner[b + 1] - corner[a + 1]),
                corner[a + 2] + w * (corner[b + 2] - corner[a + 2]));
        }
        if (np < 3) return 0;
        orderByAngle(pts, np);
        System.arraycopy(pts, 0, poly, 0, 3 * np);
        count = np;
        return count;
    }

    /** The four zero corners of a face: all share one coordinate bit. */
    private static boolean coplanarFace(double[] s) {
        for (int axis = 0; axis < 3; axis++) {
            for (int bit = 0; bit < 2; bit++) {
                boolean all = true;
                for (int v = 0; v < 8; v++) {
                    if (((v >> axis) & 1) == bit && Math.abs(s[v]) > EPS) { all = false; break; }
                }
                if (all) return true;
            }
        }
        return false;
    }

    private static int addUnique(double[] pts, int np, double x, double y, double z) {
        for (int q = 0; q < np; q++) {
            if (Math.abs(pts[3 * q] - x) < 1e-10 && Math.abs(pts[3 * q + 1] - y) < 1e-10 && Math.abs(pts[3 * q + 2] - z) < 1e-10) return np;
        }
        pts[3 * np] = x;
        pts[3 * np + 1] = y;
        pts[3 * np + 2] = z;
        return np + 1;
    }

    private void orderByAngle(double[] pts, int np) {
        double mx = 0, my = 0, mz = 0;
        for (int q = 0; q < np; q++) { mx += pts[3 * q]; my += pts[3 * q + 1]; mz += pts[3 * q + 2]; }
        mx /= np; my /= np; mz /= np;
        // in-plane basis (u, w) with u ⟂ n
        double ux, uy, uz;
        if (Math.abs(nx) < 0.9) { ux = 0; uy = nz; uz = -ny; } else { ux = -nz; uy = 0; uz = nx; }
        double ul = Math.sqrt(ux * ux + uy * uy + uz * uz);
        ux /= ul; uy /= ul; uz /= ul;
        double wx = ny * uz - nz * uy, wy = nz * ux - nx * uz, wz = nx * uy - ny * ux;
        for (int q = 0; q < np; q++) {
            double dx = pts[3 * q] - mx, dy = pts[3 * q + 1] - my, dz = pts[3 * q + 2] - mz;
            ang[q] = Math.atan2(dx * wx + dy * wy + dz * wz, dx * ux + dy * uy + dz * uz);
        }
        for (int a = 1; a < np; a++) {   // insertion sort of ≤ 6 points
            double key = ang[a], x = pts[3 * a], y = pts[3 * a + 1], z = pts[3 * a + 2];
            int b = a - 1;
            while (b >= 0 && ang[b] > key) {
                ang[b + 1] = ang[b];
                pts[3 * (b + 1)] = pts[3 * b]; pts[3 * (b + 1) + 1] = pts[3 * b + 1]; pts[3 * (b + 1) + 2] = pts[3 * b + 2];
                b--;
            }
            ang[b + 1] = key;
            pts[3 * (b + 1)] = x; pts[3 * (b + 1) + 1] = y; pts[3 * (b + 1) + 2] = z;
        }
    }

    /** Keeps the part of the current polygon with e·y ≤ s. */
    public void clip(double ex, double ey, double ez, double s) {
        if (count == 0) return;
        int m = 0;
        for (int q = 0; q < count; q++) {
            int r = q + 1 == count ? 0 : q + 1;
            double ax = poly[3 * q], ay = poly[3 * q + 1], az = poly[3 * q + 2];
            double bx = poly[3 * r], by = poly[3 * r + 1], bz = poly[3 * r + 2];
            double fa = ex * ax + ey * ay + ez * az - s, fb = ex * bx + ey * by + ez * bz - s;
            boolean ina = fa <= 0, inb = fb <= 0;
            if (ina) m = put(m, ax, ay, az);
            if (ina != inb) {
                double w = fa / (fa - fb);
                m = put(m, ax + w * (bx - ax), ay + w * (by - ay), az + w * (bz - az));
            }
        }
        double[] t = poly;
        poly = next;
        next = t;
        count = m < 3 ? 0 : m;
    }

    private int put(int m, double x, double y, double z) {
        if (3 * m + 3 > next.length) next = java.util.Arrays.copyOf(next, 2 * next.length);
        if (3 * m + 3 > poly.length) poly = java.util.Arrays.copyOf(poly, next.length);
        next[3 * m] = x;
        next[3 * m + 1] = y;
        next[3 * m + 2] = z;
        return m + 1;
    }

    /** Area of the current (clipped) polygon, halved when the plane is a face of the cube. */
    public double area() {
        if (count < 3) return 0;
        double sx = 0, sy = 0, sz = 0;
        for (int q = 0; q < count; q++) {
            int r = q + 1 == count ? 0 : q + 1;
            double ax = poly[3 * q], ay = poly[3 * q + 1], az = poly[3 * q + 2];
            double bx = poly[3 * r], by = poly[3 * r + 1], bz = poly[3 * r + 2];
            sx += ay * bz - az * by;
            sy += az * bx - ax * bz;
            sz += ax * by - ay * bx;
        }
        double a = 0.5 * Math.abs(sx * nx + sy * ny + sz * nz);
        return faceShared ? 0.5 * a : a;
    }

    /** Convenience: unclipped section area of the unit cube centred at the origin with n·y = t. */
    public static double area(double nx, double ny, double nz, double t) {
        CubeSection s = new CubeSection();
        s.begin(nx, ny, nz, t, 0, 0, 0);
        return s.area();
    }
}
