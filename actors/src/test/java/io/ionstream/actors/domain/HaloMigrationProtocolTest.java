package io.ionstream.actors.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ionstream.actors.testing.TestSystems;
import io.ionstream.engine.md.Integrator;
import io.ionstream.engine.md.MdRunner;
import io.ionstream.engine.md.StepSums;
import io.ionstream.engine.md.VelocityVerlet;
import io.ionstream.engine.neighbor.NeighborSettings;
import io.ionstream.engine.system.AtomSystem;
import io.ionstream.engine.system.Box;
import io.ionstream.engine.system.SpeciesTable;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The halo and migration protocol, observed message by message: real subdomain actors behind a
 * recording interceptor, a real coordinator, and the plain engine as the reference for the
 * physics of each scenario.
 */
class HaloMigrationProtocolTest {
    private static ActorTestKit kit;

    @BeforeAll
    static void start() { kit = ActorTestKit.create(); }

    @AfterAll
    static void stop() { kit.shutdownTestKit(); }

    private DomainResult run(String name, DomainJob job, RecordingHost host) {
        ActorRef<SubdomainHost.Command> h = kit.spawn(host.behavior(), name + "-host");
        TestProbe<DomainCoordinator.Outcome> probe = kit.createTestProbe();
        kit.spawn(DomainCoordinator.create(job, name, List.of(h), probe.ref(), null), name);
        DomainCoordinator.Outcome o = probe.expectMessageClass(DomainCoordinator.Outcome.class, Duration.ofSeconds(60));
        if (o instanceof DomainCoordinator.Aborted a) throw new AssertionError(name + " aborted: " + a.reason());
        return ((DomainCoordinator.Completed) o).result();
    }

    @Test
    void anAtomCrossingACornerMigratesStraightToTheDiagonalSubdomain() {
        AtomSystem sys = TestSystems.fcc(SpeciesTable.of("Ar"), 4, 4, 4, 5.26, 0, 0, 3, null);
        double half = 0.5 * sys.box().lx();
        int corner = nearest(sys, half, half, half);
        double[] x = sys.x();
        double dx = half - 0.05 - x[3 * corner], dy = half - 0.05 - x[3 * corner + 1], dz = half - 0.05 - x[3 * corner + 2];
        for (int i = 0; i < sys.size(); i++) { x[3 * i] += dx; x[3 * i + 1] += dy; x[3 * i + 2] += dz; }
        sys.v()[3 * corner] = sys.v()[3 * corner + 1] = sys.v()[3 * corner + 2] = 8.0;
        long id = sys.id()[corner];
        NeighborSettings everyStep = NeighborSettings.withSkin(1.0).check(false);
        DomainJob job = new DomainJob(sys, ModelFactory.of(TestSystems::argon, () -> new VelocityVerlet(0.002)), everyStep,
            20, 8, 20);
        RecordingHost host = new RecordingHost();
        DomainResult r = run("corner", job, host);

        assertEquals(8, r.grid().count());
        List<RecordingHost.Seen> carrying = host.of("migrants").stream()
            .filter(s -> java.util.Arrays.stream(s.ids()).anyMatch(v -> v == id)).toList();
        assertEquals(1, carrying.size(), "the corner atom migrates once: " + carrying);
        assertEquals(0, carrying.get(0).from(), "from the subdomain below the corner");
        assertEquals(7, carrying.get(0).to(), "straight to the diagonally opposite subdomain");
        assertSerial(sys, TestSystems::argon, new VelocityVerlet(0.002), everyStep, 20, r);
    }

    @Test
    void aSubdomainThatEmptiesKeepsTakingPart() {
        AtomSystem sys = new AtomSystem(SpeciesTable.of("Ar"), Box.orthorhombic(20, 20, 20), 8);
        sys.add(0, 2, 2, 3); sys.add(0, 8, 8, 5); sys.add(0, 14, 4, 7); sys.add(0, 5, 15, 2);
        int a = sys.add(0, 3, 12, 10.4), b = sys.add(0, 12, 12, 10.8);
        sys.v()[3 * a + 2] = -20;
        sys.v()[3 * b + 2] = -20;
        NeighborSettings ns = NeighborSettings.withSkin(1.0);
        DomainJob job = new DomainJob(sys, ModelFactory.of(TestSystems::argon, () -> new VelocityVerlet(0.002)), ns, 60, 2, 60);
        RecordingHost host = new RecordingHost();
        DomainResult r = run("empties", job, host);

        assertEquals(2, r.grid().pz(), "slabs along c: " + r.grid());
        Set<Long> arrived = host.of("migrants").stream().filter(s -> s.to() == 0 && s.from() == 1)
            .flatMap(s -> java.util.Arrays.stream(s.ids()).boxed()).collect(Collectors.toSet());
        assertEquals(Set.of(sys.id()[a], sys.id()[b]), arrived);
        assertEquals(0, r.subdomains().get(1).atoms(), "subdomain 1 ends empty");
        long emptySteps = host.of("advance").stream().filter(s -> s.to() == 1).count();
        assertEquals(60, emptySteps, "the empty subdomain still takes every step");
        assertSerial(sys, TestSystems::argon, new VelocityVerlet(0.002), ns, 60, r);
    }

