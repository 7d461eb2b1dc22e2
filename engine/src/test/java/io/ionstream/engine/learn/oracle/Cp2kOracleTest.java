package io.ionstream.engine.learn.oracle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ionstream.engine.io.mlip.MlipConfiguration;
import io.ionstream.engine.learn.Snapshot;
import io.ionstream.engine.system.AtomSystem;
import io.ionstream.engine.system.Box;
import io.ionstream.engine.system.SpeciesTable;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built-in CP2K oracle on a real GFN1-xTB single point of a tiny Li2S cell (skipped when
 * CP2K is not installed): a complete label with momentum-free forces; and (slow) forces and the
 * stress against finite differences of CP2K's own energies.
 */
class Cp2kOracleTest {
    @TempDir
    Path tmp;

    static Cp2kOracle xtb() {
        Assumptions.assumeTrue(Cp2kOracle.installed(), "CP2K (cp2k.psmp or cp2k) is not installed: apt-get install cp2k cp2k-data");
        return new Cp2kOracle(Cp2kSettings.of(Cp2kMethod.XTB, 2, 600));
    }

    /** Antifluorite Li2S primitive-ish cubic cell (4 Li, 2 S in a 4.04 Å simple-cubic stacking), slightly displaced. */
    static MlipConfiguration li2s(double scale, double shift) {
        double a = 5.70 * scale;
        AtomSystem s = new AtomSystem(SpeciesTable.of("Li", "S"), Box.orthorhombic(a, a, a), 12);
        double[][] fcc = {{0, 0, 0}, {0, .5, .5}, {.5, 0, .5}, {.5, .5, 0}};
        for (double[] p : fcc) s.add(1, p[0] * a, p[1] * a, p[2] * a);
        for (double[] p : fcc) {
            s.add(0, (p[0] + .25) * a, (p[1] + .25) * a, (p[2] + .25) * a);
            s.add(0, (p[0] + .75) * a, (p[1] + .75) * a, (p[2] + .75) * a);
        }
        s.x()[0] += 0.08 + shift;
        s.x()[13] -= 0.05;
        return Snapshot.of(s);
    }

    @Test
    void xtbSinglePointGivesACompleteLabel() throws Exception {
        Label l = xtb().label(li2s(1.0, 0), tmp.resolve("w"));
        assertTrue(Double.isFinite(l.energy()) && l.energy() < 0, "energy " + l.energy());
        assertEquals(36, l.forces().length);
        assertNotNull(l.plusStress());
        double[] sum = new double[3];
        for (int i = 0; i < 12; i++) for (int d = 0; d < 3; d++) sum[d] += l.forces()[3 * i + d];
        for (int d = 0; d < 3; d++) assertEquals(0, sum[d], 1e-3, "net force");
        assertTrue(Math.abs(l.forces()[0]) > 0.01, "the displaced S atom feels a force");
    }

    @Test
    @Tag("slow")
    void forcesAndStressMatchFiniteDifferencesOfTheEnergy() throws Exception {
        // finite differences of energies need tighter SCF convergence than labels do (the energy noise at
        // EPS_SCF 1e-6 is ~1e-5 Ha, enough to spoil a difference over 0.02 Å; the forces do not change)
        Cp2kOracle o = new Cp2kOracle(xtb().settings().withTemplate(Cp2kMethod.XTB.templateText()
            .replace("EPS_SCF 1.0E-6", "EPS_SCF 1.0E-9")));
        double h = 0.01;
        Label l = o.label(li2s(1.0, 0), tmp.resolve("c"));
        double ep = o.label(li2s(1.0, h), tmp.resolve("p")).energy(), em = o.label(li2s(1.0, -h), tmp.resolve("m")).energy();
        assertEquals(-(ep - em) / (2 * h), l.forces()[0], 0.01, "x force on the displaced atom");
        // isotropic strain ε: W_xx + W_yy + W_zz = -dE/dε (PlusStress is the virial, positive when compressed)
        double eps = 0.002;
        double vp = o.label(li2s(1 + eps, 0), tmp.resolve("vp")).energy(), vm = o.label(li2s(1 - eps, 0), tmp.resolve("vm")).energy();
        double trace = l.plusStress()[0] + l.plusStress()[1] + l.plusStress()[2];
        assertEquals(-(vp - vm) / (2 * eps), trace, 0.02 * Math.abs(trace) + 0.05, "virial trace");
    }
}
