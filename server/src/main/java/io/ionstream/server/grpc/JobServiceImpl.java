package io.ionstream.server.grpc;

import io.ionstream.actors.jobs.JobEntry;
import io.ionstream.actors.service.IonstreamService;
import io.ionstream.actors.service.ServiceException;
import io.ionstream.proto.v1.CancelJobRequest;
import io.ionstream.proto.v1.FetchFileRequest;
import io.ionstream.proto.v1.FileChunk;
import io.ionstream.proto.v1.FrameEvent;
import io.ionstream.proto.v1.GetJobRequest;
import io.ionstream.proto.v1.GetResultsRequest;
import io.ionstream.proto.v1.Job;
import io.ionstream.proto.v1.JobResults;
import io.ionstream.proto.v1.JobServiceGrpc;
import io.ionstream.proto.v1.JobState;
import io.ionstream.proto.v1.ListJobsRequest;
import io.ionstream.proto.v1.ListJobsResponse;
import io.ionstream.proto.v1.StreamFramesRequest;
import io.ionstream.proto.v1.SubmitJobRequest;
import io.ionstream.proto.v1.WatchEvent;
import io.ionstream.proto.v1.WatchRequest;
import io.grpc.stub.StreamObserver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.Executor;

/** JobService over the {@link IonstreamService}: unary calls answer directly, streams are flow-controlled calls. */
final class JobServiceImpl extends JobServiceGrpc.JobServiceImplBase {
    private static final int DEFAULT_CHUNK = 64 << 10, MAX_CHUNK = 1 << 20;
    private final IonstreamService service;
    private final Executor streams;

    JobServiceImpl(IonstreamService service, Executor streams) {
        this.service = service;
        this.streams = streams;
    }

    @Override
    public void submitJob(SubmitJobRequest req, StreamObserver<Job> out) {
        GrpcErrors.unary(out, () -> {
            if (!req.hasSpec()) throw ServiceException.invalid("SubmitJobRequest.spec is missing");
            return service.submit(req.getSpec());
        });
    }

    @Override
    public void getJob(GetJobRequest req, StreamObserver<Job> out) {
        GrpcErrors.unary(out, () -> service.jobs().get(req.getJobId()));
    }

    @Override
    public void listJobs(ListJobsRequest req, StreamObserver<ListJobsResponse> out) {
        GrpcErrors.unary(out, () -> {
            Set<JobState> states = EnumSet.noneOf(JobState.class);
            for (JobState s : req.getStatesList()) {
                if (s == JobState.UNRECOGNIZED) throw ServiceException.invalid("unknown job state in ListJobsRequest.states");
                states.add(s);
            }
            String parent = req.getParentJobId().strip();
            return ListJobsResponse.newBuilder().addAllJobs(service.jobs().list(states).stream()
                .filter(j -> parent.isEmpty() || j.getParentJobId().equals(parent)).toList()).build();
        });
    }

    @Override
    public void cancelJob(CancelJobRequest req, StreamObserver<Job> out) {
        GrpcErrors.unary(out, () -> service.cancel(req.getJobId()));
    }

    @Override
    public void watch(WatchRequest req, StreamObserver<WatchEvent> out) {
        JobEntry job = streamable(req.getJobId(), out);
        if (job != null) new WatchCall(job, req, out, streams);
    }

    @Override
    public void streamFrames(StreamFramesRequest req, StreamObserver<FrameEvent> out) {
        JobEntry job = streamable(req.getJobId(), out);
        if (job != null) new FramesCall(job, req, out, streams);
    }

    /** The job whose streams a call follows, or null after ending the call with the reason (unknown id, no streams). */
    private JobEntry streamable(String jobId, StreamObserver<?> out) {
        try {
            JobEntry job = service.jobs().entry(jobId);
            job.streams();
            return job;
        } catch (Throwable t) {
            out.onError(GrpcErrors.status(t));
            return null;
        }
    }

    @Override
    public void getResults(GetResultsRequest req, StreamObserver<JobResults> out) {
        GrpcErrors.unary(out, () -> service.results(req.getJobId()));
    }

    @Override
    public void fetchFile(FetchFileRequest req, StreamObserver<FileChunk> out) {
        try {
            Path p = service.file(req.getJobId(), req.getName());
            long size = Files.size(p);
            if (req.getOffset() > size) {
                throw ServiceException.invalid("offset " + req.getOffset() + " is beyond the end of " + req.getName() + " (" + size + " bytes)");
            }
            if (req.getChunkSize() > MAX_CHUNK) throw ServiceException.invalid("chunk_size is at most " + MAX_CHUNK + " bytes, got " + req.getChunkSize());
            int chunk = req.getChunkSize() == 0 ? DEFAULT_CHUNK : req.getChunkSize();
            new FileCall(p, req.getOffset(), chunk, out, streams);
        } catch (Throwable t) {
            out.onError(GrpcErrors.status(t));
        }
    }
}
