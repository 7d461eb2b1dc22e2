package io.ionstream.actors.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ionstream.actors.testing.TestSystems;
import io.ionstream.engine.md.Barostat;
import io.ionstream.engine.md.Integrator;
import io.ionstream.engine.md.MdRunner;
import io.ionstream.engine.md.NoseHoover;
import io.ionstream.engine.md.Thermostat;
import io.ionstream.engine.min.ConjugateGradient;
import io.ionstream.engine.min.MinimizeSettings;
import io.ionstream.engine.md.VelocityVerlet;
import io.ionstream.engine.neighbor.NeighborSettings;
import io.ionstream.actors.testing.OneWaveSum;
import io.ionstream.actors.testing.SquareRootDensity;
import io.ionstream.engine.potential.ForceEngine;
import io.ionstream.engine.potential.ForceField;
import io.ionstream.engine.system.AtomSystem;
import io.ionstream.engine.system.Box;
import io.ionstream.engine.system.SpeciesTable;
import java.time.Duration;
import java.util.List;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Decomposition does not change the physics: the actor run against the plain engine. */
class DecomposedMdTest {
    private static ActorTestKit kit;

    @BeforeAll
    static void start() { kit = ActorTestKit.create(); }

    @AfterAll
    static void stop() { kit.shutdownTestKit(); }

    private static DomainResult run(DomainJob job) throws DomainRun.DomainRunException {
        return DomainRun.run(kit.system(), job, List.of(), null, Duration.ofMinutes(2));
    }

    @ParameterizedTest(name = "{0} subdomains")
    @ValueSource(ints = {1, 2, 3, 8, 12})
    void energiesForcesAndVirialMatchThePlainEngine(int subdomains) throws Exception {
        Box tri = new Box(0.5, -1, 2, 16.0, 15.0, 17.0, 3.0, -2.0, 1.5);
        AtomSystem sys = TestSystems.fcc(SpeciesTable.of("Ar", "Kr"), 3, 3, 3, 5.3, 0.3, 50, 7, tri);
        NeighborSettings ns = NeighborSettings.withSkin(1.0);
        ForceEngine serial = new ForceEngine(sys.copy(), TestSystems.binaryLj(), ns);
        serial.compute();

        DomainJob job = new DomainJob(sys, ModelFactory.of(TestSystems::binaryLj, () -> new VelocityVerlet(0.002)), ns, 0,
            subdomains, 1);
        DomainResult r = run(job);
        assertEquals(subdomains, r.grid().count());

        assertEquals(serial.energy(), r.finalSums().potentialEnergy, 1e-12 * Math.abs(serial.energy()));
        for (int k = 0; k < 6; k++) {
            assertEquals(serial.virial()[k], r.finalSums().virial[k], 1e-11 * Math.abs(serial.virial()[0]), "virial " + k);
        }
        AtomSystem ref = serial.system(), got = r.system();
        double fmax = 0;
        for (int k = 0; k < 3 * ref.size(); k++) fmax = Math.max(fmax, Math.abs(ref.f()[k]));
        for (int i = 0; i < ref.size(); i++) {
            int j = got.indexOfId(ref.id()[i]);
            for (int d = 0; d < 3; d++) {
                assertEquals(ref.f()[3 * i + d], got.f()[3 * j + d], 1e-12 * fmax, "force on atom id " + ref.id()[i]);
            }
        }
    }

    @ParameterizedTest(name = "{0} subdomains")
    @ValueSource(ints = {1, 2, 3, 8, 12})
    void manyBodyFullListForcesMatchThePlainEngine(int subdomains) throws Exception {
        // like the MTP: site energies on a full list, forces on ghost neighbours folded back
        Box tri = new Box(0, 0, 0, 14.0, 13.0, 15.0, 2.0, 1.0, -1.5);
        AtomSystem sys = TestSystems.fcc(SpeciesTable.of("Cu"), 4, 4, 4, 3.6, 0.2, 300, 3, tri);
        NeighborSettings ns = NeighborSettings.withSkin(0.5);
        ForceEngine serial = new ForceEngine(sys.copy(), ForceField.of(new SquareRootDensity(1.2, 0.4, 5.0)), ns);
        serial.compute();
        DomainJob job = new DomainJob(sys, ModelFactory.of(() -> ForceField.of(new SquareRootDensity(1.2, 0.4, 5.0)),
            () -> new VelocityVerlet(0.002)), ns, 0, subdomains, 1);
        DomainResult r = run(job);
        assertEquals(serial.energy(), r.finalSums().potentialEnergy, 1e-12 * Math.abs(serial.energy()));
        for (int k = 0; k < 6; k++) {
            assertEquals(serial.virial()[k], r.finalSums().virial[k], 1e-11 * Math.abs(serial.virial()[0]), "virial " + k);
        }
        AtomSystem ref = serial.system(), got = r.system();
        double fmax = 0;
        for (int k = 0; k < 3 * ref.size(); k++) fmax = Math.max(fmax, Math.abs(ref.f()[k]));
        for (int i = 0; i < ref.size(); i++) {
            int j = got.indexOfId(ref.id()[i]);
            for (int d = 0; d < 3; d++) {
                assertEquals(ref.f()[3 * i + d], got.f()[3 * j + d], 1e-12 * fmax, "force on atom id " + ref.id()[i]);
            }
        }
    }

