package io.ionstream.engine.units;

/**
 * LAMMPS {@code units metal}: distance Å, energy eV, time ps, mass amu (g/mol), temperature K,
 * pressure bar, charge e. Every conversion constant of the engine lives here and has the value
 * LAMMPS uses, so that our numbers compare with LAMMPS's to round-off.
 */
public final class MetalUnits {
    private MetalUnits() {}

    /** Boltzmann constant, eV/K. */
    public static final double BOLTZ = 8.617343e-5;
    /** amu·Å²/ps² to eV (kinetic energy = ½ MVV2E m v²). */
    public static final double MVV2E = 1.0364269e-4;
    /** eV/Å / amu to Å/ps² (a = FTM2V f / m). */
    public static final double FTM2V = 1.0 / 1.0364269e-4;
    /** eV/Å³ to bar. */
    public static final double NKTV2P = 1.6021765e6;
    /** Coulomb constant e²/Å to eV. */
    public static final double QQR2E = 14.399645;
    /** amu/Å³ to g/cm³. */
    public static final double MV2D = 1.0 / 0.602214129;
    /** One femtosecond in ps. */
    public static final double FEMTOSECOND = 1.0e-3;
    /** Å²/ps to cm²/s. */
    public static final double A2_PER_PS_TO_CM2_PER_S = 1.0e-4;
    /** Elementary charge in C (for conductivities in SI). */
    public static final double ELEMENTARY_CHARGE_C = 1.602176634e-19;
    /** Boltzmann constant in J/K. */
    public static final double BOLTZ_J_PER_K = 1.380649e-23;
}
