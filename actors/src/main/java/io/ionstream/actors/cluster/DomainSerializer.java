package io.ionstream.actors.cluster;

import io.ionstream.actors.domain.DomainCoordinator;
import io.ionstream.actors.domain.IntegratorSpec;
import io.ionstream.actors.domain.ModelFactory;
import io.ionstream.actors.domain.ModelSpec;
import io.ionstream.actors.domain.ObservableSource;
import io.ionstream.actors.domain.Portable;
import io.ionstream.actors.domain.SubdomainActor;
import io.ionstream.actors.domain.SubdomainHost;
import io.ionstream.actors.domain.SubdomainStats;
import io.ionstream.actors.domain.decomp.AtomBlock;
import io.ionstream.actors.domain.decomp.DomainGrid;
import io.ionstream.actors.domain.decomp.ForceBlock;
import io.ionstream.actors.domain.decomp.GhostBlock;
import io.ionstream.engine.md.StepSums;
import io.ionstream.engine.neighbor.NeighborSettings;
import io.ionstream.engine.potential.SystemSummary;
import io.ionstream.engine.system.Box;
import io.ionstream.engine.system.SpeciesTable;
import java.io.NotSerializableException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import org.apache.pekko.actor.ExtendedActorSystem;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorRefResolver;
import org.apache.pekko.actor.typed.javadsl.Adapter;
import org.apache.pekko.serialization.ByteBufferSerializer;
import org.apache.pekko.serialization.SerializerWithStringManifest;

/**
 * Binary serializer for every message of the domain protocol that can cross nodes: halos,
 * reverse forces, migrants, reports, global sums, step commands, set-up and gathering. Hand-written
 * little-endian layout of primitive arrays (no Java serialization, no per-atom objects); only
 * the used part of each reusable block travels. Registered in this module's
 * {@code reference.conf}; as a {@link ByteBufferSerializer}, Artery writes straight into its
 * frame buffers. Models travel as a {@link ModelSpec} (potential file and integrator by name) or
 * as a {@link Portable} (its class name and its own bytes; so do observable sources); an
 * in-process {@code ModelFactory} cannot be sent and is reported as such.
 */
public final class DomainSerializer extends SerializerWithStringManifest implements ByteBufferSerializer {
    /** Serializer id, unique in the system (Pekko reserves 0..40). */
    public static final int ID = 917_400;

    private final ExtendedActorSystem system;
    private volatile ActorRefResolver resolver;
    private final LongAdder bytesOut = new LongAdder();

    public DomainSerializer(ExtendedActorSystem system) {
        this.system = system;
    }

    @Override
    public int identifier() {
        return ID;
    }

    @Override
    public String manifest(Object o) {
        return switch (o) {
            case SubdomainActor.Halo m -> "H";
            case SubdomainActor.Reverse m -> "R";
            case SubdomainActor.Advance m -> "A";
            case DomainCoordinator.Report m -> "P";
            case DomainCoordinator.GlobalPartial m -> "GP";
            case SubdomainActor.GlobalTotals m -> "GT";
            case SubdomainActor.Migrants m -> "M";
            case SubdomainActor.Init m -> "I";
            case SubdomainActor.Finish m -> "F";
            case SubdomainActor.Stop m -> "S";
            case DomainCoordinator.FinalAtoms m -> "G";
            case DomainCoordinator.SubdomainFailed m -> "E";
            case DomainCoordinator.Spawned m -> "D";
            case DomainCoordinator.FramePart m -> "FP";
            case SubdomainHost.Spawn m -> "N";
            default -> throw new IllegalArgumentException("DomainSerializer cannot serialize " + o.getClass().getName());
        };
    }

    /** The domain serializer of {@code system}. */
    public static DomainSerializer of(org.apache.pekko.actor.typed.ActorSystem<?> system) {
        return (DomainSerializer) org.apache.pekko.serialization.SerializationExtension.get(Adapter.toClassic(system))
            .serializerByIdentity().get(ID).get();
    }

    /** Bytes this node's serializer has encoded so far (what it sent to other nodes, for benchmarks). */
    public long bytesSerialized() {
        return bytesOut.sum();
    }

