package io.ionstream.engine.structure;

import io.ionstream.engine.system.Box;

/** Tiles a crystal's conventional cell n1 × n2 × n3 times into an {@link AtomList} and its box. */
final class CrystalTiler {
    private CrystalTiler() {}

    record Tiling(AtomList atoms, Box box, int[] repeats) {}

    static Tiling tile(Crystal c, int n1, int n2, int n3) {
        if (n1 < 1 || n2 < 1 || n3 < 1) {
            throw new IllegalArgumentException("supercell repeats must be at least 1, got " + n1 + "×" + n2 + "×" + n3);
        }
        long atoms = (long) n1 * n2 * n3 * c.atomsPerCell();
        if (atoms > 50_000_000L) throw new IllegalArgumentException("supercell " + n1 + "×" + n2 + "×" + n3 + " would hold " + atoms + " atoms");
        double[][] l = c.lattice();
        double[][] super_ = {scale(l[0], n1), scale(l[1], n2), scale(l[2], n3)};
        double[] rot = new double[9];
        Box box = Box.fromLatticeVectors(reducedTilts(super_), rot);
        AtomList out = new AtomList(c.species(), c.sites());
        int group = 0;
        for (int k = 0; k < n3; k++) {
            for (int j = 0; j < n2; j++) {
                for (int i = 0; i < n1; i++) {
                    int cellIndex = (k * n2 + j) * n1 + i;
                    for (int s = 0; s < c.sites().size(); s++) {
                        CrystalSite site = c.sites().get(s);
                        int t = out.typeOf(site.species());
                        int g = site.isSplit() ? group++ : -1;
                        for (double[] f : site.candidates()) {
                            double[] r = Geometry.apply(rot, c.cartesian(new double[] {f[0] + i, f[1] + j, f[2] + k}));
                            out.add(t, r[0], r[1], r[2], s, cellIndex, g, 0);
                        }
                    }
                }
            }
        }
        return new Tiling(out, box, new int[] {n1, n2, n3});
    }

    /**
     * The same lattice with b and c replaced by b − k·a and c − k'·b − k''·a so that the LAMMPS tilts
     * satisfy |xy| ≤ lx/2, |xz| ≤ lx/2, |yz| ≤ ly/2 (LAMMPS refuses more skewed boxes); a stays,
     * and so does the plane of a and b, hence the frame.
     */
    static double[][] reducedTilts(double[][] rows) {
        double[] a = rows[0].clone(), b = rows[1].clone(), c = rows[2].clone();
        double la = Geometry.norm(a);
        double[] ahat = {a[0] / la, a[1] / la, a[2] / la};
        double k = Math.rint(Geometry.dot(b, ahat) / la);
        for (int i = 0; i < 3; i++) b[i] -= k * a[i];
        double xy = Geometry.dot(b, ahat), ly = Math.sqrt(Math.max(Geometry.dot(b, b) - xy * xy, 0));
        double yz = (Geometry.dot(b, c) - xy * Geometry.dot(c, ahat)) / ly;
        double kb = Math.rint(yz / ly);
        for (int i = 0; i < 3; i++) c[i] -= kb * b[i];
        double ka = Math.rint(Geometry.dot(c, ahat) / la);
        for (int i = 0; i < 3; i++) c[i] -= ka * a[i];
        return new double[][] {a, b, c};
    }

    private static double[] scale(double[] v, int n) { return new double[] {v[0] * n, v[1] * n, v[2] * n}; }
}
