package io.ionstream.actors.jobs.plan;

import io.ionstream.actors.jobs.run.AtomState;
import io.ionstream.actors.jobs.run.JobPlan;
import io.ionstream.proto.v1.InlineFile;
import io.ionstream.proto.v1.JobSpec;
import io.ionstream.proto.v1.PotentialInfo;

/**
 * A validated submission: the spec, the initial atoms, the job's copy of its potential file
 * and its description (null unless uploaded) and a plan built from them (proof that the job can run),
 * and the campaign it is a run of (empty for jobs submitted directly).
 */
public record PreparedJob(JobSpec spec, AtomState initial, InlineFile potentialFile, PotentialInfo potentialInfo, JobPlan plan,
                          String parentJobId) {
    public PreparedJob {
        if (parentJobId == null) parentJobId = "";
    }

    public PreparedJob(JobSpec spec, AtomState initial, InlineFile potentialFile, PotentialInfo potentialInfo, JobPlan plan) {
        this(spec, initial, potentialFile, potentialInfo, plan, "");
    }

    /** The same job as a run of campaign {@code parent}. */
    public PreparedJob withParent(String parent) {
        return new PreparedJob(spec, initial, potentialFile, potentialInfo, plan, parent);
    }
}