    @Override
    public byte[] toBinary(Object o) {
        ByteBuffer buf = ByteBuffer.allocate(size(o)).order(ByteOrder.LITTLE_ENDIAN);
        write(o, new Wire.Out(buf));
        bytesOut.add(buf.position());
        return buf.array();
    }

    @Override
    public void toBinary(Object o, ByteBuffer buf) {
        ByteOrder order = buf.order();
        int start = buf.position();
        buf.order(ByteOrder.LITTLE_ENDIAN);
        try {
            write(o, new Wire.Out(buf));
        } finally {
            buf.order(order);
        }
        bytesOut.add(buf.position() - start);
    }

    @Override
    public Object fromBinary(byte[] bytes, String manifest) throws NotSerializableException {
        return fromBinary(ByteBuffer.wrap(bytes), manifest);
    }

    @Override
    public Object fromBinary(ByteBuffer buf, String manifest) throws NotSerializableException {
        ByteOrder order = buf.order();
        buf.order(ByteOrder.LITTLE_ENDIAN);
        try {
            return read(new Wire.In(buf), manifest);
        } catch (RuntimeException e) {
            NotSerializableException n = new NotSerializableException("cannot decode domain message '" + manifest + "': "
                + e.getMessage());
            n.initCause(e);
            throw n;
        } finally {
            buf.order(order);
        }
    }

    // ------------------------------------------------------------------------------- sizes

    /** Exact encoded size of a message (bytes). */
    int size(Object o) {
        return switch (o) {
            case SubdomainActor.Halo m -> 12 + ghostSize(m.ghosts());
            case SubdomainActor.Reverse m -> 12 + 4 + 24 * m.forces().count + 1 + (m.forces().energies ? 8 * m.forces().count : 0);
            case SubdomainActor.Advance m -> 8 + 4 + 8 * m.globals().length + 2 + 8 + 2;
            case DomainCoordinator.Report m -> 12 + sumsSize(m.sums()) + 8 + 8 + 8 + 1 + 8;
            case DomainCoordinator.GlobalPartial m -> 12 + 4 + 8 * m.sums().length;
            case SubdomainActor.GlobalTotals m -> 8 + 4 + 8 * m.totals().length;
            case SubdomainActor.Migrants m -> 12 + atomsSize(m.atoms());
            case SubdomainActor.Init m -> {
                int s = 4 + 12 + speciesSize(m.system().species()) + 72 + 16 + atomsSize(m.atoms()) + modelSize(m)
                    + observablesSize(m) + 21 + 4 + Wire.stringSize(ref(m.coordinator())) + 8 + 2;
                for (ActorRef<SubdomainActor.Command> p : m.peers()) s += Wire.stringSize(ref(p));
                yield s;
            }
            case SubdomainActor.Finish m -> 4 + 8 * m.globals().length;
            case SubdomainActor.Stop m -> 0;
            case DomainCoordinator.FinalAtoms m -> 4 + atomsSize(m.atoms()) + 72 + 4 + 8 * 5 + 4 * 3 + 8
                + 4 + 8 * m.observables().length + 8;
            case DomainCoordinator.FramePart m -> 8 + 4 + 4 + 24 * m.count() + 12 * m.count() + 8 * m.count();
            case DomainCoordinator.SubdomainFailed m -> 4 + Wire.stringSize(m.message());
            case DomainCoordinator.Spawned m -> 4 + Wire.stringSize(ref(m.ref()));
            case SubdomainHost.Spawn m -> Wire.stringSize(m.job()) + 4 + Wire.stringSize(ref(m.replyTo()));
            default -> throw new IllegalArgumentException("DomainSerializer cannot serialize " + o.getClass().getName());
        };
    }

    private static int ghostSize(GhostBlock g) {
        return 4 + 4 + 1 + 24 * g.distinct + (g.properties ? 20 * g.distinct + 16 * g.count : 0);
    }

    private static int atomsSize(AtomBlock b) {
        // x, v, f (3 doubles each), image (3 ints), type (int), id (long), q (double); extra arrays
        int s = 4 + b.count * (72 + 12 + 4 + 8 + 8) + 4;
        for (int e = 0; e < b.extra.length; e++) s += Wire.stringSize(b.extraNames[e]) + 4 + 8 * b.extraStrides[e] * b.count;
        return s;
    }

