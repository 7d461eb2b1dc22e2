package io.ionstream.engine.md;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ionstream.engine.system.AtomSystem;
import org.junit.jupiter.api.Test;

/** Velocity rescaling every N steps, alone (on NVE) and composed with Nosé-Hoover. */
class RescaleEveryTest {

    @Test
    void hitsTheTargetTemperatureExactlyAtItsSteps() {
        for (Integrator inner : new Integrator[] {new VelocityVerlet(0.002), NoseHoover.nvt(0.002, Thermostat.at(200, 0.1))}) {
            AtomSystem sys = NoseHooverEnsembleTest.liquid(41);
            MdRunner runner = NoseHooverEnsembleTest.runner(sys, new RescaleEvery(inner, 10, 90.0));
            for (int s = 1; s <= 50; s++) {
                runner.step();
                if (s % 10 == 0) {
                    assertEquals(90.0, runner.temperature(), 1e-10, inner.name() + ": reduced T at step " + s);
                    assertEquals(90.0, Velocities.temperature(sys), 1e-10, inner.name() + ": T of the velocities at step " + s);
                } else {
                    assertNotEquals(90.0, runner.temperature(), 1e-3, inner.name() + ": no rescale at step " + s);
                    // the sums always describe the actual end-of-step velocities
                    assertEquals(Velocities.temperature(sys), runner.temperature(), 1e-9 * runner.temperature(), "step " + s);
                }
            }
        }
    }

    /**
     * LAMMPS {@code fix temp/rescale} semantics: on a rescale step, a temperature T outside the
     * window around the target moves the given fraction of the way to it; inside, nothing happens.
     * T without rescaling comes from a twin run of the same step with the bare integrator.
     */
    @Test
    void windowAndFractionFollowLammpsTempRescale() {
        AtomSystem sys = NoseHooverEnsembleTest.liquid(42);
        double target = 100.0, window = 10.0, fraction = 0.5;
        MdRunner runner = NoseHooverEnsembleTest.runner(sys, new RescaleEvery(new VelocityVerlet(0.002), 5, target, window, fraction));
        runner.setup();
        int rescaled = 0, inside = 0;
        for (int s = 1; s <= 60; s++) {
            Double bare = null;
            if (s % 5 == 0) {
                MdRunner twin = NoseHooverEnsembleTest.runner(sys.copy(), new VelocityVerlet(0.002));
                twin.step();
                bare = twin.temperature();
            }
            runner.step();
            if (bare != null) {
                double expected = Math.abs(bare - target) > window ? bare - fraction * (bare - target) : bare;
                if (Math.abs(bare - target) > window) rescaled++; else inside++;
                assertEquals(expected, runner.temperature(), 1e-8 * expected, "T after the rescale step " + s);
            }
        }
        assertTrue(rescaled >= 2, "some steps must rescale (" + rescaled + ")");
        assertTrue(inside >= 1, "the run must reach the window (" + inside + " steps inside)");
    }

    @Test
    void rejectsBadParameters() {
        VelocityVerlet nve = new VelocityVerlet(0.001);
        assertThrowsNaming("interval", () -> new RescaleEvery(nve, 0, 300));
        assertThrowsNaming("target temperature", () -> new RescaleEvery(nve, 10, -5));
        assertThrowsNaming("target temperature", () -> new RescaleEvery(nve, 10, Double.NaN));
        assertThrowsNaming("fraction", () -> new RescaleEvery(nve, 10, 300, 0, 1.5));
    }

    static void assertThrowsNaming(String what, org.junit.jupiter.api.function.Executable e) {
        IllegalArgumentException ex = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, e);
        assertTrue(ex.getMessage().contains(what), "message '" + ex.getMessage() + "' should name " + what);
    }
}
