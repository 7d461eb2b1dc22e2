package io.ionstream.engine.fe;

import io.ionstream.engine.fe.model.GbDiffusivities;
import io.ionstream.engine.fe.model.GbModel;

/**
 * One homogenisation problem on a given polycrystal: the boundary model, the boundary width δ
 * (nm), the diffusivities, and optionally the temperature they belong to (K; NaN when the
 * diffusivities were given directly).
 */
public record FeCase(GbModel model, double gbWidthNm, GbDiffusivities diffusivities, double temperatureK) {
    public FeCase {
        if (model == null) throw new IllegalArgumentException("model is required");
        if (diffusivities == null) throw new IllegalArgumentException("diffusivities are required");
        if (!(gbWidthNm >= 0) || !Double.isFinite(gbWidthNm)) throw new IllegalArgumentException("boundary width must be ≥ 0 nm, got " + gbWidthNm);
    }

    public FeCase(GbModel model, double gbWidthNm, GbDiffusivities diffusivities) {
        this(model, gbWidthNm, diffusivities, Double.NaN);
    }

    /** The case at temperature T with diffusivities from Arrhenius laws (e.g. fitted to MD). */
    public static FeCase at(GbModel model, double gbWidthNm, io.ionstream.engine.fe.model.GbArrhenius laws, double temperatureK) {
        return new FeCase(model, gbWidthNm, laws.at(temperatureK), temperatureK);
    }

    public FeCase withModel(GbModel m) { return new FeCase(m, gbWidthNm, diffusivities, temperatureK); }

    public FeCase withDiffusivities(GbDiffusivities d) { return new FeCase(model, gbWidthNm, d, temperatureK); }
}
