package io.ionstream.actors.jobs;

import io.ionstream.actors.jobs.store.JobFiles;
import io.ionstream.actors.jobs.store.JobWriter;
import io.ionstream.actors.stream.JobStreams;
import io.ionstream.proto.v1.Job;
import io.ionstream.proto.v1.JobSpec;
import io.ionstream.proto.v1.JobState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.Executor;

/**
 * One job as the rest of the process sees it: its spec, its files, its streams and its current
 * {@link Job} record. The record is replaced by the job's supervisor (state changes, checkpoints);
 * live progress (step, stage, throughput) is set by the MD thread; anyone may read
 * {@link #job()} at any time.
 */
public final class JobEntry {
    private final String id;
    private final JobSpec spec;
    private final JobFiles files;
    private final JobWriter writer;
    private final StreamFactory streamFactory;
    private volatile Job record;
    private volatile JobStreams streams;
    private volatile long step;
    private volatile int stageIndex;
    private volatile String stage = "";
    private volatile double atomStepsPerSecond;

    /** Opens a job's streams on first use. */
    @FunctionalInterface
    public interface StreamFactory {
        JobStreams open(JobFiles files, Executor writer) throws IOException;
    }

    JobEntry(String id, JobSpec spec, JobFiles files, Job record, JobWriter writer, StreamFactory streamFactory) {
        this.id = id;
        this.spec = spec;
        this.files = files;
        this.record = record;
        this.writer = writer;
        this.streamFactory = streamFactory;
        this.step = record.getStep();
        this.stageIndex = record.getStageIndex();
        this.stage = record.getStage();
        this.atomStepsPerSecond = record.getAtomStepsPerSecond();
    }

    public String id() { return id; }
    public JobSpec spec() { return spec; }
    public JobFiles files() { return files; }
    /** The job's writer; null for jobs that ended before this server started. */
    public JobWriter writer() { return writer; }
    public JobState state() { return record.getState(); }
    public boolean ended() { return isEnded(record.getState()); }

    public static boolean isEnded(JobState s) {
        return s == JobState.COMPLETED || s == JobState.FAILED || s == JobState.CANCELLED;
    }

    /** The record as last set by the supervisor (what job.pb holds). */
    public Job record() { return record; }

    /** The current view: the record with live progress and stream counts. */
    public Job job() {
        Job r = record;
        Job.Builder b = r.toBuilder();
        JobStreams s = streams;
        if (!isEnded(r.getState())) {
            b.setStep(Math.max(step, r.getStep())).setStageIndex(stageIndex).setStage(stage).setAtomStepsPerSecond(atomStepsPerSecond);
            if (s != null) b.setSamples(s.samples().count()).setFrames(s.frames().count());
        }
        if (s != null) b.setSubscribers(s.subscribers());
        return b.build();
    }

    /** Replaces the record and wakes subscribers (supervisor only). */
    void setRecord(Job job) {
        record = job;
        // records persisted at a checkpoint lag behind the MD thread: live progress only moves forward
        step = Math.max(step, job.getStep());
        if (job.getStageIndex() >= stageIndex) {
            stageIndex = job.getStageIndex();
            stage = job.getStage();
        }
        JobStreams s = streams;
        if (s != null) s.signal();
    }

    void progress(long step) { this.step = step; }

    void stage(int index, String name) {
        this.stageIndex = index;
        this.stage = name;
    }

    void throughput(double atomStepsPerSecond) { this.atomStepsPerSecond = atomStepsPerSecond; }

    /** The job's streams, opened read-only on first use for jobs that ended before this server started. */
    public JobStreams streams() {
        JobStreams s = streams;
        if (s != null) return s;
        synchronized (this) {
            if (streams == null) {
                try {
                    streams = streamFactory.open(files, writer);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot open the streams of job " + id + ": " + e.getMessage(), e);
                }
            }
            return streams;
        }
    }

    void setStreams(JobStreams s) { streams = s; }

    void closeStreams() {
        JobStreams s;
        synchronized (this) {
            s = streams;
            streams = null;
        }
        if (s != null) {
            try {
                s.close();
            } catch (IOException ignored) {
                // closing read handles at shutdown
            }
        }
    }
}
