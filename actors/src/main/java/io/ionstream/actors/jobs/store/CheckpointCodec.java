package io.ionstream.actors.jobs.store;

import io.ionstream.actors.jobs.run.AtomState;
import io.ionstream.actors.jobs.run.Snapshot;
import io.ionstream.engine.system.SpeciesTable;
import io.ionstream.proto.v1.StageResult;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;
import java.util.zip.CheckedOutputStream;

/**
 * The binary checkpoint format: a magic word and version, the {@link Snapshot} with every double
 * stored as its exact bits, and a CRC-32C of all of it. A file that does not check out is
 * refused with a message naming it, never half-read.
 */
public final class CheckpointCodec {
    private static final long MAGIC = 0x494F4E434B505431L; // "IONCKPT1"
    private static final int VERSION = 1;

    private CheckpointCodec() {}

    public static byte[] encode(Snapshot s) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + 80 * s.atoms().n());
            write(s, bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode a checkpoint in memory", e);
        }
    }

    public static void write(Snapshot s, OutputStream sink) throws IOException {
        CRC32C crc = new CRC32C();
        DataOutputStream out = new DataOutputStream(new CheckedOutputStream(new java.io.BufferedOutputStream(sink, 1 << 16), crc));
        out.writeLong(MAGIC);
        out.writeInt(VERSION);
        out.writeInt(s.stageIndex());
        out.writeLong(s.stageStep());
        out.writeLong(s.step());
        out.writeDouble(s.time());
        doubles(out, s.globals());
        AtomState a = s.atoms();
        SpeciesTable sp = a.species();
        out.writeInt(sp.size());
        for (int t = 0; t < sp.size(); t++) {
            out.writeUTF(sp.symbol(t));
            out.writeDouble(sp.mass(t));
        }
        for (double b : a.box()) out.writeDouble(b);
        int n = a.n();
        out.writeInt(n);
        for (int k = 0; k < 3 * n; k++) out.writeDouble(a.x()[k]);
        for (int k = 0; k < 3 * n; k++) out.writeDouble(a.v()[k]);
        for (int k = 0; k < 3 * n; k++) out.writeInt(a.image()[k]);
        for (int k = 0; k < n; k++) out.writeInt(a.type()[k]);
        for (int k = 0; k < n; k++) out.writeLong(a.id()[k]);
        for (int k = 0; k < n; k++) out.writeDouble(a.q()[k]);
        out.writeInt(a.extras().size());
        for (AtomState.PerAtomArray e : a.extras()) {
            out.writeUTF(e.name());
            out.writeInt(e.stride());
            doubles(out, e.values());
        }
        out.writeBoolean(s.observablesInitialised());
        out.writeLong(s.samples());
        out.writeLong(s.frames());
        out.writeDouble(s.wallSeconds());
        out.writeInt(s.stages().size());
        for (StageResult r : s.stages()) {
            byte[] b = r.toByteArray();
            out.writeInt(b.length);
            out.write(b);
        }
        out.flush();
        // the checksum of everything above, written outside the checked stream
        DataOutputStream tail = new DataOutputStream(sink);
        tail.writeInt((int) crc.getValue());
        tail.flush();
    }

    /** Decodes a checkpoint; {@code source} names it in errors. */
    public static Snapshot decode(byte[] data, String source) throws IOException {
        if (data.length < 16) throw new IOException(source + ": not a checkpoint (only " + data.length + " bytes)");
        CRC32C crc = new CRC32C();
        crc.update(data, 0, data.length - 4);
        int stored = ((data[data.length - 4] & 0xff) << 24) | ((data[data.length - 3] & 0xff) << 16)
            | ((data[data.length - 2] & 0xff) << 8) | (data[data.length - 1] & 0xff);
        if ((int) crc.getValue() != stored) throw new IOException(source + ": checkpoint checksum mismatch (damaged file)");
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(data, 0, data.length - 4));
        if (in.readLong() != MAGIC) throw new IOException(source + ": not an ionstream checkpoint");
        int version = in.readInt();
        if (version != VERSION) throw new IOException(source + ": checkpoint version " + version + " (this server reads " + VERSION + ")");
        int stageIndex = in.readInt();
        long stageStep = in.readLong();
        long step = in.readLong();
        double time = in.readDouble();
        double[] globals = doubles(in);
        int ns = in.readInt();
        String[] symbols = new String[ns];
        double[] masses = new double[ns];
        for (int t = 0; t < ns; t++) {
            symbols[t] = in.readUTF();
            masses[t] = in.readDouble();
        }
        double[] box = new double[9];
        for (int k = 0; k < 9; k++) box[k] = in.readDouble();
        int n = in.readInt();
        if (n < 0 || 48L * n > data.length) throw new IOException(source + ": bad atom count " + n);
        double[] x = new double[3 * n], v = new double[3 * n], q = new double[n];
        int[] image = new int[3 * n], type = new int[n];
        long[] id = new long[n];
        for (int k = 0; k < 3 * n; k++) x[k] = in.readDouble();
        for (int k = 0; k < 3 * n; k++) v[k] = in.readDouble();
        for (int k = 0; k < 3 * n; k++) image[k] = in.readInt();
        for (int k = 0; k < n; k++) type[k] = in.readInt();
        for (int k = 0; k < n; k++) id[k] = in.readLong();
        for (int k = 0; k < n; k++) q[k] = in.readDouble();
        int ne = in.readInt();
        List<AtomState.PerAtomArray> extras = new ArrayList<>();
        for (int e = 0; e < ne; e++) {
            String name = in.readUTF();
            int stride = in.readInt();
            extras.add(new AtomState.PerAtomArray(name, stride, doubles(in)));
        }
        boolean initialised = in.readBoolean();
        long samples = in.readLong();
        long frames = in.readLong();
        double wall = in.readDouble();
        int nr = in.readInt();
        List<StageResult> stages = new ArrayList<>();
        for (int r = 0; r < nr; r++) {
            byte[] b = new byte[in.readInt()];
            in.readFully(b);
            stages.add(StageResult.parseFrom(b));
        }
        AtomState atoms = new AtomState(new SpeciesTable(symbols, masses), box, n, x, v, image, type, id, q, extras);
        return new Snapshot(atoms, stageIndex, stageStep, step, time, globals, initialised, samples, frames,
            wall, stages);
    }

    private static void doubles(DataOutputStream out, double[] a) throws IOException {
        if (a == null) {
            out.writeInt(-1);
            return;
        }
        out.writeInt(a.length);
        for (double d : a) out.writeDouble(d);
    }

    private static double[] doubles(DataInputStream in) throws IOException {
        int len = in.readInt();
        if (len < 0) return null;
        if (len > in.available() / 8) throw new IOException("array of " + len + " values runs past the end of the checkpoint");
        double[] a = new double[len];
        for (int k = 0; k < len; k++) a[k] = in.readDouble();
        return a;
    }
}
