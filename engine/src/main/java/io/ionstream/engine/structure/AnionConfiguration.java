package io.ionstream.engine.structure;

/**
 * Kim et al.'s six characteristic anion-site configurations of one conventional argyrodite cell
 * (seed 003, Table 1): which of the four 4a sites a_k = t_k and four 4c sites c_k = t_k + (¼,¼,¼)
 * (t_k the F-centring translations (0,0,0), (0,½,½), (½,0,½), (½,½,0)) exchange X and S.
 *
 * <p>Derivation. One exchange: every 4c site lies on a 3-fold axis through every 4a site (modulo
 * the cubic cell), so a single swap keeps one 3-fold axis and the three mirrors containing it:
 * R3m; three swaps leave one unswapped pair on such an axis: R3m again. Two swaps (36 ways, two
 * classes): the two 4a sites differ by ½⟨110⟩ and so do the two 4c sites. When the two
 * differences are parallel or perpendicular (12 ways, one class under the -4 axes), the cell keeps
 * the 2-fold axis along the cube edge normal to both, the two diagonal mirrors through it and the
 * translation ½⟨110⟩: the seed's P2mm (Pmm2 in a cell half the size). When they make 60° (24 ways)
 * it keeps three perpendicular 2-fold axes along the cube edges: point group 222 as the seed's
 * P2₁2₁2 says, though only one of the axes is a screw, which makes the space group P222₁. The
 * tests check all of this numerically on the built cell.
 */
public enum AnionConfiguration {
    ORDERED("0%", "F-43m", new int[] {}, new int[] {}),
    R3M_25("25%", "R3m", new int[] {0}, new int[] {0}),
    P21212_50("50%", "P2_12_12", new int[] {0, 3}, new int[] {0, 1}),
    P2MM_50("50%", "P2mm", new int[] {0, 3}, new int[] {0, 3}),
    R3M_75("75%", "R3m", new int[] {0, 1, 2}, new int[] {0, 1, 2}),
    INVERTED_100("100%", "F-43m", new int[] {0, 1, 2, 3}, new int[] {0, 1, 2, 3});

    private final String label;
    private final String spaceGroup;
    private final int[] swapped4a;
    private final int[] swapped4c;

    AnionConfiguration(String label, String spaceGroup, int[] swapped4a, int[] swapped4c) {
        this.label = label;
        this.spaceGroup = spaceGroup;
        this.swapped4a = swapped4a;
        this.swapped4c = swapped4c;
    }

    /** X on 4c, e.g. "50%". */
    public String label() { return label; }

    /** The space group Kim et al. give for the configuration. */
    public String spaceGroup() { return spaceGroup; }

    /** Fraction of the 4c sites holding X. */
    public double fraction() { return swapped4a.length / 4.0; }

    /** Indices k of the 4a sites that hold S instead of X. */
    public int[] swapped4a() { return swapped4a.clone(); }

    /** Indices k of the 4c sites that hold X instead of S. */
    public int[] swapped4c() { return swapped4c.clone(); }

    /** Name for the command line: "0", "25", "50-p21212", "50-p2mm", "75", "100". */
    public String key() {
        return switch (this) {
            case ORDERED -> "0";
            case R3M_25 -> "25";
            case P21212_50 -> "50-p21212";
            case P2MM_50 -> "50-p2mm";
            case R3M_75 -> "75";
            case INVERTED_100 -> "100";
        };
    }

    public static AnionConfiguration of(String key) {
        for (AnionConfiguration c : values()) {
            if (c.key().equalsIgnoreCase(key.strip()) || c.name().equalsIgnoreCase(key.strip())) return c;
        }
        StringBuilder sb = new StringBuilder();
        for (AnionConfiguration c : values()) sb.append(sb.isEmpty() ? "" : ", ").append(c.key());
        throw new IllegalArgumentException("unknown anion configuration '" + key + "' (one of " + sb + ")");
    }
}
