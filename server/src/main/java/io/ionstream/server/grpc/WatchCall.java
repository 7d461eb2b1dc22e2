package io.ionstream.server.grpc;

import io.ionstream.actors.jobs.JobEntry;
import io.ionstream.actors.stream.StreamCursor;
import io.ionstream.actors.stream.StreamLog;
import io.ionstream.proto.v1.Job;
import io.ionstream.proto.v1.JobState;
import io.ionstream.proto.v1.Sample;
import io.ionstream.proto.v1.WatchEvent;
import io.ionstream.proto.v1.WatchMode;
import io.ionstream.proto.v1.WatchRequest;
import io.grpc.stub.StreamObserver;
import java.util.concurrent.Executor;

/**
 * One Watch call: the job first, then its samples from {@code from_sequence} on (all of them, at
 * the client's pace, or only the newest with the count skipped), a job event whenever its state
 * changes, and the final job once it has ended and every sample is out. All subscribers of a job
 * read the same stream; this call holds only a cursor.
 */
final class WatchCall extends FlowControlledCall<WatchEvent> {
    private final JobEntry job;
    private final StreamLog<Sample> log;
    private final StreamCursor<Sample> cursor;
    private final Runnable listener = this::signal;
    private JobState sentState;

    WatchCall(JobEntry job, WatchRequest req, StreamObserver<WatchEvent> observer, Executor executor) {
        super(observer, executor);
        this.job = job;
        this.log = job.streams().samples();
        StreamCursor.Mode mode = req.getMode() == WatchMode.WATCH_MODE_LATEST ? StreamCursor.Mode.LATEST : StreamCursor.Mode.ALL;
        this.cursor = new StreamCursor<>(log, mode, req.getFromSequence(), 1);
        log.addListener(listener);
        signal();
    }

    @Override
    protected boolean sendNext() {
        if (sentState == null) {
            Job j = job.job();
            sentState = j.getState();
            send(WatchEvent.newBuilder().setJob(j).build());
            return true;
        }
        JobState state = job.state(); // read before the cursor: once ended, the sample count is final
        StreamCursor.Delivery<Sample> d = cursor.poll();
        if (d != null) {
            send(WatchEvent.newBuilder().setSample(d.item()).setDropped(d.dropped()).build());
            return true;
        }
        boolean ended = JobEntry.isEnded(state);
        if (state != sentState) {
            sentState = state;
            send(WatchEvent.newBuilder().setJob(job.job()).build());
            return true;
        }
        if (ended && cursor.caughtUp()) {
            finish();
            return false;
        }
        return false;
    }

    @Override
    protected void closed() {
        log.removeListener(listener);
    }
}
