package io.ionstream.engine.min;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ionstream.engine.md.MdRunner;
import io.ionstream.engine.neighbor.NeighborSettings;
import io.ionstream.engine.protocol.LjArgon;
import io.ionstream.engine.system.AtomSystem;
import io.ionstream.engine.system.Box;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * FIRE and conjugate gradient against a minimum known in closed form: an fcc Lennard-Jones
 * crystal whose cut-off (4.6 Å) lies between the first (r ≈ 3.82 Å) and second (a ≈ 5.41 Å)
 * neighbour shells. Only nearest neighbours interact, so the minimum puts every one of the 6N
 * bonds at r_min = 2^(1/6)σ: E = −6Nε, lattice constant a₀ = √2·2^(1/6)σ. Atoms are sorted
 * spatially at every list build, so the minimisers' per-atom state must follow them.
 */
class MinimizerTest {
    static final double RMIN = Math.pow(2, 1.0 / 6) * LjArgon.SIGMA, A0 = Math.sqrt(2) * RMIN, CUT = 4.6;
    static final MinimizeSettings TIGHT = MinimizeSettings.of(0.0, 1e-8, 20000, 40000);

    static List<Arguments> minimizers() {
        return List.of(
            Arguments.of("cg", (Function<BoxRelax, Minimizer>) r -> new ConjugateGradient(TIGHT, r)),
            Arguments.of("fire", (Function<BoxRelax, Minimizer>) r -> new Fire(0.002, TIGHT, r)));
    }

    static AtomSystem shaken(double lzFactor, double amplitude, long seed) {
        AtomSystem sys = LjArgon.fcc(3, A0);
        Box b = sys.box();
        b.deformTo(Box.orthorhombic(b.lx(), b.ly(), lzFactor * b.lz()), sys.x(), sys.size());
        Random r = new Random(seed);
        for (int k = 0; k < 3 * sys.size(); k++) sys.x()[k] += amplitude * (2 * r.nextDouble() - 1);
        return sys;
    }

