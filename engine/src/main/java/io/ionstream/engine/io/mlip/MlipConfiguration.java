package io.ionstream.engine.io.mlip;

import io.ionstream.engine.system.AtomSystem;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One configuration of an MLIP {@code .cfg} file: the atoms as an engine {@link AtomSystem} (in
 * file order, positions in the system's LAMMPS-aligned frame) plus what the file carried with
 * them: energy, forces and MLIP "PlusStress" (the virial in eV, order xx yy zz yz xz xy), the
 * {@code Feature} lines (e.g. {@code MV_grade}) and extra per-atom columns (e.g.
 * {@code nbh_grades}).
 *
 * <p>MLIP cells may point anywhere; the engine's box is LAMMPS-aligned, so positions are rotated
 * into that frame by {@link #rotation()} (identity for cells that are already aligned). Forces
 * and stresses stored here are in the <em>file's</em> frame; {@link #toFileFrame} and
 * {@link #virialToFileFrame} turn engine results back into it.
 */
public final class MlipConfiguration {
    private final AtomSystem system;
    private final double[] rotation;
    private final double[][] lattice;
    private final double energy;
    private final double[] forces;
    private final double[] plusStress;
    private final Map<String, String> features;
    private final Map<String, double[]> atomColumns;
    private final int line;

    /**
     * @param rotation row-major 3×3 taking file-frame vectors into the system's frame, or null
     *                 for the identity
     * @param lattice  the file's cell vectors as rows (null for a non-periodic configuration)
     * @param energy   NaN when the file has no energy
     * @param forces   interleaved, file frame, or null
     * @param plusStress MLIP order xx yy zz yz xz xy, or null
     * @param line     1-based line of {@code BEGIN_CFG} (0 when built in memory)
     */
    public MlipConfiguration(AtomSystem system, double[] rotation, double[][] lattice, double energy, double[] forces,
                             double[] plusStress, Map<String, String> features, Map<String, double[]> atomColumns,
                             int line) {
        this.system = system;
        this.rotation = rotation;
        this.lattice = lattice;
        this.energy = energy;
        this.forces = forces;
        this.plusStress = plusStress;
        this.features = Collections.unmodifiableMap(new LinkedHashMap<>(features));
        this.atomColumns = Collections.unmodifiableMap(new LinkedHashMap<>(atomColumns));
        this.line = line;
    }

    public AtomSystem system() { return system; }

    public int size() { return system.size(); }

    /** Row-major rotation from the file's frame to the system's, or null for the identity. */
    public double[] rotation() { return rotation == null ? null : rotation.clone(); }

    /** The file's cell vectors as rows, or null when the configuration is not periodic. */
    public double[][] lattice() {
        if (lattice == null) return null;
        return new double[][] {lattice[0].clone(), lattice[1].clone(), lattice[2].clone()};
    }

    public boolean isPeriodic() { return lattice != null; }

    public boolean hasEnergy() { return !Double.isNaN(energy); }

    /** Reference energy (eV), NaN when absent. */
    public double energy() { return energy; }

    /** Reference forces (eV/Å, interleaved, file frame, file atom order), or null. */
    public double[] forces() { return forces; }

    /** Reference PlusStress (virial, eV; xx yy zz yz xz xy), or null. */
    public double[] plusStress() { return plusStress; }

    /** Feature lines, name to value, in file order. */
    public Map<String, String> features() { return features; }

    /** Extra per-atom columns (beyond id, type, positions, forces), name to values in atom order. */
    public Map<String, double[]> atomColumns() { return atomColumns; }

    /** 1-based line of this configuration's {@code BEGIN_CFG}. */
    public int line() { return line; }

    /** A copy with an extra per-atom column added or replaced (e.g. {@code nbh_grades}). */
    public MlipConfiguration withAtomColumn(String name, double[] values) {
        if (values.length != size()) {
            throw new IllegalArgumentException("column " + name + " has " + values.length + " values for " + size() + " atoms");
        }
        if (name.isBlank() || name.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("column name '" + name + "' must be one word");
        }
        Map<String, double[]> cols = new LinkedHashMap<>(atomColumns);
        cols.put(name, values.clone());
        return new MlipConfiguration(system, rotation, lattice, energy, forces, plusStress, features, cols, line);
    }

    /** A copy with a feature added or replaced (e.g. {@code MV_grade}). */
    public MlipConfiguration withFeature(String name, String value) {
        if (name.isBlank() || name.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("feature name '" + name + "' must be one word");
        }
        Map<String, String> f = new LinkedHashMap<>(features);
        f.put(name, value);
        return new MlipConfiguration(system, rotation, lattice, energy, forces, plusStress, f, atomColumns, line);
    }

    /**
     * A copy carrying the given energy (NaN: none), forces (file frame, or null) and PlusStress
     * (MLIP order, or null).
     */
    public MlipConfiguration withEnergyForcesStress(double e, double[] f, double[] stress) {
        if (f != null && f.length < 3 * size()) throw new IllegalArgumentException("forces for " + f.length / 3 + " atoms, need " + size());
        if (stress != null && stress.length != 6) throw new IllegalArgumentException("PlusStress needs 6 components");
        return new MlipConfiguration(system, rotation, lattice, e, f == null ? null : java.util.Arrays.copyOf(f, 3 * size()),
            stress == null ? null : stress.clone(), features, atomColumns, line);
    }

    /**
     * Converts interleaved vectors (n atoms) from the system's frame to the file's, in place:
     * v ← Rᵀ v.
     */
    public void toFileFrame(double[] v, int n) {
        if (rotation == null) return;
        double[] r = rotation;
        for (int i = 0, k = 0; i < n; i++, k += 3) {
            double x = v[k], y = v[k + 1], z = v[k + 2];
            v[k] = r[0] * x + r[3] * y + r[6] * z;
            v[k + 1] = r[1] * x + r[4] * y + r[7] * z;
            v[k + 2] = r[2] * x + r[5] * y + r[8] * z;
        }
    }

    /**
     * The virial of the system (LAMMPS order xx, yy, zz, xy, xz, yz, system frame) as MLIP prints
     * PlusStress: file frame, order xx yy zz yz xz xy.
     */
    public double[] virialToFileFrame(double[] lammpsVirial) {
        double[][] w = {
            {lammpsVirial[0], lammpsVirial[3], lammpsVirial[4]},
            {lammpsVirial[3], lammpsVirial[1], lammpsVirial[5]},
            {lammpsVirial[4], lammpsVirial[5], lammpsVirial[2]}};
        if (rotation != null) {
            // W_file = Rᵀ W R
            double[][] t = new double[3][3], o = new double[3][3];
            for (int a = 0; a < 3; a++)
                for (int b = 0; b < 3; b++) {
                    double s = 0;
                    for (int c = 0; c < 3; c++) s += w[a][c] * rotation[3 * c + b];
                    t[a][b] = s;
                }
            for (int a = 0; a < 3; a++)
                for (int b = 0; b < 3; b++) {
                    double s = 0;
                    for (int c = 0; c < 3; c++) s += rotation[3 * c + a] * t[c][b];
                    o[a][b] = s;
                }
            w = o;
        }
        return new double[] {w[0][0], w[1][1], w[2][2], w[1][2], w[0][2], w[0][1]};
    }
}