    private static int sumsSize(StepSums s) {
        return 96 + 8 + 8 + 12 + 8 * (s.extra.length + s.stepper.length + s.stepperMax.length);
    }

    private static int speciesSize(SpeciesTable t) {
        int s = 4;
        for (int i = 0; i < t.size(); i++) s += Wire.stringSize(t.symbol(i)) + 8;
        return s;
    }

    private static final byte MODEL_SPEC = 0, PORTABLE = 1, NONE = 2, SAME_AS_MODEL = 3;

    private static int modelSize(SubdomainActor.Init m) {
        return switch (m.model()) {
            case ModelSpec spec -> 1 + Wire.stringSize(spec.potentialName()) + 4 + spec.potential().length
                + Wire.stringSize(spec.integratorSpec().ensemble()) + 40;
            case Portable p -> 1 + portableSize(p);
            default -> throw new IllegalArgumentException("this job's model (" + m.model().getClass().getName()
                + ") only works in one process; jobs on several nodes need a ModelSpec (potential file text) or a Portable model");
        };
    }

    private static int observablesSize(SubdomainActor.Init m) {
        if (m.observables() == null || m.observables() == m.model()) return 1;
        if (m.observables() instanceof Portable p) return 1 + portableSize(p);
        throw new IllegalArgumentException("live observables on several nodes need a Portable observable source; "
            + m.observables().getClass().getName() + " only works in one process");
    }

    private static int portableSize(Portable p) {
        return Wire.stringSize(p.getClass().getName()) + 4 + p.encode().length;
    }

    private static void writePortable(Portable p, Wire.Out w) {
        w.string(p.getClass().getName());
        w.bytes(p.encode());
    }

    // ------------------------------------------------------------------------------- writing

