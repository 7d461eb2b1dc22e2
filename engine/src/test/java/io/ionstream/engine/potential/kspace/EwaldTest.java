package io.ionstream.engine.potential.kspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ionstream.engine.neighbor.NeighborSettings;
import io.ionstream.engine.potential.ForceContext;
import io.ionstream.engine.potential.ForceEngine;
import io.ionstream.engine.potential.ForceField;
import io.ionstream.engine.potential.ForceOutput;
import io.ionstream.engine.system.AtomSystem;
import io.ionstream.engine.system.Box;
import io.ionstream.engine.system.SpeciesTable;
import io.ionstream.engine.units.MetalUnits;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Ewald sum (real + reciprocal space) against exact results that do not depend on LAMMPS:
 * the Madelung constant of rock salt, independence of every observable from the splitting α,
 * forces as the gradient of the energy, and the distributed three-step evaluation.
 */
class EwaldTest {
    /** Madelung constant of the rock-salt structure referred to the nearest-neighbour distance. */
    private static final double MADELUNG_NACL = 1.747564594633182190636212;

    @Test
    void rockSaltEnergyIsTheMadelungEnergyAndVirialIsIsotropic() {
        double a = 5.64;
        AtomSystem sys = rockSalt(a, 2);
        EwaldParameters p = EwaldParameters.forAccuracy(sys, 1e-12, 7.0);
        ForceEngine engine = engine(sys, p);
        engine.compute();
        int pairs = sys.size() / 2;
        double exact = -pairs * MADELUNG_NACL * MetalUnits.QQR2E / (a / 2);
        assertEquals(exact, engine.energy(), 1e-11 * Math.abs(exact), "Madelung energy");
        for (int k = 0; k < 3 * sys.size(); k++) {
            assertEquals(0.0, sys.f()[k], p.absoluteAccuracy(), "force on a lattice site vanishes by symmetry");
        }
        // Coulomb energy is homogeneous of degree -1 in the coordinates: tr W = E; cubic: W = E/3 · I
        double[] w = engine.virial();
        for (int d = 0; d < 3; d++) assertEquals(exact / 3, w[d], 1e-10 * Math.abs(exact), "W diagonal " + d);
        for (int d = 3; d < 6; d++) assertEquals(0.0, w[d], 1e-10 * Math.abs(exact), "W off-diagonal " + d);
    }

