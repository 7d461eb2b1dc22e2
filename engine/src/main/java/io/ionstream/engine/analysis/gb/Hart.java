package io.ionstream.engine.analysis.gb;

/**
 * Hart's decomposition of a bicrystal's effective diffusion coefficient (seed 001, Eqs. 5-7):
 * D_eff = (1 − τ) D_bulk + τ D_GB with τ = δ / l, applied separately to ∥ (xy, n = 2) and ⊥
 * (z, n = 1) components. Errors propagate linearly from those of D_eff, D_bulk and δ.
 *
 * @param tau      GB volume fraction δ/l
 * @param dGb      D_GB (unit of the inputs)
 * @param dGbError its standard error
 */
public record Hart(double tau, double dGb, double dGbError) {

    /**
     * @param spacing l, the distance between the GB planes (Å): half the cell for two GBs per cell
     */
    public static Hart decompose(double dEff, double dEffError, double dBulk, double dBulkError, double width,
                                 double widthError, double spacing) {
        if (!(width > 0)) throw new IllegalArgumentException("GB width must be positive, got " + width + " Å");
        if (!(spacing > width)) {
            throw new IllegalArgumentException("GB spacing " + spacing + " Å must exceed the GB width " + width
                + " Å for a bulk region to exist");
        }
        double tau = width / spacing;
        double dGb = (dEff - (1 - tau) * dBulk) / tau;
        // ∂D_GB/∂D_eff = 1/τ, ∂/∂D_bulk = −(1−τ)/τ, ∂/∂τ = (D_bulk − D_GB)/τ, τ_err = δ_err / l
        double tauError = widthError / spacing;
        double e1 = dEffError / tau, e2 = dBulkError * (1 - tau) / tau, e3 = (dBulk - dGb) / tau * tauError;
        return new Hart(tau, dGb, Math.sqrt(e1 * e1 + e2 * e2 + e3 * e3));
    }

    /** The forward relation, D_eff from the parts. */
    public static double effective(double dBulk, double dGb, double tau) {
        return (1 - tau) * dBulk + tau * dGb;
    }
}