    private void write(Object o, Wire.Out w) {
        switch (o) {
            case SubdomainActor.Halo m -> {
                w.i64(m.step());
                w.i32(m.from());
                GhostBlock g = m.ghosts();
                w.i32(g.count);
                w.i32(g.distinct);
                w.bool(g.properties);
                w.doubles(g.x, 3 * g.distinct);
                if (g.properties) {
                    w.ints(g.type, g.distinct);
                    w.doubles(g.q, g.distinct);
                    w.longs(g.id, g.distinct);
                    w.ints(g.expansion, 4 * g.count);
                }
            }
            case SubdomainActor.Reverse m -> {
                w.i64(m.step());
                w.i32(m.from());
                w.i32(m.forces().count);
                w.doubles(m.forces().f, 3 * m.forces().count);
                w.bool(m.forces().energies);
                if (m.forces().energies) w.doubles(m.forces().e, m.forces().count);
            }
            case SubdomainActor.Advance m -> {
                w.i64(m.step());
                w.doubleArray(m.globals());
                w.bool(m.rebuild());
                w.bool(m.redo());
                w.i64(m.sample());
                w.bool(m.initState());
                w.bool(m.frame());
            }
            case DomainCoordinator.Report m -> {
                w.i64(m.step());
                w.i32(m.from());
                writeSums(m.sums(), w);
                w.f64(m.hint());
                w.i64(m.violationId());
                w.f64(m.violationDistance());
                w.bool(m.rebuilt());
                w.i64(m.observed());
            }
            case DomainCoordinator.GlobalPartial m -> {
                w.i64(m.step());
                w.i32(m.from());
                w.doubleArray(m.sums());
            }
            case SubdomainActor.GlobalTotals m -> {
                w.i64(m.step());
                w.doubleArray(m.totals());
            }
            case SubdomainActor.Migrants m -> {
                w.i64(m.step());
                w.i32(m.from());
                writeAtoms(m.atoms(), w);
            }
            case SubdomainActor.Init m -> {
                w.i32(m.index());
                w.i32(m.grid().px());
                w.i32(m.grid().py());
                w.i32(m.grid().pz());
                SpeciesTable species = m.system().species();
                w.i32(species.size());
                for (int i = 0; i < species.size(); i++) {
                    w.string(species.symbol(i));
                    w.f64(species.mass(i));
                }
                writeBox(m.system().box(), w);
                w.i64(m.system().atoms());
                w.f64(m.system().sumSquaredCharges());
                writeAtoms(m.atoms(), w);
                switch (m.model()) {
                    case ModelSpec spec -> {
                        w.u8(MODEL_SPEC);
                        w.string(spec.potentialName());
                        w.bytes(spec.potential());
                        IntegratorSpec is = spec.integratorSpec();
                        w.string(is.ensemble());
                        w.f64(is.dt());
                        w.f64(is.temperature());
                        w.f64(is.tdamp());
                        w.f64(is.pressure());
                        w.f64(is.pdamp());
                    }
                    case Portable p -> {
                        w.u8(PORTABLE);
                        writePortable(p, w);
                    }
                    default -> throw new IllegalArgumentException("cannot send model " + m.model().getClass().getName());
                }
                if (m.observables() == null) {
                    w.u8(NONE);
                } else if (m.observables() == m.model()) {
                    w.u8(SAME_AS_MODEL);
                } else {
                    w.u8(PORTABLE);
                    writePortable((Portable) m.observables(), w);
                }
                NeighborSettings ns = m.neighbors();
                w.f64(ns.skin());
                w.i32(ns.every());
                w.i32(ns.delay());
                w.bool(ns.check());
                w.i32(ns.sortEvery());
                w.i32(m.peers().size());
                for (ActorRef<SubdomainActor.Command> p : m.peers()) w.string(ref(p));
                w.string(ref(m.coordinator()));
                w.i64(m.sample());
                w.bool(m.initState());
                w.bool(m.frame());
            }
            case SubdomainActor.Finish m -> w.doubleArray(m.globals());
            case SubdomainActor.Stop m -> { }
            case DomainCoordinator.FinalAtoms m -> {
                w.i32(m.from());
                writeAtoms(m.atoms(), w);
                writeBox(m.box(), w);
                SubdomainStats s = m.stats();
                w.i32(s.index());
                w.i64(s.steps());
                w.i64(s.busyNanos());
                w.i64(s.forceNanos());
                w.i64(s.waitNanos());
                w.i64(s.cpuNanos());
                w.i32(s.atoms());
                w.i32(s.ghosts());
                w.i32(s.rebuilds());
                w.i64(s.messagesSent());
                w.doubleArray(m.observables());
                w.i64(m.observed());
            }
            case DomainCoordinator.SubdomainFailed m -> {
                w.i32(m.from());
                w.string(m.message());
            }
            case DomainCoordinator.Spawned m -> {
                w.i32(m.index());
                w.string(ref(m.ref()));
            }
            case DomainCoordinator.FramePart m -> {
                w.i64(m.step());
                w.i32(m.from());
                w.i32(m.count());
                w.doubles(m.x(), 3 * m.count());
                w.ints(m.image(), 3 * m.count());
                w.longs(m.id(), m.count());
            }
            case SubdomainHost.Spawn m -> {
                w.string(m.job());
                w.i32(m.index());
                w.string(ref(m.replyTo()));
            }
            default -> throw new IllegalArgumentException("DomainSerializer cannot serialize " + o.getClass().getName());
        }
    }

    private static void writeAtoms(AtomBlock b, Wire.Out w) {
        int n = b.count;
        w.i32(n);
        w.doubles(b.x, 3 * n);
        w.doubles(b.v, 3 * n);
        w.doubles(b.f, 3 * n);
        w.ints(b.image, 3 * n);
        w.ints(b.type, n);
        w.longs(b.id, n);
        w.doubles(b.q, n);
        w.i32(b.extra.length);
        for (int e = 0; e < b.extra.length; e++) {
            w.string(b.extraNames[e]);
            w.i32(b.extraStrides[e]);
            w.doubles(b.extra[e], b.extraStrides[e] * n);
        }
    }

