package io.ionstream.server.grpc;

import io.ionstream.actors.jobs.JobEntry;
import io.ionstream.actors.stream.StreamCursor;
import io.ionstream.actors.stream.StreamLog;
import io.ionstream.proto.v1.Frame;
import io.ionstream.proto.v1.FrameEvent;
import io.ionstream.proto.v1.JobState;
import io.ionstream.proto.v1.StreamFramesRequest;
import io.ionstream.proto.v1.WatchMode;
import io.grpc.stub.StreamObserver;
import java.util.concurrent.Executor;

/** One StreamFrames call: the job, the frame header (atom identities), then every stride-th frame. */
final class FramesCall extends FlowControlledCall<FrameEvent> {
    private final JobEntry job;
    private final StreamLog<Frame> log;
    private final StreamCursor<Frame> cursor;
    private final Runnable listener = this::signal;
    private JobState sentState;
    private boolean sentHeader;

    FramesCall(JobEntry job, StreamFramesRequest req, StreamObserver<FrameEvent> observer, Executor executor) {
        super(observer, executor);
        this.job = job;
        this.log = job.streams().frames();
        StreamCursor.Mode mode = req.getMode() == WatchMode.WATCH_MODE_LATEST ? StreamCursor.Mode.LATEST : StreamCursor.Mode.ALL;
        this.cursor = new StreamCursor<>(log, mode, req.getFromFrame(), Math.max(1, req.getStride()));
        log.addListener(listener);
        signal();
    }

    @Override
    protected boolean sendNext() {
        if (sentState == null) {
            sentState = job.state();
            send(FrameEvent.newBuilder().setJob(job.job()).build());
            return true;
        }
        if (!sentHeader) {
            sentHeader = true;
            send(FrameEvent.newBuilder().setHeader(job.streams().frameHeader()).build());
            return true;
        }
        JobState state = job.state();
        StreamCursor.Delivery<Frame> d = cursor.poll();
        if (d != null) {
            send(FrameEvent.newBuilder().setFrame(d.item()).setDropped(d.dropped()).build());
            return true;
        }
        if (state != sentState) {
            sentState = state;
            send(FrameEvent.newBuilder().setJob(job.job()).build());
            return true;
        }
        if (JobEntry.isEnded(state) && cursor.caughtUp()) {
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
