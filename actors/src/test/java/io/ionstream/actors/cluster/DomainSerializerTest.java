package io.ionstream.actors.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ionstream.actors.domain.DomainCoordinator;
import io.ionstream.actors.domain.IntegratorSpec;
import io.ionstream.actors.domain.ModelFactory;
import io.ionstream.actors.domain.ModelSpec;
import io.ionstream.actors.domain.SubdomainActor;
import io.ionstream.actors.domain.SubdomainHost;
import io.ionstream.actors.domain.SubdomainStats;
import io.ionstream.actors.domain.decomp.AtomBlock;
import io.ionstream.actors.domain.decomp.DomainGrid;
import io.ionstream.actors.domain.decomp.ForceBlock;
import io.ionstream.actors.domain.decomp.GhostBlock;
import io.ionstream.engine.md.StepSums;
import io.ionstream.engine.md.VelocityVerlet;
import io.ionstream.engine.neighbor.NeighborSettings;
import io.ionstream.engine.potential.SystemSummary;
import io.ionstream.engine.system.Box;
import io.ionstream.engine.system.SpeciesTable;
import java.io.NotSerializableException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Random;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.serialization.Serialization;
import org.apache.pekko.serialization.SerializationExtension;
import org.apache.pekko.serialization.Serializer;
import org.apache.pekko.actor.typed.javadsl.Adapter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every message of the domain protocol survives the binary serializer bit for bit. */
class DomainSerializerTest {
    private static ActorTestKit kit;
    private static Serialization serialization;

    @BeforeAll
    static void start() {
        kit = ActorTestKit.create();
        serialization = SerializationExtension.get(Adapter.toClassic(kit.system()));
    }

    @AfterAll
    static void stop() { kit.shutdownTestKit(); }

    @SuppressWarnings("unchecked")
    private static <T> T roundTrip(T msg) throws Exception {
        Serializer s = serialization.findSerializerFor(msg);
        assertEquals(DomainSerializer.ID, s.identifier(), "bound to the domain serializer: " + msg.getClass());
        DomainSerializer d = (DomainSerializer) s;
        byte[] bytes = d.toBinary(msg);
        assertEquals(d.size(msg), bytes.length, "size of " + msg.getClass().getSimpleName());
        T a = (T) d.fromBinary(bytes, d.manifest(msg));
        // the ByteBuffer path, at an offset inside a big-endian buffer as Artery hands it over
        ByteBuffer buf = ByteBuffer.allocate(bytes.length + 16);
        buf.position(7);
        d.toBinary(msg, buf);
        assertEquals(7 + bytes.length, buf.position());
        buf.flip();
        buf.position(7);
        T b = (T) d.fromBinary(buf, d.manifest(msg));
        assertEquals(0, buf.remaining());
        assertArrayEquals(bytes, d.toBinary(b), "both paths decode the same");
        return a;
    }

    private static AtomBlock atoms(int n, long seed) {
        Random r = new Random(seed);
        AtomBlock b = new AtomBlock(n + 5); // capacity above count: only the used part travels
        b.count = n;
        for (int k = 0; k < 3 * n; k++) {
            b.x[k] = r.nextGaussian() * 10;
            b.v[k] = r.nextGaussian();
            b.f[k] = r.nextGaussian();
            b.image[k] = r.nextInt(7) - 3;
        }
        for (int i = 0; i < n; i++) {
            b.type[i] = r.nextInt(4);
            b.id[i] = r.nextLong();
            b.q[i] = r.nextGaussian();
        }
        b.extraNames = new String[] {"cg.h", "scalar"};
        b.extraStrides = new int[] {3, 1};
        b.extra = new double[][] {new double[3 * (n + 5)], new double[n + 5]};
        for (int k = 0; k < 3 * n; k++) b.extra[0][k] = r.nextGaussian();
        for (int k = 0; k < n; k++) b.extra[1][k] = -k;
        return b;
    }

