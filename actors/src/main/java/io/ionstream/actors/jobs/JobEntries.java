package io.ionstream.actors.jobs;

import io.ionstream.actors.jobs.store.JobFiles;
import io.ionstream.actors.jobs.store.JobWriter;
import io.ionstream.actors.stream.JobStreams;
import io.ionstream.proto.v1.Job;
import io.ionstream.proto.v1.JobSpec;

/**
 * Registry entries for jobs whose lifecycle an actor outside this package owns (campaign
 * supervisors): they appear in the same {@link JobRegistry} as MD jobs, so GetJob, ListJobs,
 * Watch, GetResults and FetchFile serve them unchanged, but their records are set by their own
 * supervisor, never by a {@link JobSupervisor}.
 */
public final class JobEntries {
    private JobEntries() {}

    /**
     * Registers a job with its files, record, writer and open streams ({@code writer} null and
     * {@code streams} null for an ended job: its streams open read-only on first use through
     * {@code reopen}).
     */
    public static JobEntry register(JobRegistry registry, String id, JobSpec spec, JobFiles files, Job record, JobWriter writer,
                                    JobStreams streams, JobEntry.StreamFactory reopen) {
        JobEntry e = new JobEntry(id, spec, files, record, writer, reopen);
        if (streams != null) e.setStreams(streams);
        registry.add(e);
        return e;
    }

    /** Replaces the record of an entry this caller owns and wakes its subscribers. */
    public static void setRecord(JobEntry entry, Job record) {
        entry.setRecord(record);
    }
}
