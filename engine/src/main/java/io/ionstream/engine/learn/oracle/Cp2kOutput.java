package io.ionstream.engine.learn.oracle;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What a CP2K {@code ENERGY_FORCE} run printed, in CP2K's units: the total energy (Hartree), the
 * {@code ATOMIC FORCES in [a.u.]} table (Hartree/bohr) and the analytical stress tensor (GPa),
 * plus whether any SCF failed to converge. Parsing is strict: a missing block or a row that does
 * not parse is an error naming the line.
 */
record Cp2kOutput(double energyHartree, double[] forcesAu, double[] stressGpa, boolean notConverged) {
    private static final String ENERGY = "ENERGY| Total FORCE_EVAL ( QS ) energy";
    private static final String FORCES = "ATOMIC FORCES in [a.u.]";
    private static final String STRESS = "STRESS| Analytical stress tensor [GPa]";

    static Cp2kOutput read(Path file, int atoms) throws OracleException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new OracleException(OracleException.Kind.BAD_OUTPUT, "cannot read CP2K output " + file + ": " + e.getMessage());
        }
        return parse(lines, atoms, file.toString());
    }

    static Cp2kOutput parse(List<String> lines, int atoms, String source) throws OracleException {
        boolean notConverged = false;
        double energy = Double.NaN;
        double[] forces = null, stress = null;
        for (int i = 0; i < lines.size(); i++) {
            String s = lines.get(i);
            if (s.contains("SCF run NOT converged") || s.contains("outer SCF loop FAILED to converge")) notConverged = true;
            if (s.contains(ENERGY)) {
                energy = number(last(s), source, i);
            } else if (s.contains(FORCES)) {
                forces = new double[3 * atoms];
                int k = i + 1;
                while (k < lines.size() && !lines.get(k).strip().startsWith("# Atom")) k++;
                for (int a = 0; a < atoms; a++) {
                    int row = k + 1 + a;
                    if (row >= lines.size()) throw bad(source, row, "the force table ends after " + a + " of " + atoms + " atoms");
                    String[] f = lines.get(row).strip().split("\\s+");
                    if (f.length < 6 || !f[0].equals(Integer.toString(a + 1))) {
                        throw bad(source, row, "expected the force row of atom " + (a + 1) + ", found '" + lines.get(row).strip() + "'");
                    }
                    for (int d = 0; d < 3; d++) forces[3 * a + d] = number(f[f.length - 3 + d], source, row);
                }
                i = k + atoms;
            } else if (s.contains(STRESS)) {
                stress = new double[9];
                for (int r = 0; r < 3; r++) {
                    int row = i + 2 + r;
                    if (row >= lines.size()) throw bad(source, row, "the stress tensor is truncated");
                    String[] f = lines.get(row).strip().split("\\s+");
                    if (f.length != 5) throw bad(source, row, "expected a stress row 'STRESS| x a b c', found '" + lines.get(row).strip() + "'");
                    for (int c = 0; c < 3; c++) stress[3 * r + c] = number(f[2 + c], source, row);
                }
                i += 4;
            }
        }
        if (Double.isNaN(energy) && !notConverged) throw bad(source, lines.size(), "no total energy ('" + ENERGY + "')");
        if (forces == null && !notConverged) throw bad(source, lines.size(), "no force table ('" + FORCES + "')");
        return new Cp2kOutput(energy, forces, stress, notConverged);
    }

    private static String last(String s) {
        String[] f = s.strip().split("\\s+");
        return f[f.length - 1];
    }

    private static double number(String s, String source, int line) throws OracleException {
        try {
            double v = Double.parseDouble(s);
            if (!Double.isFinite(v)) throw bad(source, line + 1, "non-finite number '" + s + "'");
            return v;
        } catch (NumberFormatException e) {
            throw bad(source, line + 1, "'" + s + "' is not a number");
        }
    }

    private static OracleException bad(String source, int line, String problem) {
        return new OracleException(OracleException.Kind.BAD_OUTPUT, source + ":" + line + ": " + problem);
    }

    /** Energy in eV. */
    double energyEv() { return energyHartree * Cp2kUnits.HARTREE_EV; }

    /** Forces in eV/Å. */
    double[] forcesEvPerAngstrom() {
        double[] f = forcesAu.clone();
        for (int i = 0; i < f.length; i++) f[i] *= Cp2kUnits.FORCE_AU_EV_PER_ANGSTROM;
        return f;
    }

    /**
     * MLIP PlusStress (virial, eV; xx yy zz yz xz xy) of a cell of volume {@code volume} Å³, or null
     * without a stress tensor. CP2K prints the stress with the pressure sign (positive when the cell
     * is compressed and pushes outwards), so W = σ·V.
     */
    double[] plusStress(double volume) {
        if (stressGpa == null) return null;
        double k = volume * Cp2kUnits.GPA_A3_EV;
        double[] s = stressGpa;
        return new double[] {s[0] * k, s[4] * k, s[8] * k, 0.5 * (s[5] + s[7]) * k, 0.5 * (s[2] + s[6]) * k,
            0.5 * (s[1] + s[3]) * k};
    }
}
