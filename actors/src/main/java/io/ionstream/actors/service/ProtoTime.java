package io.ionstream.actors.service;

import com.google.protobuf.Timestamp;
import java.time.Instant;

/** Instants as the API's protobuf timestamps (submitted, started, finished, created). */
public final class ProtoTime {
    private ProtoTime() {}

    public static Timestamp of(Instant t) {
        return Timestamp.newBuilder().setSeconds(t.getEpochSecond()).setNanos(t.getNano()).build();
    }

    public static Timestamp now() { return of(Instant.now()); }
}
