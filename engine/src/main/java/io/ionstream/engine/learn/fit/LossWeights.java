package io.ionstream.engine.learn.fit;

/**
 * Weights of the training loss, per configuration of N atoms:
 * <pre>
 *   w_E·(E − E_ref)²/N^p + w_F·Σ_i |F_i − F_i,ref|² + w_S·Σ_ab (W_ab − W_ab,ref)²/N^p
 * </pre>
 * (W the PlusStress virial, six components; the stress term only where the configuration has a
 * reference stress). Defaults are MLIP's weights 1, 0.01, 0.001 with p = 2, i.e. energies and
 * virials per atom.
 */
public record LossWeights(double energy, double force, double stress, double scalingPower) {
    public LossWeights {
        if (!(energy >= 0 && force >= 0 && stress >= 0) || energy + force + stress == 0) {
            throw new IllegalArgumentException("loss weights must be non-negative and not all zero, got energy " + energy
                + ", force " + force + ", stress " + stress);
        }
        if (!(scalingPower >= 0 && scalingPower <= 2)) {
            throw new IllegalArgumentException("weight scaling power must be in [0, 2], got " + scalingPower);
        }
    }

    public static LossWeights defaults() {
        return new LossWeights(1.0, 0.01, 0.001, 2.0);
    }

    /** w_E/N^p. */
    double energyWeight(int atoms) { return energy / Math.pow(atoms, scalingPower); }

    /** w_S/N^p. */
    double stressWeight(int atoms) { return stress / Math.pow(atoms, scalingPower); }
}
