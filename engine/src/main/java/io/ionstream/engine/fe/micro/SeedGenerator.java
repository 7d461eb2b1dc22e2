package io.ionstream.engine.fe.micro;

import java.util.SplittableRandom;

/** Voronoi seeds in the unit cube (fractional coordinates) for a {@link Seeding} strategy. */
public final class SeedGenerator {
    private SeedGenerator() {}

    /**
     * @param grains         number of seeds (grains)
     * @param seed           random seed (random positions, Halton shift, Lloyd start)
     * @param lloydIterations relaxation sweeps for {@link Seeding#LLOYD} (ignored otherwise)
     * @return 3·grains fractional coordinates in [0, 1)
     */
    public static double[] generate(int grains, Seeding seeding, long seed, int lloydIterations) {
        if (grains < 1) throw new IllegalArgumentException("number of grains must be ≥ 1, got " + grains);
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] s = new double[3 * grains];
        switch (seeding) {
            case RANDOM, LLOYD -> {
                for (int i = 0; i < s.length; i++) s[i] = rnd.nextDouble();
                if (seeding == Seeding.LLOYD) relax(s, lloydIterations);
            }
            case HALTON -> {
                // a random start in the sequence gives a different point set per seed (a shift alone would only translate it)
                long start = 1 + rnd.nextInt(1 << 16);
                double[] shift = {rnd.nextDouble(), rnd.nextDouble(), rnd.nextDouble()};
                int[] base = {2, 3, 5};
                for (int i = 0; i < grains; i++)
                    for (int a = 0; a < 3; a++) {
                        double v = radicalInverse(start + i, base[a]) + shift[a];
                        s[3 * i + a] = v - Math.floor(v);
                    }
            }
        }
        return s;
    }

    static double radicalInverse(long i, int base) {
        double f = 1.0 / base, r = 0;
        while (i > 0) {
            r += f * (i % base);
            i /= base;
            f /= base;
        }
        return r;
    }

    /**
     * Lloyd relaxation: each seed moves to the centroid of its periodic Voronoi cell, sampled on
     * a grid of about 10 points per grain spacing (mean of minimum-image offsets from the seed).
     */
    static void relax(double[] s, int iterations) {
        int grains = s.length / 3;
        int m = (int) Math.min(64, Math.max(24, Math.ceil(10 * Math.cbrt(grains))));
        for (int it = 0; it < iterations; it++) {
            PeriodicVoronoi vor = new PeriodicVoronoi(s, 1.0);
            double[] sum = new double[3 * grains];
            long[] cnt = new long[grains];
            for (int k = 0; k < m; k++)
                for (int j = 0; j < m; j++)
                    for (int i = 0; i < m; i++) {
                        double x = (i + 0.5) / m, y = (j + 0.5) / m, z = (k + 0.5) / m;
                        int g = vor.nearest(x, y, z);
                        sum[3 * g] += minImage(x - vor.seed(g, 0));
                        sum[3 * g + 1] += minImage(y - vor.seed(g, 1));
                        sum[3 * g + 2] += minImage(z - vor.seed(g, 2));
                        cnt[g]++;
                    }
            for (int g = 0; g < grains; g++) {
                if (cnt[g] == 0) continue;
                for (int a = 0; a < 3; a++) {
                    double v = vor.seed(g, a) + sum[3 * g + a] / cnt[g];
                    s[3 * g + a] = v - Math.floor(v);
                }
            }
        }
    }

    private static double minImage(double d) {
        return d - Math.rint(d);
    }
}
