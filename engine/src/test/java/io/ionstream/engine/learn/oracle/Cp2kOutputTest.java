package io.ionstream.engine.learn.oracle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Parsing of CP2K's printed energy, force table and stress tensor, failed SCFs and broken output. */
class Cp2kOutputTest {
    static List<String> output(boolean converged, int forceRows) {
        List<String> l = new ArrayList<>();
        l.add(converged ? "  *** SCF run converged in    35 steps ***" : "  *** SCF run NOT converged ***");
        l.add(" ENERGY| Total FORCE_EVAL ( QS ) energy [a.u.]:             -2.500000000000000");
        l.add("");
        l.add(" ATOMIC FORCES in [a.u.]");
        l.add("");
        l.add(" # Atom   Kind   Element          X              Y              Z");
        for (int i = 0; i < forceRows; i++) {
            l.add(String.format("      %d      1      Li          %.8f    %.8f    %.8f", i + 1, 0.01 * (i + 1), -0.02, 0.0));
        }
        l.add(" SUM OF ATOMIC FORCES          0.03000000    -0.04000000     0.00000000     0.05000000");
        l.add("");
        l.add(" STRESS| Analytical stress tensor [GPa]");
        l.add(" STRESS|                        x                   y                   z");
        l.add(" STRESS|      x        1.00000000000E+00   2.00000000000E-01   0.00000000000E+00");
        l.add(" STRESS|      y        2.00000000000E-01   2.00000000000E+00   0.00000000000E+00");
        l.add(" STRESS|      z        0.00000000000E+00   0.00000000000E+00   3.00000000000E+00");
        return l;
    }

    @Test
    void parsesEnergyForcesAndStressInEngineUnits() throws Exception {
        Cp2kOutput o = Cp2kOutput.parse(output(true, 2), 2, "test");
        assertFalse(o.notConverged());
        assertEquals(-2.5 * Cp2kUnits.HARTREE_EV, o.energyEv(), 1e-12);
        double[] f = o.forcesEvPerAngstrom();
        assertEquals(6, f.length);
        assertEquals(0.02 * Cp2kUnits.HARTREE_EV / Cp2kUnits.BOHR_ANGSTROM, f[3], 1e-12);
        assertEquals(-0.02 * Cp2kUnits.HARTREE_EV / Cp2kUnits.BOHR_ANGSTROM, f[4], 1e-12);
        double[] w = o.plusStress(100.0);
        // PlusStress order xx yy zz yz xz xy; 1 GPa·Å³ = 1e-21 J
        assertEquals(100 * 1e-21 / 1.602176634e-19, w[0], 1e-12);
        assertEquals(3 * w[0], w[2], 1e-12);
        assertEquals(0.2 * w[0], w[5], 1e-12);
        assertEquals(0.0, w[3], 0.0);
    }

    @Test
    void notConvergedIsFlaggedAndBrokenTablesAreErrors() throws Exception {
        assertTrue(Cp2kOutput.parse(output(false, 2), 2, "test").notConverged());
        OracleException e = assertThrows(OracleException.class, () -> Cp2kOutput.parse(output(true, 1), 2, "out.txt"));
        assertEquals(OracleException.Kind.BAD_OUTPUT, e.kind());
        assertTrue(e.getMessage().contains("out.txt") && e.getMessage().contains("atom 2"), e.getMessage());
        List<String> noEnergy = output(true, 2);
        noEnergy.remove(1);
        assertThrows(OracleException.class, () -> Cp2kOutput.parse(noEnergy, 2, "x"));
    }
}
