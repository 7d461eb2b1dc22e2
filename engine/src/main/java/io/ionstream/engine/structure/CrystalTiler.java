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
        Box box = Box.fromLatticeVectors(super_, rot);
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

    private static double[] scale(double[] v, int n) { return new double[] {v[0] * n, v[1] * n, v[2] * n}; }
}
