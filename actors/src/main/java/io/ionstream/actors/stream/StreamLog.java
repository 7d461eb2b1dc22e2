package io.ionstream.actors.stream;

import io.ionstream.actors.jobs.store.RecordLog;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.MessageLite;
import com.google.protobuf.Parser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A job's stream of numbered items (observable samples or trajectory frames), shared by all its
 * subscribers: one producer (the MD thread) publishes, any number of readers read by sequence
 * number at their own pace. Recent items stay in a bounded in-memory ring; every item is also
 * appended to a {@link RecordLog} on disk by the job's writer thread, and a reader that falls
 * behind the ring reads from the file. So a slow subscriber costs no memory beyond a cursor and
 * never holds up the producer, and a subscriber that reconnects can resume from any sequence.
 *
 * <p>Publishing costs the producer one ring insertion and at most one task hand-off: appends
 * happen on the writer executor and subscribers are woken on the notifier executor.
 */
public final class StreamLog<T extends MessageLite> implements AutoCloseable {
    private final RecordLog disk;
    private final Parser<T> parser;
    private final Executor writer;
    private final Executor notifier;
    private final int capacity;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private final AtomicBoolean notifyPending = new AtomicBoolean();
    private Object[] ring;
    private long ringStart;
    private long persisted;
    private volatile long count;
    private volatile IOException failure;

    /**
     * A stream over {@code disk} (its records are the items so far); {@code writer} must run
     * tasks one at a time in submission order (null for a stream that is only read).
     */
    public StreamLog(RecordLog disk, Parser<T> parser, int capacity, Executor writer, Executor notifier) {
        if (capacity < 1) throw new IllegalArgumentException("stream ring capacity must be >= 1, got " + capacity);
        this.disk = disk;
        this.parser = parser;
        this.writer = writer;
        this.notifier = notifier;
        this.capacity = capacity;
        this.ring = new Object[capacity];
        this.count = disk.size();
        this.persisted = count;
        this.ringStart = count;
    }

    /** Items published so far (the next item's sequence number). */
    public long count() { return count; }

    /** Items appended to the file so far. */
    public synchronized long persisted() { return persisted; }

    /** A write to disk failed (disk full …): the job must stop. Null when all is well. */
    public IOException failure() { return failure; }

    /** Publishes the next item (from the single producer thread). */
    public void publish(T item) {
        if (writer == null) throw new IllegalStateException("this stream is read-only");
        synchronized (this) {
            long c = count;
            if (c - ringStart == ring.length) {
                if (!evictPersisted()) grow();
            }
            ring[(int) (c % ring.length)] = item;
            count = c + 1;
        }
        writer.execute(() -> append(item));
        signal();
    }

    private void append(T item) {
        if (failure != null) return;
        try {
            disk.append(item.toByteArray());
            synchronized (this) {
                persisted++;
            }
        } catch (IOException e) {
            failure = e;
        }
    }

    /** Drops the oldest persisted items beyond the capacity; false when none could go. */
    private boolean evictPersisted() {
        boolean any = false;
        while (count - ringStart > capacity - 1 && ringStart < persisted) {
            ring[(int) (ringStart % ring.length)] = null;
            ringStart++;
            any = true;
        }
        return any;
    }

    /** The writer has fallen behind by a whole ring: keep the unwritten items (rare, bounded by disk speed). */
    private void grow() {
        Object[] bigger = new Object[2 * ring.length];
        for (long s = ringStart; s < count; s++) bigger[(int) (s % bigger.length)] = ring[(int) (s % ring.length)];
        ring = bigger;
    }

    /** Item {@code seq} (0 ≤ seq < count()), from memory or, for old items, from disk. */
    @SuppressWarnings("unchecked")
    public T get(long seq) {
        synchronized (this) {
            if (seq >= ringStart && seq < count) return (T) ring[(int) (seq % ring.length)];
            if (seq >= count || seq < 0) throw new IndexOutOfBoundsException("item " + seq + " of " + count);
        }
        try {
            return parser.parseFrom(disk.read(seq));
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException("record " + seq + " of " + disk.path() + " is damaged: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read record " + seq + " of " + disk.path(), e);
        }
    }

    /** Forces every item published so far to disk; call on the writer executor (after the appends). */
    public void syncOnWriter() throws IOException {
        if (failure != null) throw failure;
        disk.sync();
    }

    /** Calls {@code listener} (on the notifier executor) after new items or {@link #signal()}s. */
    public void addListener(Runnable listener) { listeners.add(listener); }

    public void removeListener(Runnable listener) { listeners.remove(listener); }

    public int listeners() { return listeners.size(); }

    /** Wakes every listener once (new items, or a change of the job's state). */
    public void signal() {
        if (listeners.isEmpty()) return;
        if (notifyPending.compareAndSet(false, true)) {
            notifier.execute(() -> {
                notifyPending.set(false);
                for (Runnable l : listeners) l.run();
            });
        }
    }

    @Override
    public void close() throws IOException {
        disk.close();
    }
}
