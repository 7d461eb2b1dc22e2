package io.ionstream.engine.potential.mtp;

/** The radial basis sets of MLIP's MTP that this engine evaluates. */
public enum RadialBasisType {
    /** Q_k(r) = s·T_k(ξ)·(R_cut − r)², nothing special below R_min. */
    CHEBYSHEV("RBChebyshev"),
    /**
     * As {@link #CHEBYSHEV} with r clamped to R_min (flat below it) plus MLIP's repulsive pair
     * term 10⁴·(e^{−10(r−1)} − e^{−10(R_min−1)}) for every neighbour closer than R_min.
     */
    CHEBYSHEV_REPULSIVE("RBChebyshev_repuls");

    private final String mlipName;

    RadialBasisType(String mlipName) {
        this.mlipName = mlipName;
    }

    /** The name in {@code .mtp} files. */
    public String mlipName() { return mlipName; }

    /** The type named {@code s} in a file, or null when unknown. */
    public static RadialBasisType fromMlipName(String s) {
        for (RadialBasisType t : values()) if (t.mlipName.equals(s)) return t;
        return null;
    }

    public static String supportedNames() {
        StringBuilder sb = new StringBuilder();
        for (RadialBasisType t : values()) {
            if (!sb.isEmpty()) sb.append(", ");
            sb.append(t.mlipName);
        }
        return sb.toString();
    }
}
