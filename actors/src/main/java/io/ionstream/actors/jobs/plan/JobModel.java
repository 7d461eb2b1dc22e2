package io.ionstream.actors.jobs.plan;

import io.ionstream.actors.catalog.PortablePotential;
import io.ionstream.actors.jobs.run.ObservableGrouping;
import io.ionstream.actors.jobs.run.ObservablePlan;
import io.ionstream.actors.jobs.run.StageModel;
import io.ionstream.actors.jobs.run.StageModels;
import io.ionstream.engine.analysis.live.Observable;
import io.ionstream.engine.analysis.live.ObservableSet;
import io.ionstream.engine.md.Integrator;
import io.ionstream.engine.potential.ForceField;
import io.ionstream.engine.potential.SystemSummary;
import io.ionstream.engine.protocol.MdStage;
import io.ionstream.engine.protocol.MinimizeStage;
import io.ionstream.engine.protocol.Stage;
import io.ionstream.engine.system.Box;
import io.ionstream.engine.system.SpeciesTable;
import io.ionstream.proto.v1.ObservableRequest;
import io.ionstream.proto.v1.Protocol;
import com.google.protobuf.InvalidProtocolBufferException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A job's model as data, from which any node rebuilds exactly what the job runs: the potential
 * ({@link PortablePotential}), the protocol and seed of the job spec (through the same
 * {@link ProtocolPlanner} that planned it), the observable requests with the server's default
 * interval (through the same {@link ObservableCatalog}), and the summary of the job's initial
 * system, for which every force field is built (as the serial runner does, so that every
 * segment and every subdomain holds the same field). {@link #stage} gives the
 * {@link StageModel} of one stage; it travels to other nodes as these bytes.
 */
public final class JobModel implements StageModels {
    private static final int VERSION = 1;

    private final PortablePotential potential;
    private final Protocol protocol;
    private final long seed;
    private final List<ObservableRequest> observables;
    private final int sampleEvery;
    private final SystemSummary initial;

    public JobModel(PortablePotential potential, Protocol protocol, long seed, List<ObservableRequest> observables, int sampleEvery,
                    SystemSummary initial) {
        this.potential = potential;
        this.protocol = protocol;
        this.seed = seed;
        this.observables = List.copyOf(observables);
        this.sampleEvery = sampleEvery;
        this.initial = initial;
    }

    @Override
    public StageModel stage(int index) {
        if (index < 0 || index >= stages().size()) throw new IllegalArgumentException("the job has no stage " + index);
        return new OneStage(this, index);
    }

    /** Fresh engine stages of the job (fresh integrators). */
    List<Stage> stages() {
        return ProtocolPlanner.stages(protocol, seed);
    }

    /** The job's observables with fresh factories. */
    ObservablePlan observablePlan(List<Stage> stages) {
        return ObservableCatalog.plan(observables, stages, initial.species(), initial.box(), sampleEvery);
    }

    byte[] encode(int stage) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeInt(VERSION);
            out.writeInt(stage);
            potential.writeTo(out);
            byte[] p = protocol.toByteArray();
            out.writeInt(p.length);
            out.write(p);
            out.writeLong(seed);
            out.writeInt(observables.size());
            for (ObservableRequest r : observables) {
                byte[] b = r.toByteArray();
                out.writeInt(b.length);
                out.write(b);
            }
            out.writeInt(sampleEvery);
            SpeciesTable sp = initial.species();
            out.writeInt(sp.size());
            for (int t = 0; t < sp.size(); t++) {
                out.writeUTF(sp.symbol(t));
                out.writeDouble(sp.mass(t));
            }
            out.writeLong(initial.atoms());
            out.writeDouble(initial.sumSquaredCharges());
            Box b = initial.box();
            for (double d : new double[] {b.xlo(), b.ylo(), b.zlo(), b.lx(), b.ly(), b.lz(), b.xy(), b.xz(), b.yz()}) out.writeDouble(d);
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode a job model in memory", e);
        }
    }

    static OneStage decode(byte[] data) {
        try {
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(data));
            int version = in.readInt();
            if (version != VERSION) throw new IllegalArgumentException("job model version " + version + " (this node reads " + VERSION + ")");
            int stage = in.readInt();
            PortablePotential potential = PortablePotential.readFrom(in);
            Protocol protocol = Protocol.parseFrom(chunk(in));
            long seed = in.readLong();
            int n = in.readInt();
            if (n < 0 || n > 10_000) throw new IOException("bad observable count " + n);
            List<ObservableRequest> obs = new ArrayList<>();
            for (int k = 0; k < n; k++) obs.add(ObservableRequest.parseFrom(chunk(in)));
            int every = in.readInt();
            int ns = in.readInt();
            if (ns < 0 || ns > 1000) throw new IOException("bad species count " + ns);
            String[] symbols = new String[ns];
            double[] masses = new double[ns];
            for (int t = 0; t < ns; t++) {
                symbols[t] = in.readUTF();
                masses[t] = in.readDouble();
            }
            long atoms = in.readLong();
            double q2 = in.readDouble();
            double[] c = new double[9];
            for (int k = 0; k < 9; k++) c[k] = in.readDouble();
            SystemSummary initial = new SystemSummary(new SpeciesTable(symbols, masses), atoms, q2,
                new Box(c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7], c[8]));
            return new OneStage(new JobModel(potential, protocol, seed, obs, every, initial), stage);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalArgumentException("damaged job model: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new IllegalArgumentException("damaged job model: " + e.getMessage(), e);
        }
    }

    private static byte[] chunk(DataInputStream in) throws IOException {
        int len = in.readInt();
        if (len < 0 || len > in.available()) throw new IOException("a part of " + len + " bytes runs past the end");
        byte[] b = new byte[len];
        in.readFully(b);
        return b;
    }

    /** One stage of a {@link JobModel}. */
    public static final class OneStage implements StageModel {
        private final JobModel job;
        private final int index;

        OneStage(JobModel job, int index) {
            this.job = job;
            this.index = index;
        }

        public int index() { return index; }

        /** A fresh force field for the job's initial system (the summary of the current state is not used, as in the serial runner). */
        @Override
        public ForceField forceField(SystemSummary current) {
            return job.potential.factory().create(job.initial);
        }

        @Override
        public Integrator integrator() {
            Stage s = job.stages().get(index);
            return switch (s) {
                case MdStage md -> md.integrator();
                case MinimizeStage m -> m.minimizer();
                default -> throw new IllegalStateException("stage '" + s.name() + "' (" + s.getClass().getSimpleName()
                    + ") has no integrator");
            };
        }

        /** Fresh observable sets, one per group of {@link ObservableGrouping}. */
        @Override
        public List<ObservableSet> create() {
            List<ObservableSet> sets = new ArrayList<>();
            for (List<ObservablePlan.Entry> g : ObservableGrouping.groups(job.observablePlan(job.stages()))) {
                List<Observable> obs = new ArrayList<>();
                for (ObservablePlan.Entry e : g) obs.add(e.factory().get());
                sets.add(new ObservableSet(obs));
            }
            return sets;
        }

        @Override
        public byte[] encode() {
            return job.encode(index);
        }

        public static OneStage decode(byte[] bytes) {
            return JobModel.decode(bytes);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof OneStage s && java.util.Arrays.equals(s.encode(), encode());
        }

        @Override
        public int hashCode() {
            return java.util.Arrays.hashCode(encode());
        }

        @Override
        public String toString() {
            return "stage " + index + " of a job with " + job.potential;
        }
    }
}
