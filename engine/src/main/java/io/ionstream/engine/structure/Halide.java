package io.ionstream.engine.structure;

/**
 * The halide X of Li6PS5X with its default cubic lattice constant (Å).
 *
 * <p>Cl: 10.25 Å, the PBE lattice constant of the symmetric F-43m structure (Ou et al., seed 001,
 * Table IV: DFT 10.246 Å, MTP 10.264 Å); the in-plane sizes of that paper's grain-boundary cells
 * (Table II) are built on it. No seed reports PBE lattice constants for Br and I. I: the Cl value
 * scaled by the ratio of Morgan's PBE AIMD cells (20.433 Å for Li6PS5I over 20.3124 Å for
 * Li6PS5Cl, {@code ../shared/external-trajectories/README.md}): 10.31 Å. Br: interpolated
 * between Cl and I linearly in the Shannon ionic radius of the halide (Cl⁻ 1.81, Br⁻ 1.96,
 * I⁻ 2.20 Å): 10.27 Å. Override with an explicit lattice constant when a potential has its own.
 */
public enum Halide {
    CL("Cl", 10.25),
    BR("Br", 10.27),
    I("I", 10.31);

    private final String symbol;
    private final double defaultLattice;

    Halide(String symbol, double defaultLattice) {
        this.symbol = symbol;
        this.defaultLattice = defaultLattice;
    }

    public String symbol() { return symbol; }

    public double defaultLattice() { return defaultLattice; }

    public static Halide of(String symbol) {
        for (Halide h : values()) {
            if (h.symbol.equalsIgnoreCase(symbol.strip())) return h;
        }
        throw new IllegalArgumentException("unknown halide '" + symbol + "' (one of Cl, Br, I)");
    }
}
