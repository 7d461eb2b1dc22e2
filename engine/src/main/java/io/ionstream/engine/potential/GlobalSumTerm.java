package io.ionstream.engine.potential;

import io.ionstream.engine.system.Box;

/**
 * A term whose evaluation needs a sum over all atoms of the system, not only over neighbours
 * (a reciprocal-space sum: the structure factors of an Ewald sum). A domain-decomposed platform
 * evaluates it in three steps with one extra reduction: every subdomain computes
 * {@link #partialSums} over its own atoms, the vectors are added element-wise in a fixed order,
 * then every subdomain applies {@link #applyForces} to its own atoms and exactly one adds the
 * global {@link #addEnergyAndVirial}. {@link Potential#compute} does all three on one system.
 * Between the partial sums and the forces the atoms must not move.
 */
public interface GlobalSumTerm extends Potential {
    /** Prepares for the cell (e.g. its k-vectors) and returns the length of the partial-sum vector. */
    int prepare(Box box);

    /** Writes this context's local atoms' share of the global sums into {@code out[0 .. prepare(box))}. */
    void partialSums(ForceContext ctx, double[] out);

    /** Adds the forces (and per-atom energies when requested) on the context's local atoms, from the total sums. */
    void applyForces(ForceContext ctx, double[] totals, ForceOutput out);

    /** Adds the term's global energy and virial, from the total sums (once per evaluation, globally). */
    void addEnergyAndVirial(double[] totals, ForceOutput out);

    /** Global-sum terms compute their own virial. */
    @Override
    default boolean virialFromForces() {
        return false;
    }
}
