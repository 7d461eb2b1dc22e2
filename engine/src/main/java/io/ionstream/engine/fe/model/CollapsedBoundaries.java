package io.ionstream.engine.fe.model;

import io.ionstream.engine.fe.material.DiffusionTensor;
import io.ionstream.engine.fe.material.MaterialField;
import io.ionstream.engine.fe.micro.FacetTable;
import io.ionstream.engine.fe.micro.InterfaceSections;
import io.ionstream.engine.fe.micro.Polycrystal;

/**
 * Thickness-collapsed grain boundaries as composite voxels (keeping the voxel grid and the FFT
 * preconditioner). Grains fill the cell; each boundary is a zero-thickness interface on its exact
 * plane. A voxel containing boundary area A (from {@link InterfaceSections}) holds the interface
 * excess of a layer of width δ: its boundary volume fraction is φ = A·δ/h³, and with one facet
 * it is the exact laminate of bulk (1 − φ) and boundary (φ):
 * <pre>
 *   D_t = (1 − φ) D_b + φ D∥          (along the plane: parallel mixing)
 *   1/D_n = (1 − φ)/D_b + φ/D⊥        (across it: series mixing)
 *   D = D_t (I − nn) + D_n nn
 * </pre>
 * Several facets in one voxel (junctions) are combined as a parallel average of such laminates
 * weighted by area, each with the voxel's total φ — exact for parallel facets, first-order exact
 * otherwise, always positive definite.
 *
 * <p>Volume accounting: the interface carries the boundary's excess over the bulk it replaces,
 * i.e. tangential conductance δ(D∥ − D_b) and normal resistance δ(1/D⊥ − 1/D_b). So the model
 * counts a boundary volume Σ A·δ (no overlap at junctions), reproduces the volume-resolved
 * laminate exactly, and its dilute limit is D̄ = D_b + f[⅔(D∥ − D_b) + ⅓D_b(1 − D_b/D⊥)]. The
 * formulas stay exact excess laminates for any φ but must give positive diffusivities, which
 * holds for φ ≤ 1 (and a little beyond for mild contrast): voxels must be larger than δ
 * (about 1.5–3δ with junction voxels holding several facets); finer grids need the resolved model.
 */
public final class CollapsedBoundaries {
    private CollapsedBoundaries() {}

    public static ModelMaterial material(Polycrystal pc, double widthNm, GbDiffusivities d, int threads) {
        if (!(widthNm >= 0) || !Double.isFinite(widthNm)) throw new IllegalArgumentException("boundary width must be ≥ 0, got " + widthNm + " nm");
        InterfaceSections s = pc.sections(threads);
        FacetTable ft = pc.facets();
        double width = widthNm / pc.voxelNm();
        int n = pc.grid();
        int cuts = s.cutVoxels();
        double[] table = new double[6 * (1 + cuts)];
        double db = d.bulk();
        table[0] = db;
        table[1] = db;
        table[2] = db;
        int[] index = new int[n * n * n];
        double maxPhi = 0, total = 0;
        int worst = -1, bad = -1;
        double badPhi = 0;
        for (int c = 0; c < cuts; c++) {
            double area = 0;
            for (int p = s.start(c); p < s.end(c); p++) area += s.area(p);
            double phi = area * width;
            if (phi > maxPhi) {
                maxPhi = phi;
                worst = s.voxel(c);
            }
            total += phi;
            double dt = (1 - phi) * db + phi * d.parallel();
            double dn = 1 / ((1 - phi) / db + phi / d.perpendicular());
            if (!(dt > 1e-9 * db) || !(dn > 1e-9 * db) || !Double.isFinite(dn)) {
                if (phi > badPhi) {
                    badPhi = phi;
                    bad = s.voxel(c);
                }
                continue;
            }
            double xx = 0, yy = 0, zz = 0, xy = 0, xz = 0, yz = 0;
            for (int p = s.start(c); p < s.end(c); p++) {
                double w = s.area(p) / area;
                int f = s.facet(p);
                DiffusionTensor t = DiffusionTensor.transverse(dt, dn, ft.nx(f), ft.ny(f), ft.nz(f));
                xx += w * t.xx(); yy += w * t.yy(); zz += w * t.zz();
                xy += w * t.xy(); xz += w * t.xz(); yz += w * t.yz();
            }
            int o = 6 * (1 + c);
            table[o] = xx; table[o + 1] = yy; table[o + 2] = zz; table[o + 3] = xy; table[o + 4] = xz; table[o + 5] = yz;
            index[s.voxel(c)] = 1 + c;
        }
        if (bad >= 0) {
            // φ grows like δ/h: the largest admissible φ is about 1 (less for strong contrast)
            int coarser = Math.max(2, (int) Math.floor(n * 0.9 / maxPhi));
            throw new IllegalArgumentException(String.format(
                "thickness-collapsed model: boundary width %.3g nm puts a boundary fraction φ = %.2f into voxel %d (voxel %.3g nm), "
                    + "more than the voxel can hold (its composite diffusivity would not be positive): the voxel must be larger "
                    + "than about 1.5–3 δ (junctions hold several facets); use a grid ≤ %d or the resolved model",
                widthNm, badPhi, bad, pc.voxelNm(), coarser));
        }
        MaterialField mf = new MaterialField(n, n, n, index, table);
        return new ModelMaterial(GbModel.COLLAPSED, mf, total / index.length, cuts, maxPhi);
    }
}
