package io.ionstream.actors.jobs.store;

import io.ionstream.actors.jobs.run.Snapshot;
import io.ionstream.proto.v1.FrameHeader;
import io.ionstream.proto.v1.Job;
import io.ionstream.proto.v1.JobResults;
import io.ionstream.proto.v1.JobSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The folder of one job in the data directory:
 *
 * <pre>
 *   spec.pb            the submitted JobSpec
 *   job.pb             the job record (state, progress at the last checkpoint, timestamps, message)
 *   initial.ckpt       the atoms before the first step (checkpoint format)
 *   checkpoint.ckpt    the latest checkpoint
 *   checkpoint.previous.ckpt  the one before (used when the latest is damaged)
 *   potential/         a copy of the potential file the job uses (uploaded potentials)
 *   observables.log    every observable sample (record log)
 *   frames.log         trajectory frames (record log) with frames-header.pb
 *   results.pb         the results of an ended job
 *   files/             downloadable outputs (final structure, observables.csv …)
 * </pre>
 *
 * Every file but the two logs is replaced atomically ({@link AtomicFiles}); the logs are
 * append-only and cut back to the checkpoint's counts when a job resumes.
 */
public final class JobFiles {
    private final Path dir;

    public JobFiles(Path dir) {
        this.dir = dir;
    }

    public Path dir() { return dir; }
    public String jobId() { return dir.getFileName().toString(); }
    public Path observablesLog() { return dir.resolve("observables.log"); }
    public Path framesLog() { return dir.resolve("frames.log"); }
    public Path potentialDir() { return dir.resolve("potential"); }
    public Path filesDir() { return dir.resolve("files"); }

    public void create() throws IOException {
        Files.createDirectories(dir);
        Files.createDirectories(filesDir());
    }

    public void writeSpec(JobSpec spec) throws IOException { AtomicFiles.write(dir.resolve("spec.pb"), spec.toByteArray()); }

    public JobSpec readSpec() throws IOException { return JobSpec.parseFrom(AtomicFiles.read(dir.resolve("spec.pb"))); }

    public void writeJob(Job job) throws IOException { AtomicFiles.write(dir.resolve("job.pb"), job.toByteArray()); }

    public Job readJob() throws IOException { return Job.parseFrom(AtomicFiles.read(dir.resolve("job.pb"))); }

    public boolean isComplete() {
        return Files.isRegularFile(dir.resolve("spec.pb")) && Files.isRegularFile(dir.resolve("job.pb"))
            && Files.isRegularFile(dir.resolve("initial.ckpt"));
    }

    public void writeInitial(Snapshot s) throws IOException { writeSnapshot(dir.resolve("initial.ckpt"), s); }

    public Snapshot readInitial() throws IOException { return readSnapshot(dir.resolve("initial.ckpt")); }

    private Path latest() { return dir.resolve("checkpoint.ckpt"); }
    private Path previous() { return dir.resolve("checkpoint.previous.ckpt"); }

    /**
     * Writes a new latest checkpoint, keeping the last one as the previous: the latest is first
     * renamed (atomically) to the previous, then the new one is written atomically. A crash in
     * between leaves the previous one, which {@link #readCheckpoint} then uses.
     */
    public void writeCheckpoint(Snapshot s) throws IOException {
        if (Files.isRegularFile(latest())) {
            Files.move(latest(), previous(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            AtomicFiles.forceDirectory(dir);
        }
        writeSnapshot(latest(), s);
    }

    /** What {@link #readCheckpoint} found: the newest checkpoint that reads back, and why newer ones were skipped. */
    public record CheckpointRead(Optional<Snapshot> snapshot, List<String> skipped) {}

    /**
     * The newest usable checkpoint: the latest, or the previous one when the latest is missing,
     * truncated or damaged (its checksum does not match); empty when neither reads back.
     */
    public CheckpointRead readCheckpoint() {
        List<String> skipped = new ArrayList<>();
        for (Path p : List.of(latest(), previous())) {
            if (!Files.isRegularFile(p)) continue;
            try {
                return new CheckpointRead(Optional.of(readSnapshot(p)), skipped);
            } catch (IOException e) {
                skipped.add(e.getMessage());
            }
        }
        return new CheckpointRead(Optional.empty(), skipped);
    }

    public void deleteCheckpoint() throws IOException {
        Files.deleteIfExists(latest());
        Files.deleteIfExists(previous());
    }

    public void writeFrameHeader(FrameHeader h) throws IOException { AtomicFiles.write(dir.resolve("frames-header.pb"), h.toByteArray()); }

    public FrameHeader readFrameHeader() throws IOException {
        return FrameHeader.parseFrom(AtomicFiles.read(dir.resolve("frames-header.pb")));
    }

    public void writeResults(JobResults r) throws IOException { AtomicFiles.write(dir.resolve("results.pb"), r.toByteArray()); }

    public Optional<JobResults> readResults() throws IOException {
        Path p = dir.resolve("results.pb");
        return Files.isRegularFile(p) ? Optional.of(JobResults.parseFrom(AtomicFiles.read(p))) : Optional.empty();
    }

    /** The downloadable file {@code name}, if it exists ({@code name} must be a plain file name). */
    public Optional<Path> file(String name) {
        if (name == null || name.isEmpty() || name.contains("/") || name.contains("\\") || name.startsWith(".")) return Optional.empty();
        Path p = filesDir().resolve(name);
        return Files.isRegularFile(p) ? Optional.of(p) : Optional.empty();
    }

    public List<Path> files() throws IOException {
        List<Path> out = new ArrayList<>();
        if (!Files.isDirectory(filesDir())) return out;
        try (var s = Files.list(filesDir())) {
            s.filter(p -> !p.getFileName().toString().startsWith(".")).sorted().forEach(out::add);
        }
        return out;
    }

    /** Removes temporaries left by writes a crash interrupted. */
    public void cleanUp() throws IOException {
        AtomicFiles.removeStaleTemporaries(dir);
        AtomicFiles.removeStaleTemporaries(filesDir());
    }

    private static void writeSnapshot(Path p, Snapshot s) throws IOException {
        AtomicFiles.write(p, out -> CheckpointCodec.write(s, out));
    }

    private static Snapshot readSnapshot(Path p) throws IOException {
        return CheckpointCodec.decode(AtomicFiles.read(p), p.toString());
    }
}
