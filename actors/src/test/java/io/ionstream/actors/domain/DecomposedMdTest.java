package io.ionstream.actors.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ionstream.actors.testing.TestSystems;
import io.ionstream.engine.md.MdRunner;
import io.ionstream.engine.md.VelocityVerlet;
import io.ionstream.engine.neighbor.NeighborSettings;
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
}
