package io.ionstream.engine.structure;

/**
 * The orthogonal periodic cell of a CSL bicrystal: grain-1 directions x, y, z (z the boundary
 * normal), their CSL periods (the shortest length along each direction that is a lattice vector
 * of both grains), the rotation and its Σ, and the frame matrix whose rows are the unit x, y, z
 * (crystal Cartesian → bicrystal frame).
 */
public record CslCell(int[] x, int[] y, int[] z, double[] periods, double[] rotation, int sigma, double[] frame) {
    /** Largest multiple of a direction's integer vector searched for a CSL period. */
    public static final int MAX_MULTIPLE = 24;

    public CslCell {
        x = x.clone(); y = y.clone(); z = z.clone();
        periods = periods.clone(); rotation = rotation.clone(); frame = frame.clone();
    }

    /** Solves the geometry of {@code spec} for a cubic {@code crystal}. */
    public static CslCell of(Crystal crystal, GrainBoundarySpec spec) {
        requireCubic(crystal);
        double[] r = CslRotation.of(spec.axis(), spec.angleDegrees());
        int[] z = spec.normal();
        double pz = period(crystal, r, z);
        if (!(pz > 0)) {
            throw new IllegalArgumentException(String.format("%s: the boundary normal %s is not a CSL direction of the rotation "
                + "%.4f° about %s (no coincidence within %d lattice vectors)", spec.name(), Geometry.indices(z),
                CslRotation.angleDegrees(r), Geometry.indices(spec.axis()), MAX_MULTIPLE));
        }
        int[] x = spec.x();
        double px, py;
        int[] y;
        if (x != null) {
            y = Geometry.primitive(Geometry.cross(z, x));
            px = period(crystal, r, x);
            py = period(crystal, r, y);
            if (!(px > 0) || !(py > 0)) {
                throw new IllegalArgumentException(String.format("%s: in-plane directions %s and %s are not both CSL directions of "
                    + "the rotation %.4f° about %s", spec.name(), Geometry.indices(x), Geometry.indices(y),
                    CslRotation.angleDegrees(r), Geometry.indices(spec.axis())));
            }
        } else {
            int[][] best = searchInPlane(crystal, r, z);
            if (best == null) {
                throw new IllegalArgumentException(String.format("%s: no pair of perpendicular in-plane CSL directions found for the "
                    + "rotation %.4f° about %s with normal %s (is the angle a CSL angle?)", spec.name(),
                    CslRotation.angleDegrees(r), Geometry.indices(spec.axis()), Geometry.indices(z)));
            }
            x = best[0];
            y = best[1];
            px = period(crystal, r, x);
            py = period(crystal, r, y);
        }
        double[] ux = Geometry.unit(Geometry.toDouble(x)), uy = Geometry.unit(Geometry.toDouble(y)), uz = Geometry.unit(Geometry.toDouble(z));
        double[] frame = {ux[0], ux[1], ux[2], uy[0], uy[1], uy[2], uz[0], uz[1], uz[2]};
        return new CslCell(x, y, z, new double[] {px, py, pz}, r, CslRotation.sigma(r), frame);
    }

    /**
     * The shortest length along the integer direction {@code d} that is a translation of both the
     * crystal's lattice L and the rotated lattice R·L, or 0 when none within {@link #MAX_MULTIPLE}.
     */
    public static double period(Crystal crystal, double[] r, int[] d) {
        double[] v = crystal.cartesian(Geometry.toDouble(d));
        double[] rt = Geometry.transpose(r);
        for (int m = 1; m <= 12 * MAX_MULTIPLE; m++) {
            double s = m / 12.0;
            double[] w = {s * v[0], s * v[1], s * v[2]};
            if (crystal.isLatticeTranslation(w, 1e-6) && crystal.isLatticeTranslation(Geometry.apply(rt, w), 1e-6)) {
                return s * Geometry.norm(v);
            }
        }
        return 0;
    }

    /** Number of CSL periods along z per grain so that the boundaries are at least {@code spacing} apart. */
    public int periodsForSpacing(double spacing) {
        return Math.max(1, (int) Math.ceil(spacing / periods[2] - 1e-9));
    }

    /** Number of CSL periods nearest to an in-plane size (at least one). */
    public int periodsForSize(int axis, double size) {
        return Math.max(1, (int) Math.round(size / periods[axis]));
    }

    /** Grain-2 crystal indices (smallest integers) of a grain-1 direction, for rotation·inversion {@code m}. */
    static int[] grain2Indices(double[] m, int[] d) {
        double[] v = Geometry.apply(Geometry.transpose(m), Geometry.toDouble(d));
        for (int n = 1; n <= 8 * CslRotation.MAX_SIGMA; n++) {
            boolean ok = true;
            for (int k = 0; k < 3 && ok; k++) ok = Math.abs(v[k] * n - Math.rint(v[k] * n)) < 1e-6;
            if (ok) {
                return Geometry.primitive(new int[] {(int) Math.rint(v[0] * n), (int) Math.rint(v[1] * n), (int) Math.rint(v[2] * n)});
            }
        }
        return null;
    }

    private static int[][] searchInPlane(Crystal crystal, double[] r, int[] z) {
        int[][] best = null;
        double bestArea = Double.MAX_VALUE, bestX = Double.MAX_VALUE;
        int lim = 8;
        for (int i = -lim; i <= lim; i++) {
            for (int j = -lim; j <= lim; j++) {
                for (int k = -lim; k <= lim; k++) {
                    if (i == 0 && j == 0 && k == 0) continue;
                    int[] x = {i, j, k};
                    if (Geometry.dot(x, z) != 0 || !java.util.Arrays.equals(Geometry.primitive(x), x)) continue;
                    double px = period(crystal, r, x);
                    if (!(px > 0) || px * px > bestArea) continue;
                    int[] y = Geometry.primitive(Geometry.cross(z, x));
                    double py = period(crystal, r, y);
                    if (!(py > 0)) continue;
                    double area = px * py;
                    if (area < bestArea - 1e-9 || (Math.abs(area - bestArea) < 1e-9 && px < bestX - 1e-9)) {
                        bestArea = area;
                        bestX = px;
                        best = new int[][] {x, y};
                    }
                }
            }
        }
        return best;
    }

    static void requireCubic(Crystal c) {
        double[][] l = c.lattice();
        double a = l[0][0];
        boolean cubic = a > 0 && Math.abs(l[1][1] - a) < 1e-9 && Math.abs(l[2][2] - a) < 1e-9;
        for (int i = 0; i < 3; i++) for (int j = 0; j < 3; j++) if (i != j && Math.abs(l[i][j]) > 1e-12) cubic = false;
        if (!cubic) throw new IllegalArgumentException(c.name() + ": CSL grain boundaries need a cubic conventional cell");
    }
}
