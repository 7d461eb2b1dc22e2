package io.ionstream.actors.service;

import com.typesafe.config.Config;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The settings of the job service, read from the {@code ionstream} section of the configuration
 * (see {@code reference.conf} for every key and its default).
 *
 * @param dataDir           where jobs, structures and potentials live
 * @param maxAtoms          largest structure accepted (atoms)
 * @param maxJobs           most jobs queued or running at once
 * @param maxRunningJobs    jobs running at the same time (the rest wait queued)
 * @param maxUploadBytes    largest structure or potential file accepted
 * @param checkpointEvery   default steps between checkpoints
 * @param sampleEvery       default observable interval (steps)
 * @param sampleRing        observable samples kept in memory per job (older ones are read from disk)
 * @param frameRing         trajectory frames kept in memory per job
 * @param minDistance       atoms closer than this (Å) make a structure invalid
 * @param streamThreads     threads that write to subscribers
 * @param shutdownTimeout   how long stopping waits for running jobs to reach a safe point
 */
public record ServiceSettings(Path dataDir, int maxAtoms, int maxJobs, int maxRunningJobs, long maxUploadBytes,
                              long checkpointEvery, int sampleEvery, int sampleRing, int frameRing, double minDistance,
                              int streamThreads, Duration shutdownTimeout) {
    public ServiceSettings {
        positive("ionstream.limits.max-atoms", maxAtoms);
        positive("ionstream.limits.max-jobs", maxJobs);
        positive("ionstream.limits.max-running-jobs", maxRunningJobs);
        positive("ionstream.limits.max-upload-size", maxUploadBytes);
        positive("ionstream.jobs.checkpoint-every", checkpointEvery);
        positive("ionstream.jobs.sample-every", sampleEvery);
        positive("ionstream.streams.sample-ring", sampleRing);
        positive("ionstream.streams.frame-ring", frameRing);
        positive("ionstream.streams.threads", streamThreads);
        if (!(minDistance >= 0)) throw new IllegalArgumentException("ionstream.limits.min-distance must be >= 0 Å, got " + minDistance);
    }

    private static void positive(String key, long v) {
        if (v < 1) throw new IllegalArgumentException(key + " must be >= 1, got " + v);
    }

    /** Reads the {@code ionstream} section of a resolved configuration. */
    public static ServiceSettings from(Config root) {
        Config c = root.getConfig("ionstream");
        return new ServiceSettings(Path.of(c.getString("data-dir")), c.getInt("limits.max-atoms"), c.getInt("limits.max-jobs"),
            c.getInt("limits.max-running-jobs"), c.getBytes("limits.max-upload-size"), c.getLong("jobs.checkpoint-every"),
            c.getInt("jobs.sample-every"), c.getInt("streams.sample-ring"), c.getInt("streams.frame-ring"),
            c.getDouble("limits.min-distance"), c.getInt("streams.threads"), c.getDuration("jobs.shutdown-timeout"));
    }

    public ServiceSettings withDataDir(Path p) {
        return new ServiceSettings(p, maxAtoms, maxJobs, maxRunningJobs, maxUploadBytes, checkpointEvery, sampleEvery, sampleRing,
            frameRing, minDistance, streamThreads, shutdownTimeout);
    }
}
