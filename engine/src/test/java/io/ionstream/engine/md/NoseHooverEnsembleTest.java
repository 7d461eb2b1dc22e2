package io.ionstream.engine.md;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ionstream.engine.neighbor.NeighborSettings;
import io.ionstream.engine.protocol.LjArgon;
import io.ionstream.engine.system.AtomSystem;
import io.ionstream.engine.units.MetalUnits;
import java.util.Random;
import java.util.function.DoubleFunction;
import org.junit.jupiter.api.Test;

/**
 * Statistical mechanics of the Nosé-Hoover integrators on a small argon liquid (108 atoms): the
 * canonical kinetic-energy distribution under NVT, the target pressure under NPT, z-only coupling,
 * and second-order conservation of the extended energy.
 */
class NoseHooverEnsembleTest {
    static final double KB = MetalUnits.BOLTZ;

    /** fcc 3x3x3 argon at the reference density, shaken and hot enough to melt at once. */
    static AtomSystem liquid(long seed) {
        AtomSystem sys = LjArgon.fcc(3, LjArgon.LIQUID_LATTICE);
        Random r = new Random(seed);
        for (int k = 0; k < 3 * sys.size(); k++) sys.x()[k] += 0.2 * (r.nextDouble() - 0.5);
        Velocities.maxwellBoltzmann(sys, 240.0, seed);
        return sys;
    }

    static MdRunner runner(AtomSystem sys, Integrator integrator) {
        return new MdRunner(sys, LjArgon.forceField(LjArgon.CUTOFF), integrator, NeighborSettings.withSkin(1.5));
    }

    /**
     * NVT at 120 K: the kinetic energy K of N atoms with dof = 3N − 3 is Gamma-distributed in the
     * canonical ensemble, mean dof·kT/2 and variance dof·(kT)²/2. Both estimates from a 150 ps run
     * must lie within 3.5 standard errors, estimated from 20 block averages (blocks of 7.5 ps, much
     * longer than the ~0.5 ps correlation time), and those errors must be small enough to tell a
     * wrong ensemble apart (a velocity-rescaling thermostat would give a variance near zero).
     */
    @Test
    void nvtSamplesTheCanonicalKineticEnergyDistribution() {
        double t = 120.0, dt = 0.005;
        AtomSystem sys = liquid(21);
        MdRunner runner = runner(sys, NoseHoover.nvt(dt, Thermostat.at(t, 0.5)));
        runner.run(2000);
        int blocks = 20, perBlock = 1500;
        double[] k = new double[blocks * perBlock];
        for (int s = 0; s < k.length; s++) {
            runner.step();
            k[s] = runner.kineticEnergy();
        }
        double dof = 3.0 * sys.size() - 3.0, kt = KB * t;
        double[] mean = blockMean(k, blocks), var = blockVariance(k, blocks);
        double expMean = 0.5 * dof * kt, expVar = 0.5 * dof * kt * kt;
        System.out.printf("NVT kinetic energy: mean %.5f +- %.5f eV (canonical %.5f), variance %.3e +- %.1e eV^2 (canonical %.3e)%n",
            mean[0], mean[1], expMean, var[0], var[1], expVar);
        assertTrue(var[1] < 0.15 * expVar, "the run is too short to test the variance: error " + var[1] + " eV^2");
        assertEquals(expMean, mean[0], 3.5 * mean[1], "mean kinetic energy");
        assertEquals(expVar, var[0], 3.5 * var[1], "variance of the kinetic energy");
    }

    /**
     * Isotropic NPT at 120 K and 500 bar: the mean instantaneous pressure equals the target within
     * 3.5 block-averaged standard errors, and the error is well below the kinetic pressure
     * ρkT (about 330 bar here), so a barostat that missed it would fail.
     */
    @Test
    void nptHoldsTheMeanPressureAtTheTarget() {
        double t = 120.0, p = 500.0, dt = 0.005;
        AtomSystem sys = liquid(22);
        MdRunner runner = runner(sys, NoseHoover.npt(dt, Thermostat.at(t, 0.5), Barostat.iso(p, p, 2.0)));
        runner.run(2000);
        int blocks = 20, perBlock = 1000;
        double[] pr = new double[blocks * perBlock];
        double vol = 0;
        for (int s = 0; s < pr.length; s++) {
            runner.step();
            pr[s] = runner.pressure();
            vol += sys.box().volume();
        }
        vol /= pr.length;
        double[] mean = blockMean(pr, blocks);
        double kinetic = sys.size() / vol * KB * t * MetalUnits.NKTV2P;
        System.out.printf("NPT pressure: mean %.1f +- %.1f bar (target %.0f), mean volume %.1f A^3, kinetic pressure %.0f bar%n",
            mean[0], mean[1], p, vol, kinetic);
        assertTrue(mean[1] < 0.2 * kinetic, "the run is too short to test the pressure: error " + mean[1] + " bar");
        assertEquals(p, mean[0], 3.5 * mean[1], "mean pressure");
    }

