package io.ionstream.server.http.sse;

import io.ionstream.actors.stream.StreamLog;
import io.ionstream.proto.v1.Sample;
import io.ionstream.server.http.ProtoJson;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.apache.pekko.util.ByteString;

/**
 * The {@code sample} events of one job's recent samples, encoded once and shared by all its event
 * streams: clients that follow a running job ask for the same few newest samples, and encoding a
 * sample costs more than sending it. A small ring keyed by sequence number; two streams that miss
 * at the same moment may both encode (harmless: the bytes are the same).
 */
final class SampleEvents {
    private record Entry(long sequence, ByteString event) {}

    private final StreamLog<Sample> log;
    private final AtomicReferenceArray<Entry> ring;

    SampleEvents(StreamLog<Sample> log, int size) {
        this.log = log;
        this.ring = new AtomicReferenceArray<>(size);
    }

    /** The event of sample {@code sequence} (0 ≤ sequence < published). */
    ByteString event(long sequence) {
        int slot = (int) (sequence % ring.length());
        Entry e = ring.get(slot);
        if (e != null && e.sequence() == sequence) return e.event();
        ByteString ev = SseEncoding.event("sample", Long.toString(sequence), ProtoJson.print(log.get(sequence)), null);
        ring.set(slot, new Entry(sequence, ev));
        return ev;
    }
}
