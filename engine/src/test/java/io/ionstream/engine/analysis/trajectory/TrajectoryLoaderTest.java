package io.ionstream.engine.analysis.trajectory;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ionstream.engine.SharedData;
import io.ionstream.engine.io.TrajectoryFiles;
import io.ionstream.engine.io.TrajectoryFrame;
import io.ionstream.engine.io.TrajectoryReader;
import io.ionstream.engine.system.Box;
import io.ionstream.engine.system.SpeciesTable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrajectoryLoaderTest {
    private static final Path DUMP = SharedData.file("lammps-reference/lj_liquid_traj.dump");

    private static List<TrajectoryFrame> dumpFrames(int max) {
        List<TrajectoryFrame> out = new ArrayList<>();
        try (TrajectoryReader r = TrajectoryFiles.open(DUMP, new String[] {"Ar"})) {
            TrajectoryFrame f;
            while ((f = r.next()) != null && out.size() < max) out.add(f);
        }
        return out;
    }

    /** Wraps a frame into its cell and reverses the atom order: what an XDATCAR-like file gives. */
    private static TrajectoryFrame wrappedShuffled(TrajectoryFrame f) {
        int n = f.atoms();
        double[] x = new double[3 * n];
        int[] type = new int[n];
        long[] id = new long[n];
        for (int i = 0; i < n; i++) {
            int r = n - 1 - i;
            System.arraycopy(f.x(), 3 * i, x, 3 * r, 3);
            f.box().wrap(x, null, r);
            type[r] = f.type()[i];
            id[r] = f.id()[i];
        }
        return new TrajectoryFrame(f.step(), f.time(), f.box(), f.species(), type, id, x, false);
    }

    @Test
    void unwrapsWrappedFramesBackToLammpsUnwrappedCoordinates() {
        List<TrajectoryFrame> frames = dumpFrames(40);
        List<TrajectoryFrame> wrapped = frames.stream().map(TrajectoryLoaderTest::wrappedShuffled).toList();
        Trajectory ref = new TrajectoryLoader().timestep(0.002).load(List.of(Frames.source("xu", frames)));
        // split into two "files" to exercise concatenation
        Trajectory un = new TrajectoryLoader().timestep(0.002).load(List.of(Frames.source("a", wrapped.subList(0, 17)),
            Frames.source("b", wrapped.subList(17, 40))));
        assertEquals(40, un.frames());
        double shift = 0;
        for (int f = 0; f < 40; f++) {
            double[] a = ref.positions(f), b = un.positions(f);
            for (int k = 0; k < a.length; k++) {
                // unwrapping keeps the wrapped first frame as the origin: compare displacements
                double da = a[k] - ref.positions(0)[k], db = b[k] - un.positions(0)[k];
                shift = Math.max(shift, Math.abs(da - db));
            }
            assertEquals(ref.time(f), un.time(f), 1e-12);
        }
        assertTrue(shift < 1e-9, "unwrapped displacements differ by " + shift + " Å");
    }

    @Test
    void dropsARestartFrameThatRepeatsThePreviousFile() {
        List<TrajectoryFrame> frames = dumpFrames(10);
        Trajectory t = new TrajectoryLoader().timestep(0.002).load(List.of(Frames.source("a", frames.subList(0, 6)),
            Frames.source("b", frames.subList(5, 10))));
        assertEquals(10, t.frames());
        assertEquals(0.5 * 9, t.time(9), 1e-12);
    }

    @Test
    void keepsOnlyRequestedSpeciesAndTracksFrameworkDrift() {
        SpeciesTable sp = SpeciesTable.of("Li", "S");
        Box box = Box.orthorhombic(10, 10, 10);
        List<TrajectoryFrame> frames = new ArrayList<>();
        for (int k = 0; k < 5; k++) {
            double s = 0.1 * k; // the S framework drifts along x
            double[] x = {1, 1, 1, 5 + s, 5, 5, 2 + 2 * s, 2, 2};
            frames.add(new TrajectoryFrame(k, Double.NaN, box, sp, new int[] {0, 1, 0}, new long[] {1, 2, 3}, x, true));
        }
        Trajectory t = new TrajectoryLoader().keep("Li").drift(DriftReference.FRAMEWORK).frameInterval(0.1)
            .load(List.of(Frames.source("m", frames)));
        assertEquals(2, t.atoms());
        assertArrayEquals(new long[] {1, 3}, t.ids());
        assertArrayEquals(new double[] {0.4, 0, 0}, t.drift(4), 1e-12);
        assertEquals(0.4, t.time(4), 1e-12);
    }

    @Test
    void rejectsFramesWithDifferentAtomCounts() {
        SpeciesTable sp = SpeciesTable.of("Li");
        Box box = Box.orthorhombic(10, 10, 10);
        List<TrajectoryFrame> frames = List.of(
            new TrajectoryFrame(0, 0, box, sp, new int[] {0, 0}, new long[] {1, 2}, new double[6], true),
            new TrajectoryFrame(1, 0.1, box, sp, new int[] {0}, new long[] {1}, new double[3], true));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> new TrajectoryLoader().load(List.of(Frames.source("bad.dump", frames))));
        assertTrue(e.getMessage().contains("bad.dump frame 2") && e.getMessage().contains("1 atoms"), e.getMessage());
    }

    @Test
    void refusesToUnwrapFramesTooFarApart() {
        SpeciesTable sp = SpeciesTable.of("Li");
        Box box = Box.orthorhombic(10, 10, 10);
        List<TrajectoryFrame> frames = List.of(
            new TrajectoryFrame(0, 0, box, sp, new int[] {0}, new long[] {7}, new double[] {1, 1, 1}, false),
            new TrajectoryFrame(1, 0.1, box, sp, new int[] {0}, new long[] {7}, new double[] {5.5, 1, 1}, false));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> new TrajectoryLoader().load(List.of(Frames.source("w.xdatcar", frames))));
        assertTrue(e.getMessage().contains("atom id 7") && e.getMessage().contains("cannot be unwrapped"), e.getMessage());
    }

    @Test
    void framesWithoutTimesNeedAnInterval() {
        SpeciesTable sp = SpeciesTable.of("Li");
        Box box = Box.orthorhombic(10, 10, 10);
        List<TrajectoryFrame> frames = List.of(
            new TrajectoryFrame(-1, Double.NaN, box, sp, new int[] {0}, new long[] {1}, new double[3], true));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> new TrajectoryLoader().load(List.of(Frames.source("XDATCAR", frames))));
        assertTrue(e.getMessage().contains("frame interval"), e.getMessage());
    }
}
