package io.ionstream.actors.jobs;

import io.ionstream.actors.service.ServiceException;
import io.ionstream.proto.v1.Job;
import io.ionstream.proto.v1.JobState;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The read side of the jobs: every job this server knows (running, queued and ended), looked up
 * by id, listed, and followed through its streams. Thread-safe; written only by the job actors.
 * The gRPC and HTTP front ends read jobs here.
 */
public final class JobRegistry {
    private final ConcurrentHashMap<String, JobEntry> jobs = new ConcurrentHashMap<>();

    void add(JobEntry e) { jobs.put(e.id(), e); }

    /** The job with this id; NOT_FOUND otherwise. */
    public JobEntry entry(String id) {
        JobEntry e = id == null ? null : jobs.get(id);
        if (e == null) throw ServiceException.notFound("no job with id '" + id + "'");
        return e;
    }

    public Job get(String id) { return entry(id).job(); }

    /** Jobs in the given states (all when empty), oldest submission first. */
    public List<Job> list(Set<JobState> states) {
        List<Job> out = new ArrayList<>();
        for (JobEntry e : jobs.values()) {
            Job j = e.job();
            if (states.isEmpty() || states.contains(j.getState())) out.add(j);
        }
        out.sort(Comparator.comparingLong((Job j) -> j.getSubmitted().getSeconds()).thenComparingInt(j -> j.getSubmitted().getNanos())
            .thenComparing(Job::getJobId));
        return out;
    }

    public Collection<JobEntry> entries() { return jobs.values(); }

    /** Closes every job's open files (at shutdown). */
    public void closeAll() {
        for (JobEntry e : jobs.values()) e.closeStreams();
    }

    /** Jobs queued or running. */
    public int active() {
        int n = 0;
        for (JobEntry e : jobs.values()) if (!e.ended()) n++;
        return n;
    }
}
