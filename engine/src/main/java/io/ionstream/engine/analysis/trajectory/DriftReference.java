package io.ionstream.engine.analysis.trajectory;

/**
 * Which centre of mass is subtracted from the diffusing atoms' displacements: none, that of all
 * atoms (LAMMPS {@code compute msd com yes} on group all), or that of the framework (every atom
 * not of the diffusing species: pymatgen's "drift of the framework", the usual choice for ion
 * conductors, where the mobile ions must not define the reference frame).
 */
public enum DriftReference {
    NONE, ALL_ATOMS, FRAMEWORK;

    public static DriftReference parse(String s) {
        return switch (s.toLowerCase(java.util.Locale.ROOT)) {
            case "none", "no", "off" -> NONE;
            case "all", "com", "all-atoms" -> ALL_ATOMS;
            case "framework" -> FRAMEWORK;
            default -> throw new IllegalArgumentException("unknown drift reference '" + s + "' (none, all, framework)");
        };
    }
}
