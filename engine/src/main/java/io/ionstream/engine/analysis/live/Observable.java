package io.ionstream.engine.analysis.live;

/**
 * A quantity computed live from a running simulation as a fixed-length vector of partial sums
 * per subdomain. Every subdomain adds its contribution ({@link #accumulate}) from its local atoms
 * (and ghosts, for neighbourhoods); the partial vectors are summed element by element in any
 * order; {@link #finish} turns the total into values. Because only sums cross subdomain borders,
 * the values do not depend on the decomposition (integer counts exactly, real sums to round-off).
 *
 * <p>Observables that need memory per atom (a reference position, a current cage) declare a
 * {@link #stateWidth()}: that many doubles per atom that travel with the atom between subdomains
 * (see {@link LocalAtoms#state}), set by {@link #initState} and possibly updated by
 * {@link #accumulate}.
 */
public interface Observable {
    /** Short name, e.g. "thermo", "msd", "reduction". */
    String name();

    /** Names of the values {@link #finish} writes, in order. */
    String[] valueNames();

    /** Length of the partial-sum vector. */
    int partialLength();

    /** Neighbour (halo) radius this observable needs, Å; 0 when it reads no neighbours. */
    default double neighborRadius() { return 0; }

    /** Per-atom state doubles this observable keeps. */
    default int stateWidth() { return 0; }

    /** Initialises the per-atom state of the local atoms at {@code state[i * stride + column …]}. */
    default void initState(LocalAtoms atoms, int column) {}

    /** Adds this subdomain's contribution into {@code partial[offset .. offset + partialLength())}. */
    void accumulate(LocalAtoms atoms, int column, double[] partial, int offset);

    /** Values from the summed partials {@code total[offset …]} into {@code values} (length of {@link #valueNames}). */
    void finish(double[] total, int offset, GlobalFrame frame, double[] values);
}
