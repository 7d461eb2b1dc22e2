package io.ionstream.server.cli;

import io.ionstream.proto.v1.JobState;
import java.util.Locale;

/** Job states as the command line prints and parses them. */
final class JobStateText {
    private JobStateText() {}

    static boolean ended(JobState s) {
        return s == JobState.COMPLETED || s == JobState.FAILED || s == JobState.CANCELLED;
    }

    static JobState parse(String s) {
        try {
            JobState st = JobState.valueOf(s.strip().toUpperCase(Locale.ROOT));
            if (st == JobState.JOB_STATE_UNSPECIFIED || st == JobState.UNRECOGNIZED) throw new IllegalArgumentException();
            return st;
        } catch (IllegalArgumentException e) {
            throw new UsageException("unknown job state '" + s + "' (queued, running, completed, failed, cancelled)");
        }
    }
}
