package io.ionstream.engine.analysis.sei;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ionstream.engine.analysis.live.CrystallinityObservable;
import io.ionstream.engine.analysis.live.ReductionFraction;
import io.ionstream.engine.analysis.structure.TestStructures;
import io.ionstream.engine.analysis.trajectory.Frames;
import io.ionstream.engine.io.TrajectoryFrame;
import io.ionstream.engine.system.AtomSystem;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Per-frame reduction fraction and crystallinity along a trajectory that "amorphises". */
class SeiSeriesTest {

    @Test
    void framesOfACrystalThatLosesOrder() {
        List<TrajectoryFrame> frames = new ArrayList<>();
        for (int k = 0; k < 4; k++) {
            // P sits on anion sites (no S within 3 Å: fully reduced); growing random displacements
            AtomSystem s = TestStructures.antifluorite(3, 5.7, 1.0 / 7, 1.0 / 7, 0.1 + 0.6 * k, 0.2, 10 + k);
            frames.add(new TrajectoryFrame(k, Double.NaN, s.box(), s.species(), s.type().clone(), s.id().clone(),
                java.util.Arrays.copyOf(s.x(), 3 * s.size()), false));
        }
        SeiSeries series = SeiSeries.compute(List.of(Frames.source("amorphising", frames)), new ReductionFraction(),
            new CrystallinityObservable(), 2.5, Double.NaN, 1);
        assertEquals(4, series.time().length);
        assertEquals(7.5, series.time()[3], 1e-12);
        assertEquals(1.0, series.crystallinity()[0], 0.0);
        assertTrue(series.crystallinity()[3] < 0.05, "disordered frame: " + series.crystallinity()[3]);
        // on the ordered frame no S is within 3 Å of a P: every P counts as fully reduced
        assertEquals(1.0, series.alpha()[0], 0.0);
        // scrambled frames bring some S within 3 Å of P again
        assertTrue(series.alpha()[3] < 1.0);
        assertEquals("t_ps,alpha,crystallinity,amorphous", series.table().csv().lines().findFirst().orElseThrow());
    }
}
