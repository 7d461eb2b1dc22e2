package io.ionstream.engine.fe.model;

import io.ionstream.engine.fe.material.DiffusionTensor;
import io.ionstream.engine.fe.material.MaterialField;
import io.ionstream.engine.fe.micro.FacetTable;
import io.ionstream.engine.fe.micro.Polycrystal;

/**
 * Volume-resolved grain boundaries: a voxel whose centre lies within δ/2 of its grain's
 * boundary is boundary phase with D∥(I − nn) + D⊥nn, n the normal of the nearest facet; all
 * other voxels are bulk. Table entry 0 is bulk, entry 1 + f the boundary tensor of facet f.
 */
public final class ResolvedBoundaries {
    private ResolvedBoundaries() {}

    public static ModelMaterial material(Polycrystal pc, double widthNm, GbDiffusivities d) {
        if (!(widthNm >= 0) || !Double.isFinite(widthNm)) throw new IllegalArgumentException("boundary width must be ≥ 0, got " + widthNm + " nm");
        double half = 0.5 * widthNm / pc.voxelNm();
        FacetTable ft = pc.facets();
        DiffusionTensor[] table = new DiffusionTensor[1 + ft.size()];
        table[0] = DiffusionTensor.isotropic(d.bulk());
        for (int f = 0; f < ft.size(); f++)
            table[1 + f] = DiffusionTensor.transverse(d.parallel(), d.perpendicular(), ft.nx(f), ft.ny(f), ft.nz(f));
        int n = pc.grid();
        int[] index = new int[n * n * n];
        long gb = 0;
        for (int v = 0; v < index.length; v++) {
            if (pc.boundaryDistance(v) < half && pc.nearestFacet(v) >= 0) {
                index[v] = 1 + pc.nearestFacet(v);
                gb++;
            }
        }
        MaterialField mf = new MaterialField(n, n, n, index, MaterialField.pack(table));
        return new ModelMaterial(GbModel.RESOLVED, mf, (double) gb / index.length, gb, gb > 0 ? 1 : 0);
    }
}