    private static void writeSums(StepSums s, Wire.Out w) {
        w.doubles(s.mvv, 6);
        w.doubles(s.virial, 6);
        w.f64(s.potentialEnergy);
        w.i64(s.atoms);
        w.doubleArray(s.extra);
        w.doubleArray(s.stepper);
        w.doubleArray(s.stepperMax);
    }

    private static void writeBox(Box b, Wire.Out w) {
        w.f64(b.xlo()); w.f64(b.ylo()); w.f64(b.zlo());
        w.f64(b.lx()); w.f64(b.ly()); w.f64(b.lz());
        w.f64(b.xy()); w.f64(b.xz()); w.f64(b.yz());
    }

    // ------------------------------------------------------------------------------- reading

    private Object read(Wire.In r, String manifest) throws NotSerializableException {
        return switch (manifest) {
            case "H" -> {
                long step = r.i64();
                int from = r.i32();
                int n = r.count(0, "halo image");
                int u = r.count(24, "halo atom");
                GhostBlock g = new GhostBlock(0);
                g.count = n;
                g.distinct = u;
                g.properties = r.bool();
                g.x = r.doubles(3 * u);
                if (g.properties) {
                    g.type = r.ints(u);
                    g.q = r.doubles(u);
                    g.id = r.longs(r.checked(u, 8, "halo id"));
                    g.expansion = r.ints(4 * r.checked(n, 16, "halo image"));
                }
                yield new SubdomainActor.Halo(step, from, g);
            }
            case "R" -> {
                long step = r.i64();
                int from = r.i32();
                int n = r.count(24, "reverse force");
                ForceBlock f = new ForceBlock(0);
                f.count = n;
                f.f = r.doubles(3 * n);
                f.energies = r.bool();
                if (f.energies) f.e = r.doubles(r.checked(n, 8, "per-atom energy"));
                yield new SubdomainActor.Reverse(step, from, f);
            }
            case "A" -> new SubdomainActor.Advance(r.i64(), r.doubleArray(), r.bool(), r.bool(), r.i64(), r.bool(), r.bool());
            case "P" -> new DomainCoordinator.Report(r.i64(), r.i32(), readSums(r), r.f64(), r.i64(), r.f64(), r.bool(), r.i64());
            case "M" -> new SubdomainActor.Migrants(r.i64(), r.i32(), readAtoms(r));
            case "GP" -> new DomainCoordinator.GlobalPartial(r.i64(), r.i32(), r.doubleArray());
            case "GT" -> new SubdomainActor.GlobalTotals(r.i64(), r.doubleArray());
            case "I" -> {
                int index = r.i32();
                DomainGrid grid = new DomainGrid(r.i32(), r.i32(), r.i32());
                int ns = r.count(12, "species");
                String[] symbols = new String[ns];
                double[] masses = new double[ns];
                for (int i = 0; i < ns; i++) {
                    symbols[i] = r.string();
                    masses[i] = r.f64();
                }
                Box box = readBox(r);
                SystemSummary system = new SystemSummary(new SpeciesTable(symbols, masses), r.i64(), r.f64(), box);
                AtomBlock atoms = readAtoms(r);
                ModelFactory model = switch (r.u8()) {
                    case MODEL_SPEC -> {
                        String potName = r.string();
                        byte[] potential = r.bytes();
                        yield new ModelSpec(potName, potential, new IntegratorSpec(r.string(), r.f64(), r.f64(), r.f64(), r.f64(), r.f64()));
                    }
                    case PORTABLE -> {
                        Portable p = Portable.decode(r.string(), r.bytes());
                        if (!(p instanceof ModelFactory f)) throw new IllegalArgumentException(p.getClass().getName() + " is not a model");
                        yield f;
                    }
                    default -> throw new IllegalArgumentException("damaged message: unknown model kind");
                };
                ObservableSource observables = switch (r.u8()) {
                    case NONE -> null;
                    case SAME_AS_MODEL -> {
                        if (!(model instanceof ObservableSource o)) throw new IllegalArgumentException("the model is no observable source");
                        yield o;
                    }
                    case PORTABLE -> {
                        Portable p = Portable.decode(r.string(), r.bytes());
                        if (!(p instanceof ObservableSource o)) throw new IllegalArgumentException(p.getClass().getName() + " is no observable source");
                        yield o;
                    }
                    default -> throw new IllegalArgumentException("damaged message: unknown observable kind");
                };
                NeighborSettings settings = new NeighborSettings(r.f64(), r.i32(), r.i32(), r.bool(), r.i32());
                int np = r.count(4, "peer");
                List<ActorRef<SubdomainActor.Command>> peers = new ArrayList<>(np);
                for (int i = 0; i < np; i++) peers.add(resolve(r.string()));
                ActorRef<DomainCoordinator.Command> coordinator = resolve(r.string());
                yield new SubdomainActor.Init(index, grid, system, atoms, model, settings, observables, peers, coordinator,
                    r.i64(), r.bool(), r.bool());
            }
            case "F" -> new SubdomainActor.Finish(r.doubleArray());
            case "S" -> new SubdomainActor.Stop();
            case "G" -> {
                int from = r.i32();
                AtomBlock atoms = readAtoms(r);
                Box box = readBox(r);
                SubdomainStats s = new SubdomainStats(r.i32(), r.i64(), r.i64(), r.i64(), r.i64(), r.i64(), r.i32(), r.i32(),
                    r.i32(), r.i64());
                yield new DomainCoordinator.FinalAtoms(from, atoms, box, s, r.doubleArray(), r.i64());
            }
            case "E" -> new DomainCoordinator.SubdomainFailed(r.i32(), r.string());
            case "D" -> new DomainCoordinator.Spawned(r.i32(), resolve(r.string()));
            case "FP" -> {
                long step = r.i64();
                int from = r.i32();
                int n = r.count(44, "frame atom");
                yield new DomainCoordinator.FramePart(step, from, n, r.doubles(3 * n), r.ints(3 * n), r.longs(n));
            }
            case "N" -> new SubdomainHost.Spawn(r.string(), r.i32(), resolve(r.string()));
            default -> throw new NotSerializableException("unknown domain message manifest '" + manifest + "'");
        };
    }

