package io.ionstream.actors.domain;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ionstream.actors.testing.TestSystems;
import io.ionstream.engine.md.VelocityVerlet;
import io.ionstream.engine.neighbor.NeighborSettings;
import io.ionstream.engine.potential.ForceField;
import io.ionstream.engine.potential.pair.LjCut;
import io.ionstream.engine.system.AtomSystem;
import io.ionstream.engine.system.Box;
import io.ionstream.engine.system.SpeciesTable;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Bad input and unstable runs end the job with a message that names the problem; nothing hangs. */
class DomainErrorsTest {
    private static ActorTestKit kit;

    @BeforeAll
    static void start() { kit = ActorTestKit.create(); }

    @AfterAll
    static void stop() { kit.shutdownTestKit(); }

    private static String failure(DomainJob job) {
        DomainRun.DomainRunException e = assertThrows(DomainRun.DomainRunException.class,
            () -> DomainRun.run(kit.system(), job, List.of(), null, Duration.ofSeconds(60)));
        return e.getMessage();
    }

    /** {@code field} makes one force field per subdomain: potentials keep scratch arrays, so threads must not share one. */
    private static DomainJob job(AtomSystem sys, Supplier<ForceField> field, int steps, int subdomains) {
        return new DomainJob(sys, ModelFactory.of(field, () -> new VelocityVerlet(0.002)), NeighborSettings.withSkin(1.0),
            steps, subdomains, 1);
    }

    @Test
    void anAbsurdCutoffForTheCellIsNamed() {
        AtomSystem sys = new AtomSystem(SpeciesTable.of("Ar"), Box.orthorhombic(1, 1, 1), 2);
        sys.add(0, 0.1, 0.1, 0.1);
        sys.add(0, 0.6, 0.6, 0.6);
        String m = failure(job(sys, () -> ForceField.of(new LjCut(1, 60).coeff(0, 0, 0.01, 0.3)), 1, 2));
        assertTrue(m.contains("cut-off"), m);
    }

    @Test
    void aNonFiniteOrDuplicateAtomIsNamed() {
        AtomSystem sys = TestSystems.argonCrystal(2, 0, 1);
        sys.x()[3 * 5 + 1] = Double.NaN;
        String m = failure(job(sys, TestSystems::argon, 1, 2));
        assertTrue(m.contains("atom id " + sys.id()[5]) && m.contains("non-finite"), m);

        AtomSystem dup = TestSystems.argonCrystal(2, 0, 1);
        dup.id()[3] = dup.id()[4];
        m = failure(job(dup, TestSystems::argon, 1, 2));
        assertTrue(m.contains("share the id " + dup.id()[4]), m);
    }

    @Test
    void overlappingAtomsAreNamedBeforeAnyStep() {
        AtomSystem sys = TestSystems.argonCrystal(3, 0, 1);
        System.arraycopy(sys.x(), 0, sys.x(), 3 * 9, 3);
        sys.x()[27] += 0.1;
        String m = failure(job(sys, TestSystems::argon, 5, 3));
        assertTrue(m.contains("atom id " + sys.id()[0]) && m.contains("atom id " + sys.id()[9]), m);
    }

    @Test
    void aSpeciesWithoutCoefficientsIsNamed() {
        AtomSystem sys = TestSystems.fcc(SpeciesTable.of("Ar", "Kr"), 2, 2, 2, 5.3, 0, 0, 1, null);
        String m = failure(job(sys, () -> ForceField.of(new LjCut(2, 6).coeff(0, 0, 0.01, 3.4)), 1, 2));
        assertTrue(m.contains("Kr"), m);
    }

    @Test
    void anExplodingRunStopsWithAMessageInsteadOfHanging() {
        AtomSystem sys = TestSystems.argonCrystal(3, 0, 1);
        // two atoms far too close (but not overlapping): the repulsion flings them across the cell
        System.arraycopy(sys.x(), 0, sys.x(), 3, 3);
        sys.x()[3] += 0.7;
        String m = failure(job(sys, TestSystems::argon, 50, 4));
        assertTrue(m.contains("atom id") && (m.contains("non-finite") || m.contains("unstable") || m.contains("halo")), m);
    }
}
