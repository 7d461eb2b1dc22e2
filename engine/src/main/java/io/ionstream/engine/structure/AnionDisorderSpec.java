package io.ionstream.engine.structure;

/** How the X (4a) / S (4c) anion sites of an argyrodite are occupied. */
public sealed interface AnionDisorderSpec {
    /** Every X on 4a, every free S on 4c. */
    record Ordered() implements AnionDisorderSpec {}

    /** {@code round(fraction · N)} randomly chosen 4a X exchanged with as many randomly chosen 4c S. */
    record RandomFraction(double fraction) implements AnionDisorderSpec {
        public RandomFraction {
            if (!(fraction >= 0 && fraction <= 1)) throw new IllegalArgumentException("disorder fraction must be in [0, 1], got " + fraction);
        }
    }

    /** The same characteristic configuration in every conventional cell (a periodic superstructure). */
    record Uniform(AnionConfiguration configuration) implements AnionDisorderSpec {}

    /**
     * Kim et al.'s "random structure": each conventional cell of the supercell gets one of the six
     * configurations, in numbers proportional to {@code weights} (largest-remainder rounding,
     * order of {@link AnionConfiguration#values()}), cells shuffled, each in a random
     * symmetry-equivalent orientation (a random F-43m operation applied to its pattern).
     */
    record Mixed(double[] weights) implements AnionDisorderSpec {
        public Mixed {
            if (weights.length != AnionConfiguration.values().length) {
                throw new IllegalArgumentException("random structure needs " + AnionConfiguration.values().length
                    + " weights (0%, 25%, 50% P2_12_12, 50% P2mm, 75%, 100%), got " + weights.length);
            }
            double s = 0;
            for (double w : weights) {
                if (!(w >= 0) || !Double.isFinite(w)) throw new IllegalArgumentException("random-structure weights must be non-negative, got " + w);
                s += w;
            }
            if (!(s > 0)) throw new IllegalArgumentException("random-structure weights are all zero");
            weights = weights.clone();
        }
    }
}
