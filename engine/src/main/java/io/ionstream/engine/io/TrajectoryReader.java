package io.ionstream.engine.io;

/**
 * Frames of one trajectory file, read one at a time so that long trajectories need not fit in
 * memory. Malformed input throws {@link FormatException}.
 */
public interface TrajectoryReader extends AutoCloseable {
    /** The next frame, or null at the end. */
    TrajectoryFrame next();

    @Override
    void close();
}
