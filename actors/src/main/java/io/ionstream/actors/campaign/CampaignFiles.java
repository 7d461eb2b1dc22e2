package io.ionstream.actors.campaign;

import io.ionstream.actors.jobs.store.AtomicFiles;
import io.ionstream.actors.jobs.store.DataDirectory;
import io.ionstream.actors.jobs.store.JobFiles;
import io.ionstream.proto.v1.CampaignCheckpoint;
import io.ionstream.proto.v1.CampaignJob;
import io.ionstream.proto.v1.FrameHeader;
import io.ionstream.proto.v1.Job;
import io.ionstream.proto.v1.JobSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The folder of one campaign, {@code campaigns/<id>/} in the data directory (beside
 * {@code jobs/}, so job recovery never mistakes a campaign for an MD job):
 *
 * <pre>
 *   spec.pb            the JobSpec as submitted
 *   campaign.pb        the resolved campaign (structures stored, named; what a restart plans from)
 *   job.pb             the campaign's Job record
 *   checkpoint.pb      results so far and their sample count (CampaignCheckpoint)
 *   observables.log    the campaign's samples (run D, fits, D_macro); frames.log stays empty
 *   results.pb, files/ results of an ended campaign (JSON, CSV, SVG)
 * </pre>
 *
 * The child MD jobs live in {@code jobs/} as ordinary jobs with the campaign as their parent.
 * Every file but the logs is replaced atomically.
 */
final class CampaignFiles {
    static final String PREFIX = "cmp";
    private final JobFiles job;

    CampaignFiles(Path dir) {
        this.job = new JobFiles(dir);
    }

    static Path root(DataDirectory data) {
        return data.root().resolve("campaigns");
    }

    /** Every campaign folder of the data directory. */
    static List<CampaignFiles> all(DataDirectory data) throws IOException {
        List<CampaignFiles> out = new ArrayList<>();
        Path root = root(data);
        if (!Files.isDirectory(root)) return out;
        try (var s = Files.list(root)) {
            s.filter(Files::isDirectory).filter(p -> DataDirectory.isId(p.getFileName().toString())).forEach(p -> out.add(new CampaignFiles(p)));
        }
        return out;
    }

    JobFiles job() { return job; }
    String id() { return job.jobId(); }
    Path dir() { return job.dir(); }

    /** Writes a new campaign's files; the record last, so a folder without it is an interrupted submission. */
    void create(JobSpec spec, CampaignJob resolved, Job record) throws IOException {
        job.create();
        job.writeSpec(spec);
        AtomicFiles.write(dir().resolve("campaign.pb"), resolved.toByteArray());
        job.writeFrameHeader(FrameHeader.getDefaultInstance());
        job.writeJob(record);
    }

    boolean isComplete() {
        return Files.isRegularFile(dir().resolve("spec.pb")) && Files.isRegularFile(dir().resolve("campaign.pb"))
            && Files.isRegularFile(dir().resolve("job.pb"));
    }

    CampaignJob readResolved() throws IOException {
        return CampaignJob.parseFrom(AtomicFiles.read(dir().resolve("campaign.pb")));
    }

    void writeCheckpoint(CampaignCheckpoint c) throws IOException {
        AtomicFiles.write(dir().resolve("checkpoint.pb"), c.toByteArray());
    }

    Optional<CampaignCheckpoint> readCheckpoint() throws IOException {
        Path p = dir().resolve("checkpoint.pb");
        return Files.isRegularFile(p) ? Optional.of(CampaignCheckpoint.parseFrom(AtomicFiles.read(p))) : Optional.empty();
    }
}
