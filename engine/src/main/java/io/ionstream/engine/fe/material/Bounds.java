package io.ionstream.engine.fe.material;

/**
 * Bounds on the effective diffusivity. Wiener: the voxel-volume averages ⟨D⟩ (upper) and
 * ⟨D⁻¹⟩⁻¹ (lower) of the actual voxel material — rigorous for any microstructure and for the
 * discrete FE solution; for isotropic phases they are Σf_jD_j and (Σf_j/D_j)⁻¹.
 * Hashin-Shtrikman: the two-phase bounds D1 + f2/(1/(D2 − D1) + f1/(3D1)) for a statistically
 * isotropic polycrystal with boundary volume fraction f. An anisotropic boundary (D∥ ≠ D⊥) is
 * bracketed by isotropic ones: its largest eigenvalue for the upper bound and its smallest for
 * the lower (D_eff is monotone in the local tensor), because its orientation is tied to the
 * geometry (in-plane along the sheets), which an orientation average would ignore.
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
        double gbLo = Math.min(par, perp), gbHi = Math.max(par, perp);
        return new Bounds(mean, meanInv.inverse(), hashinShtrikman(gbFraction, bulk, gbLo, Math.min(bulk, gbLo)),
            hashinShtrikman(gbFraction, bulk, gbHi, Math.max(bulk, gbHi)));
    }

    /**
     * Two isotropic phases (bulk with 1 − f, boundary with f) and reference d0: the smallest
     * diffusivity gives the lower bound, the largest the upper. Written as the polarisation form
     * ⟨D/(2d0 + D)⟩ / ⟨1/(2d0 + D)⟩, which equals the textbook expression.
     */
    public static double hashinShtrikman(double f, double bulk, double gb, double d0) {
        double aBulk = 1 / (2 * d0 + bulk), aGb = 1 / (2 * d0 + gb);
        return ((1 - f) * bulk * aBulk + f * gb * aGb) / ((1 - f) * aBulk + f * aGb);
    }
}
