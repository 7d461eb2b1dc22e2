package io.ionstream.engine.structure;

/** Where the argyrodite's 24 Li per cell sit. */
public enum LithiumSites {
    /** The high-symmetry model: Li on 24g (x, ¼, ¼), fully occupied. */
    G24,
    /**
     * The real structure: Li split over 48h (x, x, z), half occupied: the two 48h positions
     * flanking each 24g site form a pair of which exactly one is taken (seeded), subject to a
     * minimum Li–Li distance.
     */
    H48;

    public static LithiumSites of(String s) {
        return switch (s.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "24g", "g24" -> G24;
            case "48h", "h48" -> H48;
            default -> throw new IllegalArgumentException("unknown Li site model '" + s + "' (24g or 48h)");
        };
    }
}
