package io.ionstream.engine.analysis.diffusion;

import io.ionstream.engine.units.MetalUnits;

/**
 * Ionic conductivity from a self-diffusion coefficient, σ = Λ D e² / (k_B T), with Λ the
 * effective carrier density (Li per Å³; it absorbs the Haven ratio). The default Λ is that of
 * seed 001, Appendix B (21.808 × 10⁻³ Li/Å³, from experiment).
 */
public final class NernstEinstein {
    public static final double DEFAULT_LAMBDA_PER_A3 = 21.808e-3;

    private NernstEinstein() {}

    /** σ in S/cm for D in cm²/s, T in K and Λ in carriers/Å³. */
    public static double conductivitySPerCm(double dCm2PerS, double t, double lambdaPerA3) {
        if (!(t > 0)) throw new IllegalArgumentException("temperature must be positive, got " + t + " K");
        if (!(lambdaPerA3 > 0)) throw new IllegalArgumentException("carrier density Λ must be positive, got " + lambdaPerA3);
        double lambdaPerCm3 = lambdaPerA3 * 1e24;
        double e = MetalUnits.ELEMENTARY_CHARGE_C;
        // (1/cm³)(cm²/s) C² / J = C²/(J s cm) = S/cm
        return lambdaPerCm3 * dCm2PerS * e * e / (MetalUnits.BOLTZ_J_PER_K * t);
    }

    /** σ in mS/cm. */
    public static double conductivityMsPerCm(double dCm2PerS, double t, double lambdaPerA3) {
        return 1e3 * conductivitySPerCm(dCm2PerS, t, lambdaPerA3);
    }
}
