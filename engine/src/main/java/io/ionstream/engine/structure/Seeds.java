package io.ionstream.engine.structure;

import java.util.Random;

/**
 * Independent random streams derived from one user seed, one per construction step, so that
 * changing one step (say, the disorder) does not reshuffle another (the Li split-site choice).
 * {@link Random}'s algorithm is fixed by its specification: same seed, same structure, on every JVM.
 */
final class Seeds {
    static final int SPLIT_SITES = 1, ANION_DISORDER = 2;

    private Seeds() {}

    static Random stream(long seed, int step) {
        long z = seed * 0x9E3779B97F4A7C15L + step * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return new Random(z ^ (z >>> 31));
    }
}
