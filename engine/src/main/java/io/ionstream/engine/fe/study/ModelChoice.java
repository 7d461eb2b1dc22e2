package io.ionstream.engine.fe.study;

import io.ionstream.engine.fe.model.GbModel;

/**
 * Which boundary model a study uses per grain size: a fixed one, or automatic — resolved below
 * the transition grain size, collapsed at and above it (as the volume-resolved model needs
 * δ spanning voxels and the collapsed one voxels larger than δ).
 */
public record ModelChoice(GbModel fixed, double transitionNm) {
    public static ModelChoice auto(double transitionNm) {
        if (!(transitionNm > 0)) throw new IllegalArgumentException("transition grain size must be positive, got " + transitionNm);
        return new ModelChoice(null, transitionNm);
    }

    public static ModelChoice of(GbModel m) { return new ModelChoice(m, Double.NaN); }

    public GbModel forGrainSize(double dNm) {
        if (fixed != null) return fixed;
        return dNm < transitionNm ? GbModel.RESOLVED : GbModel.COLLAPSED;
    }

    public String label() {
        return fixed != null ? fixed.label() : "auto (resolved below " + transitionNm + " nm)";
    }
}
