package io.ionstream.actors.campaign;

import io.ionstream.actors.service.ProtoTime;
import io.ionstream.actors.jobs.JobContext;
import io.ionstream.actors.jobs.JobEntries;
import io.ionstream.actors.jobs.JobEntry;
import io.ionstream.actors.jobs.store.JobWriter;
import io.ionstream.actors.service.ServiceException;
import io.ionstream.actors.stream.JobStreams;
import io.ionstream.proto.v1.CampaignCheckpoint;
import io.ionstream.proto.v1.CampaignJob;
import io.ionstream.proto.v1.CampaignResults;
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
 * Reads the campaigns of the data directory when the service starts (after the jobs, so a
 * campaign finds its runs in the registry). Ended campaigns are registered as they are. A
 * campaign that was queued or running continues from its checkpoint: its plan is made again from
 * its resolved spec, its sample log is cut back to the checkpoint's count (what comes after it
 * will be produced again under the same numbers), and runs recorded as submitted are followed
 * again (the job recovery resumes those that had not finished; finished ones are analysed, never
 * run again).
 */
public final class CampaignRecovery {
    private static final Logger LOG = LoggerFactory.getLogger(CampaignRecovery.class);
    private final JobContext jobs;
    private final CampaignPlanner planner;

    public CampaignRecovery(JobContext jobs, CampaignPlanner planner) {
        this.jobs = jobs;
        this.planner = planner;
    }

    /** Registers every campaign; returns those that continue, in submission order. */
    public List<CampaignManager.Recovered> recover() throws IOException {
        List<CampaignManager.Recovered> out = new ArrayList<>();
        for (CampaignFiles f : CampaignFiles.all(jobs.data())) {
            if (!f.isComplete()) {
                LOG.warn("skipping {}: its submission did not complete", f.dir());
                continue;
            }
            f.job().cleanUp();
            JobSpec spec = f.job().readSpec();
            Job record = f.job().readJob();
            if (io.ionstream.actors.jobs.JobEntry.isEnded(record.getState())) {
                JobEntries.register(jobs.registry(), f.id(), spec, f.job(), record, null, null, (files, w) -> open(f, w, -1));
                continue;
            }
            CampaignManager.Recovered r = resume(f, spec, record);
            if (r != null) out.add(r);
        }
        out.sort(Comparator.comparingLong((CampaignManager.Recovered r) -> r.entry().record().getSubmitted().getSeconds())
            .thenComparingInt(r -> r.entry().record().getSubmitted().getNanos()));
        return out;
    }

    private CampaignManager.Recovered resume(CampaignFiles f, JobSpec spec, Job record) throws IOException {
        Optional<CampaignCheckpoint> ckpt = f.readCheckpoint();
        CampaignPlan plan;
        try {
            CampaignJob resolved = f.readResolved();
            plan = planner.plan(spec.getName().isBlank() ? "campaign" : spec.getName().strip(), resolved);
        } catch (ServiceException | IOException e) {
            Job failed = record.toBuilder().setState(JobState.FAILED).setMessage("cannot resume after a restart: " + e.getMessage())
                .setFinished(ProtoTime.now()).build();
            f.job().writeJob(failed);
            JobEntries.register(jobs.registry(), f.id(), spec, f.job(), failed, null, null, (files, w) -> open(f, w, -1));
            return null;
        }
        CampaignResults results = ckpt.map(CampaignCheckpoint::getResults).orElseGet(() -> CampaignSupervisor.initialResults(plan));
        long samples = ckpt.map(CampaignCheckpoint::getSamples).orElse(0L);
        Job.Builder b = record.toBuilder().setState(JobState.QUEUED).setSamples(samples);
        if (record.getState() == JobState.RUNNING) {
            b.setRestarts(record.getRestarts() + 1).setMessage("continued at stage " + results.getStage() + " after a server restart");
        }
        Job queued = b.build();
        f.job().writeJob(queued);
        JobWriter writer = new JobWriter(jobs.io());
        JobStreams streams = open(f, writer, samples);
        JobEntry e = JobEntries.register(jobs.registry(), f.id(), spec, f.job(), queued, writer, streams, (files, w) -> open(f, w, -1));
        return new CampaignManager.Recovered(e, f, plan, results);
    }

    private JobStreams open(CampaignFiles f, java.util.concurrent.Executor writer, long keep) throws IOException {
        var s = jobs.settings();
        return JobStreams.open(f.job(), keep, keep, writer, jobs.stream(), s.sampleRing(), s.frameRing());
    }
}