    /** z coupling moves Lz only: Lx, Ly (and the x, y origin) stay bit for bit. */
    @Test
    void zCouplingChangesOnlyLz() {
        AtomSystem sys = liquid(23);
        double lx = sys.box().lx(), ly = sys.box().ly(), lz = sys.box().lz(), xlo = sys.box().xlo(), ylo = sys.box().ylo();
        MdRunner runner = runner(sys, NoseHoover.npt(0.005, Thermostat.at(120, 0.5), Barostat.z(2000, 2000, 0.5)));
        runner.run(400);
        assertEquals(lx, sys.box().lx(), 0.0, "Lx");
        assertEquals(ly, sys.box().ly(), 0.0, "Ly");
        assertEquals(xlo, sys.box().xlo(), 0.0, "xlo");
        assertEquals(ylo, sys.box().ylo(), 0.0, "ylo");
        assertNotEquals(lz, sys.box().lz(), "Lz must respond to the z pressure");
        assertTrue(sys.box().lz() < lz, "at 2000 bar the liquid is compressed along z: Lz " + lz + " -> " + sys.box().lz());
    }

    /**
     * The conserved quantity PE + KE + thermostat/barostat energy is held to second order: its
     * fluctuation drops fourfold when the time step is halved (cold crystal, no pair crossing the
     * cut-off, so the dynamics is smooth).
     */
    @Test
    void extendedEnergyIsConservedToSecondOrder() {
        check("nvt", dt -> NoseHoover.nvt(dt, Thermostat.at(2.0, 0.2)));
        check("npt iso", dt -> NoseHoover.npt(dt, Thermostat.at(2.0, 0.2), Barostat.iso(0, 0, 1.0)));
        check("npt z", dt -> NoseHoover.npt(dt, Thermostat.at(2.0, 0.2), Barostat.z(100, 100, 1.0)));
    }

    private static void check(String name, DoubleFunction<Integrator> make) {
        double f4 = conservedFluctuation(make.apply(0.004), 1000);
        double f2 = conservedFluctuation(make.apply(0.002), 2000);
        System.out.printf("%s conserved-energy fluctuation over 4 ps: dt 4 fs %.3e eV, 2 fs %.3e eV, ratio %.2f%n", name, f4, f2, f4 / f2);
        assertTrue(f4 / f2 > 3.5 && f4 / f2 < 4.5, name + ": fluctuation ratio for dt 4 fs / 2 fs should be ~4, got " + f4 / f2);
    }

    private static double conservedFluctuation(Integrator integrator, int steps) {
        AtomSystem sys = VelocityVerletTest.crystal();
        MdRunner runner = new MdRunner(sys, LjArgon.forceField(8.8), integrator, NeighborSettings.withSkin(1.0));
        runner.setup();
        double e0 = runner.conservedEnergy(), sum = 0, sum2 = 0, extMax = 0;
        for (int s = 0; s < steps; s++) {
            runner.step();
            double e = runner.conservedEnergy() - e0;
            sum += e;
            sum2 += e * e;
            extMax = Math.max(extMax, Math.abs(integrator.extendedEnergy(runner.globals())));
        }
        double mean = sum / steps, sd = Math.sqrt(sum2 / steps - mean * mean);
        assertTrue(extMax > 20 * sd, "the thermostat/barostat must exchange energy well above the error (" + extMax + " eV)");
        return sd;
    }

    /** Mean and its standard error from block averages. */
    static double[] blockMean(double[] x, int blocks) {
        int per = x.length / blocks;
        double[] m = new double[blocks];
        for (int b = 0; b < blocks; b++) {
            for (int i = 0; i < per; i++) m[b] += x[b * per + i];
            m[b] /= per;
        }
        return meanAndError(m);
    }

    /** Variance about the overall mean and its standard error from per-block mean squared deviations. */
    static double[] blockVariance(double[] x, int blocks) {
        double mu = 0;
        for (double v : x) mu += v;
        mu /= x.length;
        int per = x.length / blocks;
        double[] m = new double[blocks];
        for (int b = 0; b < blocks; b++) {
            for (int i = 0; i < per; i++) m[b] += (x[b * per + i] - mu) * (x[b * per + i] - mu);
            m[b] /= per;
        }
        return meanAndError(m);
    }

    private static double[] meanAndError(double[] m) {
        double mean = 0;
        for (double v : m) mean += v;
        mean /= m.length;
        double s2 = 0;
        for (double v : m) s2 += (v - mean) * (v - mean);
        return new double[] {mean, Math.sqrt(s2 / (m.length - 1) / m.length)};
    }
}
