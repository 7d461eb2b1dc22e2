package io.ionstream.engine.io.xyz;

import io.ionstream.engine.system.AtomSystem;
import java.util.Map;

/**
 * One extended XYZ frame: the atoms (positions, and velocities, forces, charges, ids, image
 * flags when the file has them) in our LAMMPS-aligned frame, and the comment line's remaining
 * {@code key=value} pairs ({@code info}: energy, stress, anything else, in file order, as text).
 *
 * <p>When the file's cell was not aligned, positions, velocities and forces were rotated by
 * {@code rotation} (3x3 row-major, ours = R · file) and the {@code stress} and {@code virial}
 * info entries were rewritten as 9 rotated components, so that everything is in one frame.
 *
 * @param pbc    periodicity flags from the file ({@code T T T} when absent)
 * @param images whether the file had an {@code image} column (then positions plus image flags
 *               are continuous unwrapped coordinates)
 */
public record ExtXyzFrame(AtomSystem system, Map<String, String> info, boolean[] pbc, double[] rotation, boolean images) {

    /** The {@code energy} entry in eV, or NaN when absent. */
    public double energy() {
        String e = entry("energy");
        if (e == null) return Double.NaN;
        try {
            return Double.parseDouble(e);
        } catch (NumberFormatException ex) {
            throw new IllegalArgumentException("info entry energy='" + e + "' is not a number");
        }
    }

    /** The MD step from a {@code step} entry, or -1. */
    public long step() {
        String s = entry("step");
        if (s == null) return -1;
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException ex) {
            return -1;
        }
    }

    /** The time in ps from a {@code time_ps} entry, or NaN. */
    public double timePs() {
        String s = entry("time_ps");
        if (s == null) return Double.NaN;
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException ex) {
            return Double.NaN;
        }
    }

    /**
     * The {@code stress} entry as a 3x3 row-major tensor (9 components, or 6 in Voigt order
     * xx yy zz yz xz xy), or null when absent. Units as in the file (ASE: eV/Å³).
     */
    public double[] stress() {
        String s = entry("stress");
        return s == null ? null : ExtXyzReader.tensor(s, "stress", "info", 0);
    }

    /** True when every direction is periodic. */
    public boolean fullyPeriodic() {
        return pbc[0] && pbc[1] && pbc[2];
    }

    private String entry(String key) {
        for (Map.Entry<String, String> e : info.entrySet()) {
            if (e.getKey().equalsIgnoreCase(key)) return e.getValue();
        }
        return null;
    }
}