    @Test
    void aHaloSpansTwoNeighboursWhenSubdomainsAreThinnerThanTheCutoff() {
        AtomSystem sys = TestSystems.fcc(SpeciesTable.of("Ar"), 3, 3, 8, 5.26, 0.1, 200, 9, null);
        NeighborSettings ns = NeighborSettings.withSkin(0.6);
        DomainJob job = new DomainJob(sys, ModelFactory.of(TestSystems::argon, () -> new VelocityVerlet(0.004)), ns, 50, 5, 50);
        RecordingHost host = new RecordingHost();
        DomainResult r = run("two-hops", job, host);

        assertEquals(5, r.grid().pz(), "five slabs of 8.4 Å, thinner than the 9.1 Å halo: " + r.grid());
        Set<Integer> senders = host.of("halo").stream().filter(s -> s.to() == 2 && s.step() == 0 && s.count() > 0)
            .map(RecordingHost.Seen::from).collect(Collectors.toSet());
        assertEquals(Set.of(0, 1, 3, 4), senders, "subdomain 2 gets ghosts from both neighbours on each side");
        assertSerial(sys, TestSystems::argon, new VelocityVerlet(0.004), ns, 50, r);
    }

    @Test
    void anAtomThatOutrunsThePredictionMakesEveryoneRedoTheStepWithARebuild() {
        AtomSystem sys = TestSystems.argonCrystal(4, 100, 21);
        long kicked = sys.id()[17];
        NeighborSettings ns = NeighborSettings.withSkin(1.0);
        DomainJob job = new DomainJob(sys, ModelFactory.of(TestSystems::argon, () -> new KickAt(0.004, 30, kicked, 1.5)), ns,
            60, 3, 60);
        RecordingHost host = new RecordingHost();
        DomainResult r = run("redo", job, host);

        assertEquals(1, r.redos(), "one step redone");
        List<RecordingHost.Seen> redo = host.of("redo");
        assertEquals(3, redo.size(), "every subdomain redoes it");
        assertTrue(redo.stream().allMatch(s -> s.step() == 30 && s.count() == 1), "step 30, with a rebuild: " + redo);
        assertSerial(sys, TestSystems::argon, new KickAt(0.004, 30, kicked, 1.5), ns, 60, r);
    }

    private static void assertSerial(AtomSystem sys, java.util.function.Supplier<io.ionstream.engine.potential.ForceField> field,
                                     Integrator integrator, NeighborSettings ns, int steps, DomainResult r) {
        MdRunner serial = new MdRunner(sys.copy(), field.get(), integrator, ns);
        serial.run(steps);
        assertEquals(serial.potentialEnergy(), r.last().potentialEnergy(), 1e-10 * Math.abs(serial.potentialEnergy()) + 1e-14);
        assertEquals(serial.kineticEnergy(), r.last().kineticEnergy(), 1e-10 * serial.kineticEnergy());
        Trajectories.assertSameState(serial.system(), r.system(), 1e-10);
        assertFalse(Double.isNaN(r.last().totalEnergy()));
    }

    private static int nearest(AtomSystem s, double x, double y, double z) {
        int best = -1;
        double bd = Double.POSITIVE_INFINITY;
        for (int i = 0; i < s.size(); i++) {
            double dx = s.x()[3 * i] - x, dy = s.x()[3 * i + 1] - y, dz = s.x()[3 * i + 2] - z;
            double d = dx * dx + dy * dy + dz * dz;
            if (d < bd) { bd = d; best = i; }
        }
        return best;
    }

    /**
     * Velocity Verlet that, at one step, also moves one atom by {@code jump} Å along x (a jolt no
     * prediction can see). Stateless: the step count lives in globals, so a redo repeats it.
     */
    private record KickAt(double dt, int atStep, long id, double jump) implements Integrator {
        @Override public String name() { return "kick"; }
        @Override public double timestep() { return dt; }
        @Override public int globalsLength() { return 1; }
        @Override public void setup(StepSums total, AtomSystem s, double[] g) { g[0] = 0; }

        @Override
        public void beforeForces(AtomSystem local, double[] g) {
            VelocityVerlet.kick(local, 0.5 * dt);
            VelocityVerlet.drift(local, dt);
            if ((long) g[0] + 1 == atStep) {
                int i = local.indexOfId(id);
                if (i >= 0) local.x()[3 * i] += jump;
            }
        }

        @Override
        public void afterForces(AtomSystem local, double[] g, StepSums partial) {
            VelocityVerlet.kick(local, 0.5 * dt);
            partial.addKinetic(local.v(), local.type(), local.massByType(), local.size());
        }

        @Override public void reduce(StepSums total, double[] g) { g[0] += 1; }
        @Override public void finishStep(AtomSystem local, double[] g) {}
    }
}
