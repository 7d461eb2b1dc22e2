package io.ionstream.engine.structure;

/**
 * Fills an orthogonal slab of a frame with a crystal in a given orientation: every site whose
 * position (split sites: their centre; cut by unit: the centre of its bonded unit, see
 * {@link CrystalSite#anchor()}) falls in [0, lx) × [0, ly) × [z0, z0 + h) is added, split sites
 * with all their alternatives as one group. Boundaries are half-open with a tiny tolerance, so
 * that when lx and ly are lattice periods each site enters exactly once; when h is a lattice
 * period multiple along z the slab holds whole cells' worth of every site (exact stoichiometry).
 */
final class SlabFiller {
    static final double EDGE = 1e-6;

    private SlabFiller() {}

    /**
     * @param t      crystal Cartesian → frame, orthogonal, row-major
     * @param origin frame position of the crystal origin
     * @param byUnit decide membership by bonded unit (anchor) rather than by atom position
     * @return number of sites added
     */
    static int fill(AtomList out, Crystal c, double[] t, double[] origin, double lx, double ly, double z0, double h,
                    int part, int[] nextGroup, boolean byUnit) {
        double[] tt = Geometry.transpose(t);
        double[] lo = {Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE};
        double[] hi = {-Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
        for (int corner = 0; corner < 8; corner++) {
            double[] p = {((corner & 1) == 0 ? 0 : lx) - origin[0], ((corner & 2) == 0 ? 0 : ly) - origin[1],
                ((corner & 4) == 0 ? z0 : z0 + h) - origin[2]};
            double[] f = c.fractional(Geometry.apply(tt, p));
            for (int k = 0; k < 3; k++) { lo[k] = Math.min(lo[k], f[k]); hi[k] = Math.max(hi[k], f[k]); }
        }
        int added = 0;
        int[] types = new int[c.sites().size()];
        for (int s = 0; s < types.length; s++) types[s] = out.typeOf(c.sites().get(s).species());
        for (int k = (int) Math.floor(lo[2]) - 1; k <= (int) Math.ceil(hi[2]) + 1; k++) {
            for (int j = (int) Math.floor(lo[1]) - 1; j <= (int) Math.ceil(hi[1]) + 1; j++) {
                for (int i = (int) Math.floor(lo[0]) - 1; i <= (int) Math.ceil(hi[0]) + 1; i++) {
                    for (int s = 0; s < types.length; s++) {
                        CrystalSite site = c.sites().get(s);
                        double[] r = place(c, t, origin, site.position(), i, j, k);
                        double[] m = byUnit ? place(c, t, origin, site.unitCentre(), i, j, k) : r;
                        if (m[0] < -EDGE || m[0] >= lx - EDGE || m[1] < -EDGE || m[1] >= ly - EDGE
                            || m[2] < z0 - EDGE || m[2] >= z0 + h - EDGE) {
                            continue;
                        }
                        added++;
                        if (!site.isSplit()) {
                            out.add(types[s], r[0], r[1], r[2], s, -1, -1, part);
                        } else {
                            int g = nextGroup[0]++;
                            for (double[] alt : site.alternatives()) {
                                double[] q = place(c, t, origin, alt, i, j, k);
                                out.add(types[s], q[0], q[1], q[2], s, -1, g, part);
                            }
                        }
                    }
                }
            }
        }
        return added;
    }

    private static double[] place(Crystal c, double[] t, double[] origin, double[] f, int i, int j, int k) {
        double[] r = Geometry.apply(t, c.cartesian(new double[] {f[0] + i, f[1] + j, f[2] + k}));
        r[0] += origin[0]; r[1] += origin[1]; r[2] += origin[2];
        return r;
    }

    /**
     * Where to cut a crystal along the frame's z so that the cut planes lie in the widest empty
     * layer: the centre (in [0, period)) of the largest gap between the sites' z coordinates
     * taken modulo the z period. Cutting there keeps bonded units (PS4 tetrahedra) intact when
     * they are separated by such a gap.
     */
    static double largestGapCentre(Crystal c, double[] t, double period, boolean byUnit) {
        double[] zs = new double[c.sites().size()];
        for (int s = 0; s < zs.length; s++) {
            CrystalSite site = c.sites().get(s);
            double z = Geometry.apply(t, c.cartesian(byUnit ? site.unitCentre() : site.position()))[2];
            zs[s] = z - Math.floor(z / period) * period;
        }
        java.util.Arrays.sort(zs);
        double bestGap = -1, centre = 0;
        for (int s = 0; s < zs.length; s++) {
            double next = s + 1 < zs.length ? zs[s + 1] : zs[0] + period;
            double gap = next - zs[s];
            if (gap > bestGap + 1e-9) {
                bestGap = gap;
                centre = zs[s] + gap / 2;
            }
        }
        return centre - Math.floor(centre / period) * period;
    }
}
