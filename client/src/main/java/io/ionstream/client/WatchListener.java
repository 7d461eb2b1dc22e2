package io.ionstream.client;

import io.ionstream.proto.v1.Job;
import io.ionstream.proto.v1.Sample;
import io.grpc.Status;

/**
 * Receives a watched job's events, one at a time, in order, on a gRPC thread. A listener that
 * takes its time slows only its own stream (the server sends no faster than it reads).
 */
public interface WatchListener {
    /** The job's record: at the start of every connection and whenever its state changes. */
    default void job(Job job) {}

    /** A sample; {@code dropped} counts the samples skipped before it (LATEST mode). */
    default void sample(Sample sample, long dropped) {}

    /** The connection broke ({@code status}); the watch reconnects and resumes after the last sample seen. */
    default void reconnecting(int attempt, Status status) {}

    /** The job has ended and every sample was delivered ({@code job} is its final record). */
    default void ended(Job job) {}

    /** The watch gave up ({@code status} says why: the job is unknown, access was refused, the server stayed away). */
    default void failed(Status status) {}
}
