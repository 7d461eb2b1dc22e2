package io.ionstream.engine.fe.micro;

/**
 * How Voronoi seeds are placed in the periodic cell: uniformly at random (a Poisson-Voronoi
 * tessellation, for which S_V·d = 2.9105), as a Halton sequence (bases 2, 3, 5) from a random start with a random
 * shift (quasi-random: more even cell sizes), or random seeds relaxed by Lloyd iterations towards a
 * centroidal tessellation (the most regular grains).
 */
public enum Seeding {
    RANDOM, HALTON, LLOYD;

    public static Seeding parse(String s) {
        for (Seeding v : values()) if (v.name().equalsIgnoreCase(s)) return v;
        throw new IllegalArgumentException("unknown seeding '" + s + "' (random, halton or lloyd)");
    }
}
