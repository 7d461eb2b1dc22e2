package io.ionstream.actors.domain.decomp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ionstream.actors.testing.TestSystems;
import io.ionstream.engine.md.MdRunner;
import io.ionstream.engine.md.VelocityVerlet;
import io.ionstream.engine.neighbor.NeighborSettings;
import io.ionstream.engine.potential.ForceEngine;
import io.ionstream.engine.system.AtomSystem;
import io.ionstream.engine.system.Box;
import io.ionstream.engine.system.SpeciesTable;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Subdomains driven by direct calls give the serial engine's energies, forces, virial and trajectory. */
class SubdomainPhysicsTest {

    static List<Arguments> grids() {
        return List.of(
            Arguments.of(new DomainGrid(1, 1, 1)), Arguments.of(new DomainGrid(2, 1, 1)),
            Arguments.of(new DomainGrid(1, 3, 1)), Arguments.of(new DomainGrid(2, 2, 2)),
            Arguments.of(new DomainGrid(3, 2, 2)), Arguments.of(new DomainGrid(1, 1, 5)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("grids")
    void staticForcesMatchTheSerialEngine(DomainGrid grid) {
        Box tri = new Box(0.5, -1, 2, 16.0, 15.0, 17.0, 3.0, -2.0, 1.5);
        AtomSystem sys = TestSystems.fcc(SpeciesTable.of("Ar", "Kr"), 3, 3, 3, 5.3, 0.3, 50, 7, tri);
        NeighborSettings ns = NeighborSettings.withSkin(1.0);
        ForceEngine serial = new ForceEngine(sys.copy(), TestSystems.binaryLj(), ns);
        serial.compute();

        InlineDomainRun run = new InlineDomainRun(sys, grid, TestSystems::binaryLj, () -> new VelocityVerlet(0.002), ns);
        run.forces(true);
        AtomSystem got = run.gather();

        assertEquals(serial.energy(), run.energy(), 1e-12 * Math.abs(serial.energy()));
        for (int k = 0; k < 6; k++) assertEquals(serial.virial()[k], run.virial()[k], 1e-11 * Math.abs(serial.virial()[0]), "virial " + k);
        AtomSystem ref = serial.system();
        double fmax = 0;
        for (int k = 0; k < 3 * ref.size(); k++) fmax = Math.max(fmax, Math.abs(ref.f()[k]));
        for (int i = 0; i < ref.size(); i++) {
            int j = got.indexOfId(ref.id()[i]);
            for (int d = 0; d < 3; d++) {
                assertEquals(ref.f()[3 * i + d], got.f()[3 * j + d], 1e-12 * fmax, "force on atom id " + ref.id()[i]);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("grids")
    void trajectoryMatchesTheSerialEngine(DomainGrid grid) {
        AtomSystem sys = TestSystems.argonCrystal(4, 300, 11); // hot: atoms move enough to migrate and rebuild
        NeighborSettings ns = NeighborSettings.withSkin(0.6);
        MdRunner serial = new MdRunner(sys.copy(), TestSystems.argon(), new VelocityVerlet(0.005), ns);
        serial.run(100);

        InlineDomainRun run = new InlineDomainRun(sys, grid, TestSystems::argon, () -> new VelocityVerlet(0.005), ns);
        run.setup();
        for (int s = 0; s < 100; s++) run.step(s == 0);
        run.finish();
        AtomSystem got = run.gather();
        assertTrue(run.rebuilds > 2, "rebuilds: " + run.rebuilds);
        assertTrue(run.rebuilds <= serial.forces().neighborhood().builds() + 3,
            "prediction too cautious: " + run.rebuilds + " rebuilds vs " + serial.forces().neighborhood().builds() + " serial");

        assertEquals(serial.potentialEnergy(), run.total.potentialEnergy, 1e-9 * Math.abs(serial.potentialEnergy()));
        assertEquals(serial.kineticEnergy(), run.total.kineticEnergy(), 1e-9 * serial.kineticEnergy());
        AtomSystem ref = serial.system();
        double[] a = new double[3], b = new double[3];
        for (int i = 0; i < ref.size(); i++) {
            int j = got.indexOfId(ref.id()[i]);
            ref.unwrapped(i, a, 0);
            got.unwrapped(j, b, 0);
            for (int d = 0; d < 3; d++) assertEquals(a[d], b[d], 1e-9 * 21.04, "position of atom id " + ref.id()[i]);
        }
    }
}