    private static void assertAtoms(AtomBlock e, AtomBlock a) {
        assertEquals(e.count, a.count);
        int n = e.count;
        for (int k = 0; k < 3 * n; k++) {
            assertEquals(Double.doubleToRawLongBits(e.x[k]), Double.doubleToRawLongBits(a.x[k]));
            assertEquals(Double.doubleToRawLongBits(e.v[k]), Double.doubleToRawLongBits(a.v[k]));
            assertEquals(Double.doubleToRawLongBits(e.f[k]), Double.doubleToRawLongBits(a.f[k]));
            assertEquals(e.image[k], a.image[k]);
        }
        for (int i = 0; i < n; i++) {
            assertEquals(e.type[i], a.type[i]);
            assertEquals(e.id[i], a.id[i]);
            assertEquals(e.q[i], a.q[i]);
        }
        assertArrayEquals(e.extraNames, a.extraNames);
        assertArrayEquals(e.extraStrides, a.extraStrides);
        for (int x = 0; x < e.extra.length; x++) {
            for (int k = 0; k < e.extraStrides[x] * n; k++) assertEquals(e.extra[x][k], a.extra[x][k]);
        }
    }

    @Test
    void haloReverseAndMigrantsKeepEveryBit() throws Exception {
        GhostBlock g = new GhostBlock(10);
        g.count = 9;
        g.distinct = 7;
        g.properties = true;
        for (int k = 0; k < 21; k++) g.x[k] = Math.PI * k - 1e-300;
        for (int i = 0; i < 7; i++) { g.type[i] = i % 3; g.q[i] = -0.5 * i; g.id[i] = 1000L * i - 7; }
        for (int k = 0; k < 36; k++) g.expansion[k] = k % 4 == 0 ? k / 4 % 7 : k % 3 - 1;
        SubdomainActor.Halo h = roundTrip(new SubdomainActor.Halo(123456789012L, 5, g));
        assertEquals(123456789012L, h.step());
        assertEquals(5, h.from());
        assertEquals(9, h.ghosts().count);
        assertEquals(7, h.ghosts().distinct);
        for (int k = 0; k < 21; k++) assertEquals(g.x[k], h.ghosts().x[k]);
        for (int i = 0; i < 7; i++) {
            assertEquals(g.type[i], h.ghosts().type[i]);
            assertEquals(g.q[i], h.ghosts().q[i]);
            assertEquals(g.id[i], h.ghosts().id[i]);
        }
        for (int k = 0; k < 36; k++) assertEquals(g.expansion[k], h.ghosts().expansion[k]);
        g.properties = false;
        assertEquals(false, roundTrip(new SubdomainActor.Halo(1, 0, g)).ghosts().properties);

        ForceBlock f = new ForceBlock(9);
        f.count = 3;
        for (int k = 0; k < 9; k++) f.f[k] = -k / 3.0;
        SubdomainActor.Reverse r = roundTrip(new SubdomainActor.Reverse(9, 2, f));
        for (int k = 0; k < 9; k++) assertEquals(f.f[k], r.forces().f[k]);
        f.energies = true;
        f.ensureEnergyCapacity(3);
        f.e[0] = -1; f.e[1] = 2; f.e[2] = -3;
        r = roundTrip(new SubdomainActor.Reverse(9, 2, f));
        assertTrue(r.forces().energies);
        for (int k = 0; k < 3; k++) assertEquals(f.e[k], r.forces().e[k]);

        AtomBlock b = atoms(11, 4);
        SubdomainActor.Migrants m = roundTrip(new SubdomainActor.Migrants(77, 3, b));
        assertAtoms(b, m.atoms());
        assertEquals(0, roundTrip(new SubdomainActor.Migrants(77, 3, new AtomBlock(3))).atoms().count);
    }