    /** The split between real and reciprocal space is arbitrary: nothing observable may depend on α. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"orthorhombic", "triclinic", "triclinic, net charge"})
    void observablesDoNotDependOnTheSplitting(String kind) {
        Box box = kind.startsWith("triclinic") ? new Box(0.3, -0.2, 0.1, 9.0, 8.0, 10.0, 2.0, -1.5, 1.2)
            : Box.orthorhombic(9.0, 8.5, 10.0);
        AtomSystem ref = randomIons(box, 40, kind.contains("net charge") ? 0.5 : 0.0, 7);
        double accuracy = 1e-12;
        AtomSystem s1 = ref.copy(), s2 = ref.copy(), s3 = ref.copy();
        ForceEngine e1 = engine(s1, EwaldParameters.forAccuracy(s1, accuracy, 6.0));
        ForceEngine e2 = engine(s2, EwaldParameters.forAccuracy(s2, accuracy, 9.5));
        ForceEngine e3 = engine(s3, EwaldParameters.withAlpha(s3, 0.75, accuracy, 7.0));
        for (ForceEngine e : new ForceEngine[] {e1, e2, e3}) {
            e.setPerAtomEnergy(true);
            e.compute();
        }
        // both sides carry an RMS force error up to the accuracy; single components may exceed it
        double target = accuracy * MetalUnits.QQR2E;
        double escale = Math.abs(e1.energy()) + 1.0;
        for (ForceEngine e : new ForceEngine[] {e2, e3}) {
            assertEquals(e1.energy(), e.energy(), 1e-10 * escale, "energy");
            double sq = 0;
            for (int k = 0; k < 3 * ref.size(); k++) {
                double d = e1.system().f()[k] - e.system().f()[k];
                sq += d * d;
                assertEquals(e1.system().f()[k], e.system().f()[k], 20 * target, "force component " + k);
            }
            double rms = Math.sqrt(sq / (3 * ref.size()));
            assertTrue(rms <= 2 * target, "RMS force difference " + rms + " above twice the accuracy " + target);
            for (int k = 0; k < 6; k++) assertEquals(e1.virial()[k], e.virial()[k], 1e-10 * escale, "virial " + k);
            // per-atom energy is q_i φ(r_i)/2 in both parts, so it too is split-independent
            for (int i = 0; i < ref.size(); i++) {
                assertEquals(e1.perAtomEnergy()[i], e.perAtomEnergy()[i], 1e-10 * escale, "energy of atom " + i);
            }
        }
        double sum = 0;
        for (int i = 0; i < ref.size(); i++) sum += e1.perAtomEnergy()[i];
        assertEquals(e1.energy(), sum, 1e-12 * escale, "per-atom energies sum to the total");
    }

    @Test
    void forcesAreMinusTheEnergyGradient() {
        Box box = new Box(0, 0, 0, 7.5, 8.0, 7.0, 1.5, 0.8, -1.0);
        AtomSystem sys = randomIons(box, 16, 0.0, 3);
        EwaldParameters p = EwaldParameters.forAccuracy(sys, 1e-12, 5.0);
        ForceEngine engine = engine(sys, p);
        engine.compute();
        double[] f = sys.f().clone();
        double h = 1e-5;
        for (int i = 0; i < 4; i++) {
            for (int d = 0; d < 3; d++) {
                AtomSystem plus = sys.copy(), minus = sys.copy();
                plus.x()[3 * i + d] += h;
                minus.x()[3 * i + d] -= h;
                ForceEngine ep = engine(plus, p), em = engine(minus, p);
                ep.compute();
                em.compute();
                double numeric = -(ep.energy() - em.energy()) / (2 * h);
                assertEquals(numeric, f[3 * i + d], 1e-6 * (Math.abs(numeric) + 1), "force " + d + " on atom " + i);
            }
        }
    }

    /** Partial structure factors of two "subdomains", summed, give the serial forces, energy, virial. */
    @Test
    void distributedThreeStepEvaluationEqualsSerial() {
        Box box = new Box(0, 0, 0, 9.0, 8.0, 10.0, 2.0, -1.5, 1.2);
        AtomSystem sys = randomIons(box, 30, 0.0, 11);
        EwaldParameters p = EwaldParameters.forAccuracy(sys, 1e-8, 6.0);
        Ewald serial = p.kSpace();
        ForceContext all = context(sys, 0, sys.size());
        ForceOutput outAll = new ForceOutput();
        outAll.reset(new double[3 * sys.size()], sys.size(), true);
        serial.compute(all, outAll);

        Ewald[] parts = {p.kSpace(), p.kSpace()};
        ForceContext[] ctx = {context(sys, 0, 13), context(sys, 13, sys.size())};
        int len = parts[0].prepare(box);
        assertEquals(len, parts[1].prepare(box));
        double[] total = new double[len];
        for (int s = 0; s < 2; s++) {
            double[] partial = new double[len];
            parts[s].partialStructureFactors(ctx[s], partial);
            for (int k = 0; k < len; k++) total[k] += partial[k];
        }
        ForceOutput global = new ForceOutput();
        global.reset(new double[0], 0, false);
        parts[0].addEnergyAndVirial(total, global);
        assertEquals(outAll.energy, global.energy, 1e-12 * Math.abs(outAll.energy));
        for (int k = 0; k < 6; k++) assertEquals(outAll.virial[k], global.virial[k], 1e-12 * Math.abs(outAll.energy));
        for (int s = 0; s < 2; s++) {
            ForceOutput o = new ForceOutput();
            o.reset(new double[3 * ctx[s].nlocal], ctx[s].nlocal, true);
            parts[s].applyForces(ctx[s], total, o);
            int first = s == 0 ? 0 : 13;
            for (int i = 0; i < ctx[s].nlocal; i++) {
                for (int d = 0; d < 3; d++) {
                    assertEquals(outAll.f[3 * (first + i) + d], o.f[3 * i + d], 1e-12, "force on atom " + (first + i));
                }
                assertEquals(outAll.eatom[first + i], o.eatom[i], 1e-12, "energy of atom " + (first + i));
            }
        }
    }

