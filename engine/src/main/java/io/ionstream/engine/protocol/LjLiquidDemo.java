package io.ionstream.engine.protocol;

import io.ionstream.engine.md.MdRunner;
import io.ionstream.engine.md.NoseHoover;
import io.ionstream.engine.md.Thermostat;
import io.ionstream.engine.md.VelocityVerlet;
import io.ionstream.engine.neighbor.NeighborSettings;
import io.ionstream.engine.system.AtomSystem;
import java.util.ArrayList;
import java.util.List;

/**
 * The self-contained engine demo: an argon-like Lennard-Jones liquid (fcc start at the reference
 * density, melted from Maxwell-Boltzmann velocities at twice the target temperature), Nosé-Hoover
 * NVT equilibration for 40 % of the steps, then NVE for the rest, reporting throughput, energy
 * drift and mean temperature and pressure. The simulation lives here so that the command line
 * and, later, a server job run the same thing.
 */
public final class LjLiquidDemo {

    /** Size ({@code cells}³ fcc cells, 4 atoms each), length, seed, time step (ps) and temperature (K). */
    public record Settings(int cells, long steps, long seed, double dt, double temperature, long thermoEvery) {
        public Settings {
            if (cells < 2) throw new IllegalArgumentException("the demo needs at least 2 fcc cells per direction, got " + cells);
            if (steps < 10) throw new IllegalArgumentException("the demo needs at least 10 steps, got " + steps);
            if (!(dt > 0) || !Double.isFinite(dt)) throw new IllegalArgumentException("time step must be positive, got " + dt + " ps");
            if (!(temperature > 0) || !Double.isFinite(temperature)) throw new IllegalArgumentException("temperature must be positive, got " + temperature + " K");
            if (thermoEvery < 1) throw new IllegalArgumentException("thermo interval must be >= 1 step, got " + thermoEvery);
        }

        /** 9³ cells (2916 atoms), 10 000 steps of 5 fs at 120 K. */
        public static Settings defaults() {
            return new Settings(9, 10_000, 1, 0.005, 120.0, 20);
        }

        public Settings withSteps(long s) { return new Settings(cells, s, seed, dt, temperature, thermoEvery); }
        public Settings withSeed(long s) { return new Settings(cells, steps, s, dt, temperature, thermoEvery); }
        public Settings withCells(int c) { return new Settings(c, steps, seed, dt, temperature, thermoEvery); }

        public long equilibrationSteps() { return Math.max(1, (long) (0.4 * steps)); }
        public long samplingSteps() { return steps - equilibrationSteps(); }
    }

    /**
     * What the demo measured: throughput (atom-steps per second of wall-clock time, setup
     * included), the NVE total-energy drift (least-squares slope, eV per atom per ps) and
     * fluctuation (eV per atom), and NVE means of temperature (K) and pressure (bar).
     */
    public record Result(int atoms, long steps, double seconds, double atomStepsPerSecond, double nvePicoseconds,
                         double driftPerAtomPerPs, double fluctuationPerAtom, double meanTemperature, double meanPressure,
                         double finalTotalEnergy, List<StageResult> stages) {}

    private LjLiquidDemo() {}

    public static AtomSystem system(Settings s) {
        return LjArgon.fcc(s.cells(), LjArgon.LIQUID_LATTICE);
    }

    public static Protocol protocol(Settings s) {
        return new Protocol("LJ liquid demo", List.of(
            new VelocityStage(2 * s.temperature(), s.seed()),
            new MdStage("nvt", NoseHoover.nvt(s.dt(), Thermostat.at(s.temperature(), 100 * s.dt())), s.equilibrationSteps()),
            new MdStage("nve", new VelocityVerlet(s.dt()), s.samplingSteps())));
    }

    /** Builds the system and runs the protocol, reporting to {@code listener}. */
    public static Result run(Settings s, ProtocolListener listener) {
        AtomSystem sys = system(s);
        Protocol p = protocol(s);
        MdRunner runner = new MdRunner(sys, LjArgon.forceField(LjArgon.CUTOFF), new VelocityVerlet(s.dt()),
            NeighborSettings.withSkin(1.0));
        List<ThermoSample> nve = new ArrayList<>();
        ProtocolListener collect = new ProtocolListener() {
            @Override public void thermo(ThermoSample t) {
                if (t.stage().equals("nve")) nve.add(t);
            }
        };
        long t0 = System.nanoTime();
        List<StageResult> stages = p.run(runner, collect.andThen(listener == null ? ProtocolListener.NONE : listener), s.thermoEvery());
        double seconds = (System.nanoTime() - t0) * 1e-9;
        int n = sys.size();
        double[] fit = fit(nve);
        double meanT = 0, meanP = 0;
        for (ThermoSample t : nve) {
            meanT += t.temperature();
            meanP += t.pressure();
        }
        meanT /= nve.size();
        meanP /= nve.size();
        ThermoSample last = nve.get(nve.size() - 1);
        return new Result(n, s.steps(), seconds, (double) n * s.steps() / seconds, last.time(), fit[0] / n, fit[1] / n,
            meanT, meanP, last.totalEnergy(), stages);
    }

    /** Slope (eV/ps) of the total energy against time and the standard deviation about that line (eV). */
    private static double[] fit(List<ThermoSample> samples) {
        int m = samples.size();
        if (m < 3) return new double[] {Double.NaN, Double.NaN};
        double mt = 0, me = 0;
        for (ThermoSample t : samples) {
            mt += t.time();
            me += t.totalEnergy();
        }
        mt /= m;
        me /= m;
        double stt = 0, ste = 0;
        for (ThermoSample t : samples) {
            stt += (t.time() - mt) * (t.time() - mt);
            ste += (t.time() - mt) * (t.totalEnergy() - me);
        }
        double slope = ste / stt;
        double ss = 0;
        for (ThermoSample t : samples) {
            double r = t.totalEnergy() - me - slope * (t.time() - mt);
            ss += r * r;
        }
        return new double[] {slope, Math.sqrt(ss / (m - 2))};
    }
}