    @Test
    void stepMessagesAndReportsKeepEveryBit() throws Exception {
        SubdomainActor.Advance a = roundTrip(new SubdomainActor.Advance(42, new double[] {1.5, -2e-17, Double.MIN_VALUE}, true, false,
            0x8000_0000_0000_0005L, true, true));
        assertEquals(42, a.step());
        assertArrayEquals(new double[] {1.5, -2e-17, Double.MIN_VALUE}, a.globals());
        assertTrue(a.rebuild());
        assertEquals(0x8000_0000_0000_0005L, a.sample());
        assertTrue(a.initState());
        assertTrue(a.frame());
        DomainCoordinator.FramePart fp = roundTrip(new DomainCoordinator.FramePart(12, 3, 2, new double[] {1, 2, 3, 4, 5, 6.5, 99},
            new int[] {-1, 0, 1, 2, 3, -4, 7}, new long[] {7, 1L << 50, 3}));
        assertEquals(12, fp.step());
        assertEquals(3, fp.from());
        assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6.5}, fp.x(), "only the used part travels");
        assertArrayEquals(new int[] {-1, 0, 1, 2, 3, -4}, fp.image());
        assertArrayEquals(new long[] {7, 1L << 50}, fp.id());
        StepSums s = new StepSums();
        for (int k = 0; k < 6; k++) { s.mvv[k] = k + 0.1; s.virial[k] = -k * 1e5; }
        s.potentialEnergy = -123.456;
        s.atoms = 1L << 40;
        s.extra = new double[] {3, 4};
        s.stepper = new double[] {5, 6, 7};
        s.stepperMax = new double[] {8};
        DomainCoordinator.Report p = roundTrip(new DomainCoordinator.Report(7, 1, s, 0.25, 99L, 0.6, true, 6));
        assertArrayEquals(s.mvv, p.sums().mvv);
        assertArrayEquals(s.virial, p.sums().virial);
        assertEquals(s.potentialEnergy, p.sums().potentialEnergy);
        assertEquals(s.atoms, p.sums().atoms);
        assertArrayEquals(s.extra, p.sums().extra);
        assertArrayEquals(s.stepper, p.sums().stepper);
        assertArrayEquals(s.stepperMax, p.sums().stepperMax);
        assertEquals(0.25, p.hint());
        assertEquals(99L, p.violationId());
        assertEquals(6, p.observed());
        assertArrayEquals(new double[] {9}, roundTrip(new SubdomainActor.Finish(new double[] {9})).globals());
        DomainCoordinator.GlobalPartial gp = roundTrip(new DomainCoordinator.GlobalPartial(5, 2, new double[] {1e300, -0.0, 3}));
        assertEquals(2, gp.from());
        assertArrayEquals(new double[] {1e300, -0.0, 3}, gp.sums());
        assertArrayEquals(new double[] {4, 5}, roundTrip(new SubdomainActor.GlobalTotals(5, new double[] {4, 5})).totals());
        roundTrip(new SubdomainActor.Stop());
        assertEquals("boom: ünïcode", roundTrip(new DomainCoordinator.SubdomainFailed(3, "boom: ünïcode")).message());
    }

    @Test
    void setupSpawnAndGatherMessagesCarryRefsAndModels() throws Exception {
        TestProbe<SubdomainActor.Command> peer = kit.createTestProbe();
        TestProbe<DomainCoordinator.Command> coord = kit.createTestProbe();
        ModelSpec model = new ModelSpec("lj.lmp", "pair_style lj/cut 8.5\npair_coeff * * 0.0104 3.4\n", IntegratorSpec.nve(0.002));
        AtomBlock b = atoms(5, 9);
        Box box = new Box(1, 2, 3, 10, 11, 12, 0.5, -0.25, 1.5);
        SystemSummary system = new SystemSummary(SpeciesTable.of("Li", "P", "S", "Cl"), 123456789L, 37.25, box);
        SubdomainActor.Init i = roundTrip(new SubdomainActor.Init(1, new DomainGrid(2, 1, 3), system, b, model,
            new NeighborSettings(1.5, 2, 3, false, 7), null, List.of(peer.ref(), peer.ref()), coord.ref(), 6, true, false));
        assertEquals(6, i.sample());
        assertTrue(i.initState());
        assertFalse(i.frame());
        assertNull(i.observables());
        assertEquals(new DomainGrid(2, 1, 3), i.grid());
        assertEquals("Cl", i.system().species().symbol(3));
        assertEquals(box.toString(), i.system().box().toString());
        assertEquals(123456789L, i.system().atoms());
        assertEquals(37.25, i.system().sumSquaredCharges());
        assertEquals(model, i.model());
        assertEquals(new NeighborSettings(1.5, 2, 3, false, 7), i.neighbors());
        assertEquals(peer.ref(), i.peers().get(1));
        assertEquals(coord.ref(), i.coordinator());
        assertAtoms(b, i.atoms());

        // a model of another layer travels as its own bytes, and serves as the observable source too
        TestPortableModel portable = new TestPortableModel("lj/cut 6.5 ünïcode");
        SubdomainActor.Init pi = roundTrip(new SubdomainActor.Init(0, new DomainGrid(1, 1, 1), system, b, portable,
            NeighborSettings.defaults(), portable, List.of(peer.ref()), coord.ref(), 0, false, true));
        assertEquals(portable, pi.model());
        assertSame(pi.model(), pi.observables(), "one object for both");
        SubdomainActor.Init po = roundTrip(new SubdomainActor.Init(0, new DomainGrid(1, 1, 1), system, b, model,
            NeighborSettings.defaults(), portable, List.of(peer.ref()), coord.ref(), 0, false, true));
        assertEquals(portable, po.observables());

        SubdomainStats st = new SubdomainStats(2, 10, 11, 12, 13, 14, 15, 16, 17, 18);
        DomainCoordinator.FinalAtoms g = roundTrip(new DomainCoordinator.FinalAtoms(2, b, box, st, new double[] {1, 2.5}, 9));
        assertArrayEquals(new double[] {1, 2.5}, g.observables());
        assertEquals(9, g.observed());
        assertEquals(st, g.stats());
        assertAtoms(b, g.atoms());
        assertEquals(peer.ref(), roundTrip(new DomainCoordinator.Spawned(4, peer.ref())).ref());
        SubdomainHost.Spawn sp = roundTrip(new SubdomainHost.Spawn("job-1", 3, coord.ref()));
        assertEquals("job-1", sp.job());
        assertEquals(coord.ref(), sp.replyTo());
    }

    @Test
    void inProcessModelsAndDamagedBytesAreRefusedClearly() {
        TestProbe<SubdomainActor.Command> peer = kit.createTestProbe();
        TestProbe<DomainCoordinator.Command> coord = kit.createTestProbe();
        SubdomainActor.Init init = new SubdomainActor.Init(0, new DomainGrid(1, 1, 1),
            new SystemSummary(SpeciesTable.of("Ar"), 1, 0, Box.orthorhombic(5, 5, 5)), new AtomBlock(1),
            ModelFactory.of(() -> null, () -> new VelocityVerlet(0.001)),
            NeighborSettings.defaults(), null, List.of(peer.ref()), coord.ref(), 0, false, false);
        DomainSerializer d = (DomainSerializer) serialization.findSerializerFor(init);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> d.toBinary(init));
        assertTrue(e.getMessage().contains("ModelSpec"), e.getMessage());
        SubdomainActor.Init inProcessObservables = new SubdomainActor.Init(0, new DomainGrid(1, 1, 1),
            new SystemSummary(SpeciesTable.of("Ar"), 1, 0, Box.orthorhombic(5, 5, 5)), new AtomBlock(1),
            new TestPortableModel("x"), NeighborSettings.defaults(), List::of, List.of(peer.ref()), coord.ref(), 1, false, false);
        e = assertThrows(IllegalArgumentException.class, () -> d.toBinary(inProcessObservables));
        assertTrue(e.getMessage().contains("Portable observable source"), e.getMessage());
        IllegalArgumentException notPortable = assertThrows(IllegalArgumentException.class,
            () -> io.ionstream.actors.domain.Portable.decode("java.lang.String", new byte[0]));
        assertTrue(notPortable.getMessage().contains("not Portable"), notPortable.getMessage());

        byte[] ok = d.toBinary(new SubdomainActor.Migrants(1, 0, atoms(4, 1)));
        byte[] cut = java.util.Arrays.copyOf(ok, ok.length / 2);
        NotSerializableException n = assertThrows(NotSerializableException.class, () -> d.fromBinary(cut, "M"));
        assertTrue(n.getMessage().contains("damaged"), n.getMessage());
        assertThrows(NotSerializableException.class, () -> d.fromBinary(ok, "?"));
    }
}
