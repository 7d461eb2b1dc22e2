package io.ionstream.engine.potential;

import io.ionstream.engine.system.SpeciesTable;

/**
 * One physics term, in the spirit of a LAMMPS pair style: it declares its range and the list it
 * needs, checks that it covers a system's species, and adds its energy, forces and virial for the
 * atoms of a {@link ForceContext}. Implementations keep their own scratch space and must not
 * allocate per call in steady state.
 *
 * <p>Conventions: forces on ghosts are accumulated and folded back by the platform; the virial is
 * W_ab = Σ_pairs r_ij,a f_ij,b (LAMMPS order xx, yy, zz, xy, xz, yz), energy units eV; half-list
 * terms split a pair's energy equally between its two atoms in the per-atom energies.
 */
public interface Potential {
    /** Short name, LAMMPS-like ("lj/cut", "mtp"). */
    String name();

    /** Largest interaction distance (Å); the list radius is this plus the skin. */
    double cutoff();

    NeighborMode neighborMode();

    /**
     * Throws {@link IllegalArgumentException} naming what is missing when this term cannot
     * handle the given species (no coefficients for a pair, a species the model was not
     * trained on ...).
     */
    void validate(SpeciesTable species);

    void compute(ForceContext ctx, ForceOutput out);

    /**
     * True when the virial follows from the forces on the flat local-plus-ghost atoms
     * (W = Σ x_i ⊗ f_i, LAMMPS's "fdotr"): the {@link ForceField} then computes it once for all
     * such terms, and the term must not add to {@link ForceOutput#virial} itself. Reciprocal-space
     * terms return false and add their own virial.
     */
    default boolean virialFromForces() {
        return neighborMode() != NeighborMode.NONE;
    }
}
