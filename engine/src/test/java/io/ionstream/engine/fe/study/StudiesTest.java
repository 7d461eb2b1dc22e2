package io.ionstream.engine.fe.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ionstream.engine.fe.micro.PolycrystalSpec;
import io.ionstream.engine.fe.micro.Seeding;
import io.ionstream.engine.fe.model.ArrheniusLaw;
import io.ionstream.engine.fe.model.GbArrhenius;
import io.ionstream.engine.fe.model.GbModel;
import io.ionstream.engine.fe.solver.SolverSettings;
import io.ionstream.engine.units.MetalUnits;
import java.util.List;
import org.junit.jupiter.api.Test;

class StudiesTest {
    private static final PolycrystalSpec TWO_GRAINS = new PolycrystalSpec(2, 48, 100, Seeding.LLOYD, 7, 10);

    /**
     * Near the transition grain size the two models agree within a few per cent (the seed
     * reports < 5 % around 100 nm for δ = 2.5 nm), and the deviation is larger at the extremes.
     */
    @Test
    void modelsAgreeNearTheTransitionGrainSize() {
        try (StudyRunner runner = new StudyRunner(TWO_GRAINS, 2.5, SolverSettings.defaults(), null)) {
            TransitionStudy.Result r = TransitionStudy.run(runner, new double[] {25, 100, 400}, new double[] {0.1, 0.3, 3, 10});
            TransitionStudy.Size mid = r.sizes().get(1);
            assertTrue(mid.maxAbsDeviation() < 0.05, "max deviation at 100 nm: " + mid.maxAbsDeviation());
            assertTrue(mid.sumSquares() < r.sizes().get(0).sumSquares() && mid.sumSquares() < r.sizes().get(2).sumSquares(),
                "Σdev² must be smallest at 100 nm: " + r.sizes());
            assertTrue(r.transitionNm() > 25 && r.transitionNm() < 400, "transition " + r.transitionNm());
        }
    }

    @Test
    void equalActivationEnergiesGiveAStraightArrheniusLine() {
        double ea = 0.3;
        GbArrhenius laws = new GbArrhenius(new ArrheniusLaw(1.0, ea), new ArrheniusLaw(30.0, ea), new ArrheniusLaw(0.2, ea));
        try (StudyRunner runner = new StudyRunner(new PolycrystalSpec(8, 24, 20, Seeding.HALTON, 1, 0), 2.5, SolverSettings.defaults().withTolerance(1e-9), null)) {
            ArrheniusSweep.Result r = ArrheniusSweep.run(runner, ModelChoice.of(GbModel.RESOLVED), laws, new double[] {20}, new double[] {300, 450, 600, 900});
            ArrheniusSweep.Curve c = r.curves().get(0);
            // D_eff is homogeneous of degree 1 in the diffusivities: the same Ea everywhere scales it exactly
            assertEquals(ea, c.fitActivationEv(), 1e-6);
            assertTrue(c.maxDeviation() < 1e-6, "deviation " + c.maxDeviation());
            assertFalse(c.curved(0.01));
        }
    }

    @Test
    void fastBoundariesWithHigherBarrierBendTheCurve() {
        // bulk slow with a high barrier, boundaries fast with a low one: boundaries dominate at low T
        GbArrhenius laws = new GbArrhenius(new ArrheniusLaw(100.0, 0.45), new ArrheniusLaw(1.0, 0.2), new ArrheniusLaw(1.0, 0.2));
        try (StudyRunner runner = new StudyRunner(new PolycrystalSpec(8, 24, 20, Seeding.HALTON, 1, 0), 2.5, SolverSettings.defaults(), null)) {
            ArrheniusSweep.Result r = ArrheniusSweep.run(runner, ModelChoice.of(GbModel.RESOLVED), laws, new double[] {20},
                new double[] {250, 300, 400, 500, 700, 1000});
            ArrheniusSweep.Curve c = r.curves().get(0);
            assertTrue(c.curved(0.1), "apparent Ea " + c.lowTActivationEv() + " (low T) vs " + c.highTActivationEv() + " (high T)");
            assertTrue(c.lowTActivationEv() < c.highTActivationEv(), "the low-barrier channel dominates at low T");
            assertTrue(c.lowTActivationEv() > 0.2 - 1e-3 && c.highTActivationEv() < 0.45 + 1e-3, "apparent Ea lies between the components");
            double d300 = r.points().get(1).dMacro();
            // at 300 K the polycrystal sits between bulk and boundary diffusivities
            assertTrue(d300 > laws.bulk().at(300) && d300 < laws.parallel().at(300));
        }
        assertEquals(8.617343e-5, MetalUnits.BOLTZ, 0); // the fits use the LAMMPS Boltzmann constant
    }

    @Test
    void mapIsMonotoneInTheBoundaryDiffusivity() {
        try (StudyRunner runner = new StudyRunner(new PolycrystalSpec(8, 24, 10, Seeding.HALTON, 2, 0), 2.5, SolverSettings.defaults(), null)) {
            double[] ratios = DiffusivityMap.logSpaced(0.01, 100, 5);
            List<DiffusivityMap.Point> pts = DiffusivityMap.run(runner, ModelChoice.auto(100), new double[] {10, 1000}, ratios);
            assertEquals(10, pts.size());
            for (int i = 1; i < 5; i++) {
                assertTrue(pts.get(i).relative() > pts.get(i - 1).relative());
                assertTrue(pts.get(5 + i).relative() > pts.get(5 + i - 1).relative());
            }
            assertEquals(GbModel.RESOLVED, pts.get(0).model());
            assertEquals(GbModel.COLLAPSED, pts.get(5).model());
            // ratio 1 → exactly the bulk; nanograins react far more strongly than micrograins
            assertEquals(1.0, pts.get(2).relative(), 1e-12);
            assertTrue(pts.get(4).relative() > 3 * pts.get(9).relative());
        }
    }
}
