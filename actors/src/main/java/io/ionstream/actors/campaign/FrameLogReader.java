package io.ionstream.actors.campaign;

import io.ionstream.actors.stream.StreamLog;
import io.ionstream.engine.io.TrajectoryFrame;
import io.ionstream.engine.io.TrajectoryReader;
import io.ionstream.engine.system.Box;
import io.ionstream.engine.system.SpeciesTable;
import io.ionstream.proto.v1.Cell;
import io.ionstream.proto.v1.Frame;
import io.ionstream.proto.v1.FrameHeader;

/**
 * A finished job's recorded frames between two steps as a trajectory: positions wrapped into the
 * cell plus image counters times the cell vectors, so the frames are unwrapped exactly (the
 * loader needs no guessing from consecutive frames); atoms in the job's canonical order.
 */
final class FrameLogReader implements TrajectoryReader {
    private final StreamLog<Frame> frames;
    private final SpeciesTable species;
    private final int[] types;
    private final long[] ids;
    private final long firstStep, lastStep;
    private final double[] shift = new double[3];
    private long next;

    FrameLogReader(StreamLog<Frame> frames, FrameHeader header, SpeciesTable species, long firstStep, long lastStep) {
        this.frames = frames;
        this.species = species;
        this.types = header.getTypesList().stream().mapToInt(Integer::intValue).toArray();
        this.ids = header.getIdsList().stream().mapToLong(Long::longValue).toArray();
        this.firstStep = firstStep;
        this.lastStep = lastStep;
    }

    /** Number of frames of the log in the step range. */
    static int count(StreamLog<Frame> frames, long firstStep, long lastStep) {
        int n = 0;
        for (long k = 0; k < frames.count(); k++) {
            long s = frames.get(k).getStep();
            if (s >= firstStep && s <= lastStep) n++;
        }
        return n;
    }

    @Override
    public TrajectoryFrame next() {
        while (next < frames.count()) {
            Frame f = frames.get(next++);
            if (f.getStep() < firstStep) continue;
            if (f.getStep() > lastStep) return null;
            return frame(f);
        }
        return null;
    }

    private TrajectoryFrame frame(Frame f) {
        int n = ids.length;
        if (f.getPositionsCount() != 3 * n || f.getImagesCount() != 3 * n) {
            throw new IllegalStateException("frame " + f.getIndex() + " holds " + f.getPositionsCount() / 3 + " atoms, the job has " + n);
        }
        Cell c = f.getCell();
        Box box = new Box(c.getXlo(), c.getYlo(), c.getZlo(), c.getLx(), c.getLy(), c.getLz(), c.getXy(), c.getXz(), c.getYz());
        double[] x = new double[3 * n];
        for (int i = 0; i < n; i++) {
            box.imageShift(f.getImages(3 * i), f.getImages(3 * i + 1), f.getImages(3 * i + 2), shift, 0);
            for (int d = 0; d < 3; d++) x[3 * i + d] = f.getPositions(3 * i + d) + shift[d];
        }
        return new TrajectoryFrame(f.getStep(), f.getTimePs(), box, species, types, ids, x, true);
    }

    @Override
    public void close() {}
}
