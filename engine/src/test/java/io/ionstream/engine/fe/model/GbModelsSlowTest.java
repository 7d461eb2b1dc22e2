package io.ionstream.engine.fe.model;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ionstream.engine.fe.micro.PolycrystalSpec;
import io.ionstream.engine.fe.micro.Seeding;
import io.ionstream.engine.fe.solver.SolverSettings;
import io.ionstream.engine.fe.study.StudyRunner;
import io.ionstream.engine.fe.study.TransitionStudy;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Larger grids: convergence over four resolutions and model agreement at the transition with δ/h ≈ 2. */
@Tag("slow")
class GbModelsSlowTest {
    @Test
    void resolvedBoundaryExcessConvergesOverFourResolutions() {
        GbModelsTest.assertConverges(new int[] {12, 24, 48, 96}, 0.02);
    }

    @Test
    void modelsAgreeWithinFivePercentAt100nmOnA96Grid() {
        try (StudyRunner runner = new StudyRunner(new PolycrystalSpec(2, 96, 100, Seeding.LLOYD, 7, 10), 2.5, SolverSettings.defaults(), null)) {
            TransitionStudy.Result r = TransitionStudy.run(runner, new double[] {50, 100, 200}, new double[] {0.1, 0.3, 3, 10});
            assertTrue(r.sizes().get(1).maxAbsDeviation() < 0.05, "deviation at 100 nm: " + r.sizes().get(1));
        }
    }
}