    static MdRunner runner(AtomSystem sys, Minimizer m) {
        return new MdRunner(sys, LjArgon.forceField(CUT), m, NeighborSettings.withSkin(0.3).sortEvery(1));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("minimizers")
    void relaxesAShakenCrystalToTheKnownMinimum(String name, Function<BoxRelax, Minimizer> make) {
        AtomSystem sys = shaken(1.0, 0.15, 1);
        Minimizer m = make.apply(BoxRelax.none());
        MdRunner runner = runner(sys, m);
        runner.runUntilConverged(100000);
        double[] g = runner.globals();
        System.out.printf("%s: %s after %d iterations, %d evaluations, %d list builds; E/N %.12f eV, |F| %.1e eV/Å%n", name,
            m.stopReason(g).text(), m.iterations(g), m.evaluations(g), runner.forces().neighborhood().builds(),
            runner.potentialEnergy() / sys.size(), m.forceNorm(g));
        assertEquals(StopReason.FORCE, m.stopReason(g), name + " stops on the force tolerance");
        assertTrue(runner.forces().neighborhood().builds() > 1, "atoms were re-sorted during the minimisation");
        assertEquals(-6 * LjArgon.EPSILON, runner.potentialEnergy() / sys.size(), 1e-10, name + ": energy per atom");
        checkBonds(sys, name);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("minimizers")
    void zRelaxationRecoversTheLatticeConstant(String name, Function<BoxRelax, Minimizer> make) {
        AtomSystem sys = shaken(1.04, 0.05, 2);
        double lx = sys.box().lx(), ly = sys.box().ly();
        Minimizer m = make.apply(BoxRelax.z(0.0));
        MdRunner runner = runner(sys, m);
        runner.runUntilConverged(100000);
        double[] g = runner.globals();
        System.out.printf("%s + box/relax z: %s after %d iterations, %d evaluations; Lz/(3 a0) - 1 = %.2e, Pzz %.2e bar%n", name,
            m.stopReason(g).text(), m.iterations(g), m.evaluations(g), sys.box().lz() / (3 * A0) - 1,
            io.ionstream.engine.md.Thermo.pressureComponent(runner.sums(), sys.box().volume(), 2));
        assertEquals(StopReason.FORCE, m.stopReason(g), name + " stops on the force tolerance");
        assertEquals(lx, sys.box().lx(), 0.0, "Lx untouched");
        assertEquals(ly, sys.box().ly(), 0.0, "Ly untouched");
        assertEquals(3 * A0, sys.box().lz(), 1e-7 * A0, name + ": Lz relaxes to 3 a0");
        assertEquals(sys.box().lz(), m.cellLengthZ(g), 0.0, "the cell in globals is the system's");
        assertEquals(-6 * LjArgon.EPSILON, runner.potentialEnergy() / sys.size(), 1e-10, name + ": energy per atom");
        checkBonds(sys, name);
    }

    /** Every pair within the cut-off is a nearest-neighbour bond of length r_min, 6 per atom. */
    static void checkBonds(AtomSystem sys, String name) {
        int bonds = 0;
        double worst = 0;
        double[] d = new double[3];
        double[] x = sys.x();
        for (int i = 0; i < sys.size(); i++) {
            for (int j = i + 1; j < sys.size(); j++) {
                for (int k = 0; k < 3; k++) d[k] = x[3 * i + k] - x[3 * j + k];
                sys.box().minimumImage(d, 0);
                double r = Math.sqrt(d[0] * d[0] + d[1] * d[1] + d[2] * d[2]);
                if (r < CUT) {
                    bonds++;
                    worst = Math.max(worst, Math.abs(r - RMIN));
                }
            }
        }
        assertEquals(6 * sys.size(), bonds, name + ": bonds within the cut-off");
        assertTrue(worst < 1e-6, name + ": largest deviation of a bond from r_min is " + worst + " Å");
    }

    /**
     * The conjugate-gradient direction lives in per-atom arrays of the system: reversing the atom
     * order mid-run (as a sort or a migration does) must not change the course of the
     * minimisation: the next evaluations give the same energies (to round-off, which the new
     * summation order changes), and it converges to the same minimum in about as many steps.
     */
    @Test
    void conjugateGradientStateFollowsAtomsThroughReordering() {
        long[] evaluations = new long[2];
        double[][] course = new double[2][12];
        double[] energy = new double[2];
        for (int run = 0; run < 2; run++) {
            AtomSystem sys = shaken(1.03, 0.15, 5);
            ConjugateGradient cg = new ConjugateGradient(TIGHT, BoxRelax.z(0));
            MdRunner r = new MdRunner(sys, LjArgon.forceField(CUT), cg, NeighborSettings.withSkin(0.3).sortEvery(0));
            r.run(15);
            if (run == 1) {
                int n = sys.size();
                int[] order = new int[n];
                for (int i = 0; i < n; i++) order[i] = n - 1 - i;
                sys.permute(order, new double[3 * n], new long[n]);
                r.forces().neighborhood().invalidate();
            }
            for (int k = 0; k < course[run].length; k++) {
                r.step();
                course[run][k] = r.potentialEnergy();
            }
            r.runUntilConverged(100000);
            assertEquals(StopReason.FORCE, cg.stopReason(r.globals()));
            evaluations[run] = cg.evaluations(r.globals());
            energy[run] = r.potentialEnergy();
        }
        for (int k = 0; k < course[0].length; k++) {
            assertEquals(course[0][k], course[1][k], 1e-11 * Math.abs(course[0][k]), "energy " + (k + 1) + " steps after the reordering");
        }
        assertEquals(evaluations[0], evaluations[1], 3, "about the same number of evaluations with and without reordering");
        assertEquals(energy[0], energy[1], 1e-12 * Math.abs(energy[0]));
    }

    /**
     * A rugged case: quench a liquid configuration (108 argon atoms) to a local minimum, with and
     * without z relaxation. The unshifted lj/cut energy jumps where a pair crosses the cut-off, so
     * a minimum can sit on such a cliff with the forces not zero; a line search then stops there
     * (LAMMPS: "linesearch alpha is zero"), which counts as converged.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("minimizers")
    void quenchesALiquidToALocalMinimum(String name, Function<BoxRelax, Minimizer> make) {
        for (BoxRelax relax : new BoxRelax[] {BoxRelax.none(), BoxRelax.z(100.0)}) {
            AtomSystem sys = LjArgon.fcc(3, LjArgon.LIQUID_LATTICE);
            Random r = new Random(8);
            for (int k = 0; k < 3 * sys.size(); k++) sys.x()[k] += 0.8 * (2 * r.nextDouble() - 1);
            Minimizer m = make.apply(relax);
            MdRunner runner = new MdRunner(sys, LjArgon.forceField(LjArgon.CUTOFF), m, NeighborSettings.withSkin(1.0));
            runner.setup();
            double e0 = runner.potentialEnergy();
            runner.runUntilConverged(100000);
            double[] g = runner.globals();
            double pzz = io.ionstream.engine.md.Thermo.pressureComponent(runner.sums(), sys.box().volume(), 2);
            System.out.printf("%s quench (%s): %s after %d iterations, %d evaluations; E %.6f -> %.6f eV, Pzz %.3g bar%n", name,
                relax.z() ? "z at 100 bar" : "fixed cell", m.stopReason(g).text(), m.iterations(g), m.evaluations(g), e0,
                runner.potentialEnergy(), pzz);
            assertTrue(m.stopReason(g).converged(), name + " converges, stopped on: " + m.stopReason(g).text());
            assertTrue(runner.potentialEnergy() < e0, "energy went down");
            if (relax.z()) assertEquals(100.0, pzz, m.stopReason(g) == StopReason.FORCE ? 1e-3 : 20, "Pzz near the target");
        }
    }

    @Test
    void stopsAtTheIterationAndEvaluationLimits() {
        Minimizer cg = new ConjugateGradient(MinimizeSettings.of(0, 1e-12, 3, 1000));
        MdRunner r1 = runner(shaken(1.0, 0.15, 3), cg);
        r1.runUntilConverged(1000);
        assertEquals(StopReason.MAX_ITERATIONS, cg.stopReason(r1.globals()));
        assertEquals(3, cg.iterations(r1.globals()));
        Minimizer fire = new Fire(0.002, MinimizeSettings.of(0, 1e-12, 1000, 25));
        MdRunner r2 = runner(shaken(1.0, 0.15, 3), fire);
        assertEquals(25, r2.runUntilConverged(1000), "one force evaluation per step");
        assertEquals(StopReason.MAX_EVALUATIONS, fire.stopReason(r2.globals()));
    }

    @Test
    void energyToleranceStopsEarlierThanTheForceTolerance() {
        Minimizer cg = new ConjugateGradient(MinimizeSettings.of(1e-6, 0, 10000, 10000));
        MdRunner r = runner(shaken(1.0, 0.15, 4), cg);
        r.runUntilConverged(10000);
        assertEquals(StopReason.ENERGY, cg.stopReason(r.globals()));
        assertEquals(-6 * LjArgon.EPSILON, r.potentialEnergy() / r.system().size(), 1e-5, "close to the minimum");
    }

    @Test
    void rejectsBadSettings() {
        assertThrows(IllegalArgumentException.class, () -> MinimizeSettings.of(-1, 0, 10, 10));
        assertThrows(IllegalArgumentException.class, () -> MinimizeSettings.of(0, Double.NaN, 10, 10));
        assertThrows(IllegalArgumentException.class, () -> MinimizeSettings.of(0, 0, 0, 10));
        assertThrows(IllegalArgumentException.class, () -> MinimizeSettings.of(0, 0, 10, 10).withDmax(0));
        assertThrows(IllegalArgumentException.class, () -> BoxRelax.z(Double.NaN));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Fire(0, TIGHT));
        assertTrue(e.getMessage().contains("time step"), e.getMessage());
    }
}
