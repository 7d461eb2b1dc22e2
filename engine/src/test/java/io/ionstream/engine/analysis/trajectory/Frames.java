package io.ionstream.engine.analysis.trajectory;

import io.ionstream.engine.io.TrajectoryFrame;
import io.ionstream.engine.io.TrajectoryReader;
import java.util.Iterator;
import java.util.List;

/** Test helpers: in-memory trajectory readers. */
public final class Frames {
    private Frames() {}

    public static TrajectoryReader reader(List<TrajectoryFrame> frames) {
        Iterator<TrajectoryFrame> it = frames.iterator();
        return new TrajectoryReader() {
            @Override public TrajectoryFrame next() { return it.hasNext() ? it.next() : null; }
            @Override public void close() {}
        };
    }

    public static TrajectorySource source(String name, List<TrajectoryFrame> frames) {
        return new TrajectorySource(name, () -> reader(frames));
    }
}
