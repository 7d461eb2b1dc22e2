package io.ionstream.tests.server;

import io.ionstream.proto.v1.JobState;

final class JobStateIs {
    private JobStateIs() {}

    static boolean ended(JobState s) {
        return s == JobState.COMPLETED || s == JobState.FAILED || s == JobState.CANCELLED;
    }
}
