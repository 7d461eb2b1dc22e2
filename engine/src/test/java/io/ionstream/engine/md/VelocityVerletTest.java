package io.ionstream.engine.md;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ionstream.engine.neighbor.NeighborSettings;
import io.ionstream.engine.protocol.LjArgon;
import io.ionstream.engine.system.AtomSystem;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Velocity Verlet: second-order energy conservation and exact time reversibility. */
class VelocityVerletTest {

    /**
     * Solid argon at 2 K with the cut-off between two neighbour shells, cold enough that no pair
     * crosses it (at 10 K long-wavelength modes already swing a few pairs across, and each
     * crossing of the unshifted cut-off is an energy jump independent of dt), so the Hamiltonian is
     * smooth: the total-energy fluctuation of a symplectic second-order
     * integrator then scales as dt², a factor 4 for a halved step, with no drift.
     */
    @Test
    void energyErrorIsSecondOrderInTheTimeStep() {
        double fluct4 = totalEnergyFluctuation(0.004, 1000);
        double fluct2 = totalEnergyFluctuation(0.002, 2000);
        double ratio = fluct4 / fluct2;
        System.out.printf("NVE total-energy fluctuation over 4 ps: dt 4 fs %.3e eV, dt 2 fs %.3e eV, ratio %.2f%n", fluct4, fluct2, ratio);
        assertTrue(ratio > 3.5 && ratio < 4.5, "fluctuation ratio for dt 4 fs / 2 fs should be ~4, got " + ratio);
    }

    private static double totalEnergyFluctuation(double dt, int steps) {
        AtomSystem sys = crystal();
        MdRunner runner = new MdRunner(sys, LjArgon.forceField(8.8), new VelocityVerlet(dt), NeighborSettings.withSkin(1.0));
        runner.setup();
        double e0 = runner.totalEnergy(), sum = 0, sum2 = 0, keSum = 0;
        for (int s = 0; s < steps; s++) {
            runner.step();
            double e = runner.totalEnergy() - e0;
            sum += e;
            sum2 += e * e;
            keSum += runner.kineticEnergy();
        }
        double mean = sum / steps;
        // no drift: the mean deviation from the start is within a few fluctuations, and both are tiny against KE
        double sd = Math.sqrt(sum2 / steps - mean * mean);
        assertTrue(Math.abs(mean) < 5 * sd, "total energy drifts: mean deviation " + mean + " eV vs fluctuation " + sd + " eV");
        assertTrue(sd < 1e-3 * keSum / steps, "total energy fluctuation " + sd + " eV is not small against KE");
        return sd;
    }

    /** 4x4x4 fcc argon (256 atoms, a = 5.3 Å) at 4 K (2 K after equipartition); the cut-off 8.8 Å lies between shells at 8.38 and 9.18 Å. */
    static AtomSystem crystal() {
        AtomSystem sys = LjArgon.fcc(4, 5.3);
        Velocities.maxwellBoltzmann(sys, 4.0, 5);
        return sys;
    }

    /**
     * Integrate a liquid forward, negate the velocities, integrate back: positions and velocities
     * return to the start to round-off (velocity Verlet is time-reversible), through neighbour
     * rebuilds, wrapping and spatial sorting.
     */
    @Test
    void isTimeReversible() {
        AtomSystem sys = LjArgon.fcc(4, LjArgon.LIQUID_LATTICE);
        Random r = new Random(3);
        for (int k = 0; k < 3 * sys.size(); k++) sys.x()[k] += 0.2 * (r.nextDouble() - 0.5);
        Velocities.maxwellBoltzmann(sys, 150.0, 9);
        double[] x0 = unwrappedById(sys), v0 = velocitiesById(sys);
        MdRunner runner = new MdRunner(sys, LjArgon.forceField(LjArgon.CUTOFF), new VelocityVerlet(0.002),
            NeighborSettings.withSkin(1.0).sortEvery(1));
        runner.run(500);
        int builds = runner.forces().neighborhood().builds();
        double moved = maxDifference(x0, unwrappedById(sys));
        for (int k = 0; k < 3 * sys.size(); k++) sys.v()[k] = -sys.v()[k];
        runner.run(500);
        for (int k = 0; k < 3 * sys.size(); k++) sys.v()[k] = -sys.v()[k];
        double dx = maxDifference(x0, unwrappedById(sys)), dv = maxDifference(v0, velocitiesById(sys));
        System.out.printf("time reversal over 2 x 500 steps (%d list builds, atoms moved up to %.2f Å): max |dx| %.2e Å, max |dv| %.2e Å/ps%n",
            builds, moved, dx, dv);
        assertTrue(builds > 3, "the run must cross neighbour-list rebuilds");
        assertTrue(moved > 1.0, "atoms must have moved");
        assertEquals(0.0, dx, 1e-9, "positions after forward + backward integration");
        assertEquals(0.0, dv, 1e-9, "velocities after forward + backward integration");
    }

    static double[] unwrappedById(AtomSystem s) {
        double[] out = new double[3 * s.size()];
        for (int i = 0; i < s.size(); i++) s.unwrapped(i, out, 3 * (int) (s.id()[i] - 1));
        return out;
    }

    static double[] velocitiesById(AtomSystem s) {
        double[] out = new double[3 * s.size()];
        for (int i = 0; i < s.size(); i++) System.arraycopy(s.v(), 3 * i, out, 3 * (int) (s.id()[i] - 1), 3);
        return out;
    }

    static double maxDifference(double[] a, double[] b) {
        double m = 0;
        for (int k = 0; k < a.length; k++) m = Math.max(m, Math.abs(a[k] - b[k]));
        return m;
    }
}
