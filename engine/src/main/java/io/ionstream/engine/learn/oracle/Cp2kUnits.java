package io.ionstream.engine.learn.oracle;

/**
 * CP2K's output units (CODATA 2018, as CP2K 2023 uses them) converted to the engine's metal
 * units at the oracle's edge.
 */
final class Cp2kUnits {
    private Cp2kUnits() {}

    /** Hartree in eV. */
    static final double HARTREE_EV = 27.211386245988;
    /** Bohr radius in Å. */
    static final double BOHR_ANGSTROM = 0.529177210903;
    /** Hartree/bohr in eV/Å. */
    static final double FORCE_AU_EV_PER_ANGSTROM = HARTREE_EV / BOHR_ANGSTROM;
    /** 1 GPa·Å³ in eV (10⁹ Pa · 10⁻³⁰ m³ / e). */
    static final double GPA_A3_EV = 1.0e-21 / 1.602176634e-19;
}