    @ParameterizedTest(name = "{0} subdomains")
    @ValueSource(ints = {1, 2, 3, 8, 12})
    void nveTrajectoryMatchesThePlainEngineAfter100Steps(int subdomains) throws Exception {
        AtomSystem sys = TestSystems.argonCrystal(4, 300, 11);
        NeighborSettings ns = NeighborSettings.withSkin(0.6);
        MdRunner serial = new MdRunner(sys.copy(), TestSystems.argon(), new VelocityVerlet(0.005), ns);
        serial.run(100);

        DomainJob job = new DomainJob(sys, ModelFactory.of(TestSystems::argon, () -> new VelocityVerlet(0.005)), ns, 100,
            subdomains, 10);
        DomainResult r = run(job);

        assertTrue(r.rebuilds() > 2, "lists were rebuilt " + r.rebuilds() + " times");
        assertEquals(11, r.thermo().size());
        assertEquals(serial.potentialEnergy(), r.last().potentialEnergy(), 1e-9 * Math.abs(serial.potentialEnergy()));
        assertEquals(serial.kineticEnergy(), r.last().kineticEnergy(), 1e-9 * serial.kineticEnergy());
        Trajectories.assertSameState(serial.system(), r.system(), 1e-9);
    }

    @ParameterizedTest(name = "{0} subdomains")
    @ValueSource(ints = {1, 2, 3, 8, 12})
    void nvtTrajectoryMatchesThePlainEngineAfter100Steps(int subdomains) throws Exception {
        AtomSystem sys = TestSystems.argonCrystal(4, 300, 12);
        NeighborSettings ns = NeighborSettings.withSkin(0.6);
        java.util.function.Supplier<Integrator> nvt = () -> NoseHoover.nvt(0.005, Thermostat.at(150, 0.1));
        MdRunner serial = new MdRunner(sys.copy(), TestSystems.argon(), nvt.get(), ns);
        serial.run(100);
        DomainResult r = run(new DomainJob(sys, ModelFactory.of(TestSystems::argon, nvt), ns, 100, subdomains, 100));
        assertEquals(serial.potentialEnergy(), r.last().potentialEnergy(), 1e-9 * Math.abs(serial.potentialEnergy()));
        assertEquals(serial.kineticEnergy(), r.last().kineticEnergy(), 1e-9 * serial.kineticEnergy());
        assertEquals(serial.conservedEnergy(), r.last().conserved(), 1e-9 * Math.abs(serial.conservedEnergy()));
        Trajectories.assertSameState(serial.system(), r.system(), 1e-9);
    }

    @ParameterizedTest(name = "{0} subdomains")
    @ValueSource(ints = {1, 2, 3, 8, 12})
    void nptTrajectoryAndCellMatchThePlainEngineAfter100Steps(int subdomains) throws Exception {
        AtomSystem sys = TestSystems.argonCrystal(4, 200, 13);
        NeighborSettings ns = NeighborSettings.withSkin(0.8);
        // a strong pressure so that the cell visibly shrinks within 100 steps
        java.util.function.Supplier<Integrator> npt =
            () -> NoseHoover.npt(0.005, Thermostat.at(200, 0.1), Barostat.iso(20000, 20000, 0.5));
        MdRunner serial = new MdRunner(sys.copy(), TestSystems.argon(), npt.get(), ns);
        serial.run(100);
        DomainResult r = run(new DomainJob(sys, ModelFactory.of(TestSystems::argon, npt), ns, 100, subdomains, 100));
        double v0 = sys.box().volume(), v = serial.system().box().volume();
        assertTrue(v < 0.99 * v0, "the cell shrank: " + v0 + " -> " + v);
        assertEquals(v, r.system().box().volume(), 1e-9 * v);
        assertEquals(v, r.last().volume(), 1e-9 * v, "the coordinator followed the cell");
        assertEquals(serial.potentialEnergy(), r.last().potentialEnergy(), 1e-9 * Math.abs(serial.potentialEnergy()));
        assertEquals(serial.conservedEnergy(), r.last().conserved(), 1e-9 * Math.abs(serial.conservedEnergy()));
        assertEquals(serial.pressure(), r.last().pressure(), 1e-7 * Math.abs(serial.pressure()) + 1e-6);
        Trajectories.assertSameState(serial.system(), r.system(), 1e-9);
    }

