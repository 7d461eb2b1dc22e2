package io.ionstream.actors.jobs;

import io.ionstream.actors.service.ProtoTime;
import io.ionstream.actors.jobs.run.JobPlan;
import io.ionstream.actors.jobs.run.Snapshot;
import io.ionstream.actors.jobs.store.JobFiles;
import io.ionstream.actors.jobs.store.JobWriter;
import io.ionstream.actors.service.ServiceException;
import io.ionstream.proto.v1.Job;
import io.ionstream.proto.v1.JobSpec;
import io.ionstream.proto.v1.JobState;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the jobs of the data directory when the service starts. Ended jobs are registered as
 * they are (results and files kept). A job that was queued or running is resumed: from its
 * latest checkpoint (or from the start if it had none), with its observable and frame logs cut
 * back to the counts of that checkpoint, so the samples it produces again get the same sequence
 * numbers as before. Jobs whose submission a crash interrupted (no complete record) were never
 * acknowledged and are skipped.
 */
public final class JobRecovery {
    private static final Logger LOG = LoggerFactory.getLogger(JobRecovery.class);
    private final JobContext jobs;

    public JobRecovery(JobContext jobs) {
        this.jobs = jobs;
    }

    /** Registers every job and returns those to run, the ones that were running first, in submission order. */
    public List<JobManager.Recovered> recover() throws IOException {
        List<JobManager.Recovered> wasRunning = new ArrayList<>(), wasQueued = new ArrayList<>();
        for (JobFiles f : jobs.data().jobs()) {
            if (!f.isComplete()) {
                LOG.warn("skipping {}: its submission did not complete", f.dir());
                continue;
            }
            f.cleanUp();
            JobSpec spec = f.readSpec();
            Job record = f.readJob();
            if (JobEntry.isEnded(record.getState())) {
                jobs.registry().add(new JobEntry(f.jobId(), spec, f, record, null, (files, w) -> open(files, w, -1, -1)));
                continue;
            }
            JobManager.Recovered r = resume(f, spec, record);
            if (r == null) continue;
            (record.getState() == JobState.RUNNING ? wasRunning : wasQueued).add(r);
        }
        Comparator<JobManager.Recovered> bySubmission = Comparator.comparingLong((JobManager.Recovered r) -> r.entry().record().getSubmitted().getSeconds())
            .thenComparingInt(r -> r.entry().record().getSubmitted().getNanos());
        wasRunning.sort(bySubmission);
        wasQueued.sort(bySubmission);
        wasRunning.addAll(wasQueued);
        return wasRunning;
    }

    private JobManager.Recovered resume(JobFiles f, JobSpec spec, Job record) throws IOException {
        Snapshot from;
        String note;
        JobFiles.CheckpointRead read = f.readCheckpoint();
        Optional<Snapshot> ckpt = read.snapshot();
        for (String problem : read.skipped()) {
            LOG.warn("job {}: {}; {}", f.jobId(), problem, ckpt.isPresent() ? "using the previous checkpoint" : "starting it again from the beginning");
        }
        if (ckpt.isEmpty() && !read.skipped().isEmpty()) f.deleteCheckpoint();
        from = ckpt.isPresent() ? ckpt.get() : f.readInitial();
        String damaged = read.skipped().isEmpty() ? "" : " (" + read.skipped().size() + " newer checkpoint"
            + (read.skipped().size() > 1 ? "s" : "") + " damaged: " + String.join("; ", read.skipped()) + ")";
        note = record.getState() == JobState.RUNNING
            ? (ckpt.isPresent() ? "resumed from the checkpoint at step " + from.step() : "restarted from the beginning (no checkpoint yet)")
                + damaged + " after a server restart"
            : record.getMessage() + damaged;
        Job.Builder b = record.toBuilder().setState(JobState.QUEUED).setStep(from.step()).setSamples(from.samples())
            .setFrames(from.frames()).setCheckpointStep(ckpt.isPresent() ? from.step() : 0).setMessage(note)
            .setStageIndex(from.stageIndex());
        if (record.getState() == JobState.RUNNING) b.setRestarts(record.getRestarts() + 1);
        JobPlan plan;
        try {
            plan = jobs.planner().plan(f, spec, f.readInitial().atoms());
        } catch (ServiceException e) {
            Job failed = b.setState(JobState.FAILED).setMessage("cannot resume after a restart: " + e.getMessage())
                .setFinished(ProtoTime.now()).build();
            f.writeJob(failed);
            jobs.registry().add(new JobEntry(f.jobId(), spec, f, failed, null, (files, w) -> open(files, w, -1, -1)));
            return null;
        }
        if (from.stageIndex() < plan.stages().size()) b.setStage(plan.stages().get(from.stageIndex()).name());
        Job queued = b.build();
        f.writeJob(queued);
        JobWriter writer = new JobWriter(jobs.io());
        JobEntry e = new JobEntry(f.jobId(), spec, f, queued, writer, (files, w) -> open(files, w, -1, -1));
        e.setStreams(open(f, writer, from.samples(), from.frames()));
        jobs.registry().add(e);
        return new JobManager.Recovered(e, plan, from);
    }

    private io.ionstream.actors.stream.JobStreams open(JobFiles f, java.util.concurrent.Executor writer, long keepSamples, long keepFrames)
        throws IOException {
        return io.ionstream.actors.stream.JobStreams.open(f, keepSamples, keepFrames, writer, jobs.stream(), jobs.settings().sampleRing(),
            jobs.settings().frameRing());
    }
}