    @Test
    void unchargedSystemIsRejectedWithAClearMessage() {
        AtomSystem sys = randomIons(Box.orthorhombic(8, 8, 8), 4, 0.0, 1);
        java.util.Arrays.fill(sys.q(), 0.0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> EwaldParameters.forAccuracy(sys, 1e-6, 6.0));
        assertTrue(e.getMessage().contains("no charges"), e.getMessage());
    }

    private static ForceEngine engine(AtomSystem sys, EwaldParameters p) {
        return new ForceEngine(sys, ForceField.of(p.realSpace(), p.kSpace()), NeighborSettings.withSkin(0.5).sortEvery(0));
    }

    private static ForceContext context(AtomSystem sys, int from, int to) {
        ForceContext c = new ForceContext();
        int n = to - from;
        c.x = java.util.Arrays.copyOfRange(sys.x(), 3 * from, 3 * to);
        c.q = java.util.Arrays.copyOfRange(sys.q(), from, to);
        c.type = java.util.Arrays.copyOfRange(sys.type(), from, to);
        c.nlocal = n;
        c.nall = n;
        c.box = sys.box();
        c.species = sys.species();
        return c;
    }

    /** n ions with charges ±1 (plus {@code extra} on the first), no two closer than 1.5 Å. */
    static AtomSystem randomIons(Box box, int n, double extra, long seed) {
        AtomSystem sys = new AtomSystem(SpeciesTable.of("Na", "Cl"), box, n);
        Random r = new Random(seed);
        double[] c = new double[3], d = new double[3];
        while (sys.size() < n) {
            box.toCartesian(r.nextDouble(), r.nextDouble(), r.nextDouble(), c, 0);
            boolean ok = true;
            for (int j = 0; j < sys.size() && ok; j++) {
                for (int k = 0; k < 3; k++) d[k] = c[k] - sys.x()[3 * j + k];
                box.minimumImage(d, 0);
                ok = d[0] * d[0] + d[1] * d[1] + d[2] * d[2] > 1.5 * 1.5;
            }
            if (!ok) continue;
            int i = sys.add(sys.size() % 2, c[0], c[1], c[2]);
            sys.q()[i] = i % 2 == 0 ? 1.0 : -1.0;
        }
        sys.q()[0] += extra;
        return sys;
    }

    /** Conventional rock-salt cell replicated m times per edge: Na⁺ at fcc sites, Cl⁻ shifted by a/2. */
    static AtomSystem rockSalt(double a, int m) {
        AtomSystem sys = new AtomSystem(SpeciesTable.of("Na", "Cl"), Box.orthorhombic(m * a, m * a, m * a), 8 * m * m * m);
        double[][] fcc = {{0, 0, 0}, {0.5, 0.5, 0}, {0.5, 0, 0.5}, {0, 0.5, 0.5}};
        for (int ix = 0; ix < m; ix++) for (int iy = 0; iy < m; iy++) for (int iz = 0; iz < m; iz++) {
            for (double[] s : fcc) {
                int na = sys.add(0, (ix + s[0]) * a, (iy + s[1]) * a, (iz + s[2]) * a);
                sys.q()[na] = 1.0;
                int cl = sys.add(1, (ix + s[0] + 0.5) * a, (iy + s[1]) * a, (iz + s[2]) * a);
                sys.q()[cl] = -1.0;
            }
        }
        return sys;
    }
}