    @ParameterizedTest(name = "{0} subdomains")
    @ValueSource(ints = {1, 3, 8})
    void conjugateGradientWithPerAtomStateReachesThePlainEnginesMinimum(int subdomains) throws Exception {
        // CG keeps its search direction in extra per-atom arrays: they migrate with their atoms.
        // Near convergence its line search compares energies that differ by round-off, so the
        // iteration count is not reproducible across decompositions; the minimum is.
        // a crystal near its equilibrium lattice, displaced: one minimum, the perfect lattice
        AtomSystem sys = TestSystems.fcc(SpeciesTable.of("Ar"), 4, 4, 4, 5.25, 0.2, 0, 14, null);
        NeighborSettings ns = NeighborSettings.withSkin(0.3);
        java.util.function.Supplier<Integrator> cg =
            () -> new ConjugateGradient(MinimizeSettings.of(0, 1e-5, 3000, 6000).withDmax(0.3));
        MdRunner serial = new MdRunner(sys.copy(), TestSystems.argon(), cg.get(), ns);
        long steps = serial.runUntilConverged(3000);
        DomainResult r = run(new DomainJob(sys, ModelFactory.of(TestSystems::argon, cg), ns, 3000, subdomains, 3000));
        assertTrue(steps < 3000 && r.steps() < 3000, "both converged: " + steps + ", " + r.steps() + " iterations");
        assertTrue(r.rebuilds() > 1, "atoms moved enough to rebuild and migrate: " + r.rebuilds());
        assertTrue(r.system().hasPerAtom(ConjugateGradient.DIRECTION), "the search direction came back with the atoms");
        assertEquals(serial.potentialEnergy(), r.last().potentialEnergy(), 1e-10 * Math.abs(serial.potentialEnergy()));
        double[] a = new double[3], b = new double[3];
        AtomSystem ref = serial.system(), got = r.system();
        for (int i = 0; i < ref.size(); i++) {
            ref.unwrapped(i, a, 0);
            got.unwrapped(got.indexOfId(ref.id()[i]), b, 0);
            for (int d = 0; d < 3; d++) assertEquals(a[d], b[d], 1e-4, "position of atom id " + ref.id()[i] + " (Å)");
        }
    }

    @ParameterizedTest(name = "{0} subdomains")
    @ValueSource(ints = {1, 2, 3, 8, 12})
    void aTermSummedOverTheWholeSystemTakesOneExtraReduction(int subdomains) throws Exception {
        // like the Ewald k-space: energy from a sum over all atoms, forces from the total
        AtomSystem sys = TestSystems.fcc(SpeciesTable.of("Ar", "Kr"), 4, 4, 4, 5.3, 0.1, 200, 15, null);
        for (int i = 0; i < sys.size(); i++) sys.q()[i] = sys.type()[i] == 0 ? 0.5 : -0.5;
        NeighborSettings ns = NeighborSettings.withSkin(0.6);
        java.util.function.Supplier<ForceField> field = () -> new ForceField(List.of(
            TestSystems.binaryLj().terms().get(0), new OneWaveSum(0.02)));
        MdRunner serial = new MdRunner(sys.copy(), field.get(), new VelocityVerlet(0.004), ns);
        serial.setup();
        double e0 = serial.potentialEnergy();
        serial.run(60);
        DomainResult r = run(new DomainJob(sys, ModelFactory.of(field, () -> new VelocityVerlet(0.004)), ns, 60, subdomains, 60));
        assertEquals(e0, r.thermo().get(0).potentialEnergy(), 1e-12 * Math.abs(e0), "set-up energy");
        assertEquals(serial.potentialEnergy(), r.last().potentialEnergy(), 1e-9 * Math.abs(serial.potentialEnergy()));
        Trajectories.assertSameState(serial.system(), r.system(), 1e-9);
    }
}
