package io.ionstream.engine.potential.mtp;

import java.util.SplittableRandom;

/**
 * Fills an untrained MTP template with reproducible pseudo-random coefficients (uniform in
 * ±amplitude, from a seed): a physically meaningless but fully defined potential with the
 * template's exact contraction structure, for benchmarks and tests of indexing.
 */
public final class RandomCoefficients {
    private RandomCoefficients() {}

    public static MtpModel fill(MtpModel template, long seed, double amplitude) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] radial = new double[template.radialCoeffCount()];
        double[] species = new double[template.speciesCount()];
        double[] moments = new double[template.scalarMoments()];
        for (double[] a : new double[][] {radial, species, moments}) {
            for (int i = 0; i < a.length; i++) a[i] = amplitude * (2 * rnd.nextDouble() - 1);
        }
        return template.withCoefficients(radial, species, moments);
    }
}
