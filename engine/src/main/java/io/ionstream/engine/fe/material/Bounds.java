package io.ionstream.engine.fe.material;

/**
 * Bounds on the effective diffusivity. Wiener: the voxel-volume averages ⟨D⟩ (upper) and
 * ⟨D⁻¹⟩⁻¹ (lower) of the actual voxel material — rigorous for any microstructure and for the
 * discrete FE solution; for isotropic phases they are Σf_jD_j and (Σf_j/D_j)⁻¹.
 * Hashin-Shtrikman: the two-phase bounds for a statistically isotropic polycrystal with
 * boundary volume fraction f, where the boundary phase (D∥, D∥, D⊥) is orientation-averaged in
 * the polarisation formula D_HS = ⟨D(2D0 + D)⁻¹⟩ / ⟨(2D0 + D)⁻¹⟩ with the reference D0 the
 * smallest (lower bound) or largest (upper bound) diffusivity present — for an isotropic boundary
 * exactly the textbook formula D1 + f2/(1/(D2 − D1) + f1/(3D1)).
 */
public record Bounds(DiffusionTensor wienerUpper, DiffusionTensor wienerLower, double hsLower, double hsUpper) {

    /**
     * @param mf         the voxel material (Wiener bounds)
     * @param gbFraction boundary volume fraction f of the model
     * @param bulk, par, perp diffusivities of the phases
     */
    public static Bounds of(MaterialField mf, double gbFraction, double bulk, double par, double perp) {
        long[] counts = mf.counts();
        double total = mf.voxels();
        DiffusionTensor mean = DiffusionTensor.isotropic(0), meanInv = DiffusionTensor.isotropic(0);
        for (int m = 0; m < counts.length; m++) {
            if (counts[m] == 0) continue;
            DiffusionTensor d = mf.entry(m);
            double w = counts[m] / total;
            mean = mean.plus(d.times(w));
            meanInv = meanInv.plus(d.inverse().times(w));
        }
        double lo = Math.min(bulk, Math.min(par, perp)), hi = Math.max(bulk, Math.max(par, perp));
        if (gbFraction <= 0) lo = hi = bulk;
        return new Bounds(mean, meanInv.inverse(), hashinShtrikman(gbFraction, bulk, par, perp, lo),
            hashinShtrikman(gbFraction, bulk, par, perp, hi));
    }

    /** Polarisation estimate with isotropic reference d0 and an orientation-averaged boundary phase. */
    public static double hashinShtrikman(double f, double bulk, double par, double perp, double d0) {
        double aBulk = 1 / (2 * d0 + bulk);
        double aGb = (2 / (2 * d0 + par) + 1 / (2 * d0 + perp)) / 3;
        double daGb = (2 * par / (2 * d0 + par) + perp / (2 * d0 + perp)) / 3;
        return ((1 - f) * bulk * aBulk + f * daGb) / ((1 - f) * aBulk + f * aGb);
    }
}
