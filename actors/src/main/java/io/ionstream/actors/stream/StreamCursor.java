package io.ionstream.actors.stream;

import com.google.protobuf.MessageLite;

/**
 * One subscriber's position in a {@link StreamLog}: it pulls the next item when it can send one.
 * In {@link Mode#ALL} it delivers every item from its start on (every {@code stride}-th); in
 * {@link Mode#LATEST} it jumps to the newest item and counts the ones it skipped. A cursor is
 * used by one thread at a time (the subscriber's drain loop).
 */
public final class StreamCursor<T extends MessageLite> {
    /** Every item, or only the newest. */
    public enum Mode { ALL, LATEST }

    /** An item and how many items were skipped before it for this subscriber. */
    public record Delivery<T>(T item, long sequence, long dropped) {}

    private final StreamLog<T> log;
    private final Mode mode;
    private final long stride;
    private long next;

    public StreamCursor(StreamLog<T> log, Mode mode, long from, long stride) {
        if (stride < 1) throw new IllegalArgumentException("stride must be >= 1, got " + stride);
        if (from < 0) throw new IllegalArgumentException("start must be >= 0, got " + from);
        this.log = log;
        this.mode = mode;
        this.stride = stride;
        this.next = align(from);
    }

    private long align(long s) {
        long r = s % stride;
        return r == 0 ? s : s + stride - r;
    }

    /** The next sequence number this cursor will deliver (ALL mode). */
    public long next() { return next; }

    /** True when every item published so far has been delivered or skipped. */
    public boolean caughtUp() { return next >= log.count(); }

    /** The next item to send, or null when there is none yet. */
    public Delivery<T> poll() {
        long count = log.count();
        if (next >= count) return null;
        if (mode == Mode.LATEST) {
            long newest = (count - 1) - (count - 1) % stride;
            if (newest < next) return null;
            long dropped = (newest - next) / stride;
            next = newest + stride;
            return new Delivery<>(log.get(newest), newest, dropped);
        }
        long s = next;
        next += stride;
        return new Delivery<>(log.get(s), s, 0);
    }
}
