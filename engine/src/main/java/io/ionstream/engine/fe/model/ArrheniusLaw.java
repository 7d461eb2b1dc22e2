package io.ionstream.engine.fe.model;

import io.ionstream.engine.units.MetalUnits;

/** D(T) = D0·exp(−Ea / k_B T), Ea in eV, D0 in the caller's diffusivity unit. */
public record ArrheniusLaw(double prefactor, double activationEv) {
    public ArrheniusLaw {
        if (!(prefactor > 0) || !Double.isFinite(prefactor)) throw new IllegalArgumentException("Arrhenius prefactor must be positive, got " + prefactor);
        if (!Double.isFinite(activationEv)) throw new IllegalArgumentException("activation energy must be finite, got " + activationEv);
    }

    public double at(double temperatureK) {
        if (!(temperatureK > 0)) throw new IllegalArgumentException("temperature must be positive, got " + temperatureK + " K");
        return prefactor * Math.exp(-activationEv / (MetalUnits.BOLTZ * temperatureK));
    }
}
