package io.ionstream.engine.analysis.gb;

/**
 * Grain-boundary formation energy γ = (E_GB − E_bulk) / A_tot (seed 001, Eq. 8), with E_bulk the
 * energy of bulk with the same atoms and A_tot = 2 · l_x · l_y for the two boundaries of a periodic
 * bicrystal.
 */
public final class GbEnergy {
    /** eV/Å² to J/m². */
    public static final double EV_PER_A2_TO_J_PER_M2 = 16.021766;

    private GbEnergy() {}

    /** γ in eV/Å² from total energies (eV) and the cross-section (Å). */
    public static double formationEnergy(double eGb, double eBulkSameAtoms, double lx, double ly, int boundaries) {
        if (!(lx > 0 && ly > 0)) throw new IllegalArgumentException("cross-section must be positive, got " + lx + " × " + ly);
        if (boundaries < 1) throw new IllegalArgumentException("number of boundaries must be at least 1");
        return (eGb - eBulkSameAtoms) / (boundaries * lx * ly);
    }

    /** E_bulk for the bicrystal's atom count from a bulk energy per atom. */
    public static double bulkReference(double bulkEnergyPerAtom, int atoms) {
        return bulkEnergyPerAtom * atoms;
    }
}
