package io.ionstream.actors.jobs.store;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.zip.CRC32C;

/**
 * An append-only file of records numbered from 0 (a job's observable samples, its trajectory
 * frames). Each record is stored as its length, a CRC-32C of its bytes, and the bytes. Opening a
 * log scans it and cuts off a torn or corrupt tail (what a crash in the middle of an append
 * leaves), so the records that remain are exactly the ones written completely.
 *
 * <p>One thread appends; any number of threads read concurrently (positional reads). The
 * in-memory index holds one offset per record.
 */
public final class RecordLog implements AutoCloseable {
    private static final int HEADER = 8;
    /** Larger lengths can only be garbage (a frame of 10 million atoms is ~500 MB: not a live stream). */
    private static final int MAX_RECORD = 1 << 30;

    private final Path path;
    private final FileChannel channel;
    private final ByteBuffer header = ByteBuffer.allocate(HEADER);
    private long[] offsets = new long[256];
    private volatile int count;
    private long end;

    private RecordLog(Path path, FileChannel channel) {
        this.path = path;
        this.channel = channel;
    }

    /** Opens (creating if needed) the log at {@code path}, dropping a torn tail. */
    public static RecordLog open(Path path) throws IOException {
        FileChannel ch = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        RecordLog log = new RecordLog(path, ch);
        try {
            log.scan();
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
        return log;
    }

    private void scan() throws IOException {
        long size = channel.size();
        long pos = 0;
        ByteBuffer h = ByteBuffer.allocate(HEADER);
        CRC32C crc = new CRC32C();
        int n = 0;
        while (pos + HEADER <= size) {
            h.clear();
            readFully(h, pos);
            h.flip();
            int len = h.getInt();
            int sum = h.getInt();
            if (len < 0 || len > MAX_RECORD || pos + HEADER + len > size) break;
            ByteBuffer body = ByteBuffer.allocate(len);
            readFully(body, pos + HEADER);
            crc.reset();
            crc.update(body.array(), 0, len);
            if ((int) crc.getValue() != sum) break;
            if (n == offsets.length) offsets = Arrays.copyOf(offsets, 2 * n);
            offsets[n++] = pos;
            pos += HEADER + len;
        }
        if (pos < size) channel.truncate(pos);
        end = pos;
        count = n;
    }

    public Path path() { return path; }

    /** Number of complete records. */
    public long size() { return count; }

    /** Appends a record; returns its index. Not forced to disk until {@link #sync()}. */
    public synchronized long append(byte[] record) throws IOException {
        if (record.length > MAX_RECORD) throw new IOException("record of " + record.length + " bytes is too large for " + path);
        CRC32C crc = new CRC32C();
        crc.update(record, 0, record.length);
        header.clear();
        header.putInt(record.length).putInt((int) crc.getValue()).flip();
        long pos = end;
        writeFully(header, pos);
        writeFully(ByteBuffer.wrap(record), pos + HEADER);
        int n = count;
        if (n == offsets.length) offsets = Arrays.copyOf(offsets, 2 * n);
        offsets[n] = pos;
        end = pos + HEADER + record.length;
        count = n + 1; // volatile write publishes the offset to readers
        return n;
    }

    /** Record {@code index} (0 ≤ index < size()). */
    public byte[] read(long index) throws IOException {
        int n = count;
        if (index < 0 || index >= n) throw new IndexOutOfBoundsException("record " + index + " of " + n + " in " + path);
        long pos;
        synchronized (this) {
            pos = offsets[(int) index];
        }
        ByteBuffer h = ByteBuffer.allocate(HEADER);
        readFully(h, pos);
        h.flip();
        int len = h.getInt();
        ByteBuffer body = ByteBuffer.allocate(len);
        readFully(body, pos + HEADER);
        return body.array();
    }

    /** Keeps the first {@code keep} records and drops the rest (resuming from a checkpoint). */
    public synchronized void truncate(long keep) throws IOException {
        int n = count;
        if (keep >= n) return;
        if (keep < 0) throw new IllegalArgumentException("cannot keep " + keep + " records");
        long pos = offsets[(int) keep];
        channel.truncate(pos);
        channel.force(true);
        end = pos;
        count = (int) keep;
    }

    /** Forces appended records to disk. */
    public void sync() throws IOException {
        channel.force(false);
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    private void readFully(ByteBuffer b, long pos) throws IOException {
        while (b.hasRemaining()) {
            int r = channel.read(b, pos + b.position());
            if (r < 0) throw new EOFException("unexpected end of " + path + " at byte " + (pos + b.position()));
        }
    }

    private void writeFully(ByteBuffer b, long pos) throws IOException {
        while (b.hasRemaining()) channel.write(b, pos + b.position());
    }
}
