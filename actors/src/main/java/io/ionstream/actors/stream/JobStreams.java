package io.ionstream.actors.stream;

import io.ionstream.actors.jobs.store.JobFiles;
import io.ionstream.actors.jobs.store.RecordLog;
import io.ionstream.proto.v1.Frame;
import io.ionstream.proto.v1.FrameHeader;
import io.ionstream.proto.v1.Sample;
import java.io.IOException;
import java.util.concurrent.Executor;

/**
 * The live streams of one job: its observable samples, its trajectory frames (with the header
 * that names the atoms) and a wake-up for subscribers when the job's state changes. Many
 * subscribers share these; the job computes each sample once.
 */
public final class JobStreams implements AutoCloseable {
    private final StreamLog<Sample> samples;
    private final StreamLog<Frame> frames;
    private final FrameHeader frameHeader;

    private JobStreams(StreamLog<Sample> samples, StreamLog<Frame> frames, FrameHeader frameHeader) {
        this.samples = samples;
        this.frames = frames;
        this.frameHeader = frameHeader;
    }

    /**
     * Opens the logs of a job, keeping the first {@code keepSamples} and {@code keepFrames}
     * records (a resumed job drops what it will produce again; -1 keeps everything).
     * {@code writer} is the job's writer (null: read-only, for ended jobs).
     */
    public static JobStreams open(JobFiles files, long keepSamples, long keepFrames, Executor writer, Executor notifier,
                                  int sampleRing, int frameRing) throws IOException {
        RecordLog s = RecordLog.open(files.observablesLog());
        RecordLog f;
        try {
            f = RecordLog.open(files.framesLog());
        } catch (IOException e) {
            s.close();
            throw e;
        }
        if (keepSamples >= 0) s.truncate(keepSamples);
        if (keepFrames >= 0) f.truncate(keepFrames);
        return new JobStreams(new StreamLog<>(s, Sample.parser(), sampleRing, writer, notifier),
            new StreamLog<>(f, Frame.parser(), frameRing, writer, notifier), files.readFrameHeader());
    }

    public StreamLog<Sample> samples() { return samples; }
    public StreamLog<Frame> frames() { return frames; }
    public FrameHeader frameHeader() { return frameHeader; }

    /** Subscribers of either stream. */
    public int subscribers() { return samples.listeners() + frames.listeners(); }

    /** Wakes every subscriber (the job's state changed). */
    public void signal() {
        samples.signal();
        frames.signal();
    }

    @Override
    public void close() throws IOException {
        try {
            samples.close();
        } finally {
            frames.close();
        }
    }
}