    private static AtomBlock readAtoms(Wire.In r) {
        int n = r.count(104, "atom");
        AtomBlock b = new AtomBlock(0);
        b.count = n;
        b.x = r.doubles(3 * n);
        b.v = r.doubles(3 * n);
        b.f = r.doubles(3 * n);
        b.image = r.ints(3 * n);
        b.type = r.ints(n);
        b.id = r.longs(n);
        b.q = r.doubles(n);
        int ne = r.count(8, "extra array");
        b.extraNames = new String[ne];
        b.extraStrides = new int[ne];
        b.extra = new double[ne][];
        for (int e = 0; e < ne; e++) {
            b.extraNames[e] = r.string();
            int stride = r.i32();
            if (stride < 1 || (long) stride * n * 8 > r.buf.remaining()) {
                throw new IllegalArgumentException("damaged message: extra array '" + b.extraNames[e] + "' of stride " + stride);
            }
            b.extraStrides[e] = stride;
            b.extra[e] = r.doubles(stride * n);
        }
        return b;
    }

    private static StepSums readSums(Wire.In r) {
        StepSums s = new StepSums();
        double[] mvv = r.doubles(6), vir = r.doubles(6);
        System.arraycopy(mvv, 0, s.mvv, 0, 6);
        System.arraycopy(vir, 0, s.virial, 0, 6);
        s.potentialEnergy = r.f64();
        s.atoms = r.i64();
        s.extra = r.doubleArray();
        s.stepper = r.doubleArray();
        s.stepperMax = r.doubleArray();
        return s;
    }

    private static Box readBox(Wire.In r) {
        return new Box(r.f64(), r.f64(), r.f64(), r.f64(), r.f64(), r.f64(), r.f64(), r.f64(), r.f64());
    }

    private String ref(ActorRef<?> ref) {
        return resolver().toSerializationFormat(ref);
    }

    private <T> ActorRef<T> resolve(String s) {
        return resolver().resolveActorRef(s);
    }

    private ActorRefResolver resolver() {
        ActorRefResolver r = resolver;
        if (r == null) {
            r = ActorRefResolver.get(Adapter.toTyped(system));
            resolver = r;
        }
        return r;
    }
}
