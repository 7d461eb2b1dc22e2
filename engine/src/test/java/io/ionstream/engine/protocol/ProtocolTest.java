package io.ionstream.engine.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ionstream.engine.md.Barostat;
import io.ionstream.engine.md.MdRunner;
import io.ionstream.engine.md.Thermo;
import io.ionstream.engine.md.VelocityVerlet;
import io.ionstream.engine.min.MinimizeSettings;
import io.ionstream.engine.min.StopReason;
import io.ionstream.engine.neighbor.NeighborSettings;
import io.ionstream.engine.system.AtomSystem;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The protocol building blocks on a 108-atom argon system. */
class ProtocolTest {

    static MdRunner runner(AtomSystem sys) {
        return new MdRunner(sys, LjArgon.forceField(LjArgon.CUTOFF), new VelocityVerlet(0.005), NeighborSettings.withSkin(1.0));
    }

    /** Records everything a listener sees. */
    static final class Recorder implements ProtocolListener {
        final List<String> events = new ArrayList<>();
        final List<ThermoSample> samples = new ArrayList<>();

        @Override public void stageStarted(Stage s, int i, int n, long planned) { events.add("start " + s.name()); }
        @Override public void thermo(ThermoSample t) { samples.add(t); }
        @Override public void stageFinished(Stage s, StageResult r) { events.add("end " + s.name()); }

        List<ThermoSample> of(String stage) {
            return samples.stream().filter(t -> t.stage().equals(stage)).toList();
        }
    }

    static double[] sortedPositions(AtomSystem s) {
        double[] out = new double[3 * s.size()];
        for (int i = 0; i < s.size(); i++) s.unwrapped(i, out, 3 * (int) (s.id()[i] - 1));
        return out;
    }

    @Test
    void theSameSeedGivesTheSameTrajectory() {
        double[][] end = new double[3][];
        for (int run = 0; run < 3; run++) {
            AtomSystem sys = LjArgon.fcc(3, LjArgon.LIQUID_LATTICE);
            Protocol p = new EquilibrateThenSample(120, Barostat.iso(100, 100, 1.0), 1.0, 1.0, 0.005, 0.5, 240, run == 2 ? 8 : 7).protocol();
            Recorder rec = new Recorder();
            p.run(runner(sys), rec, 10);
            end[run] = sortedPositions(sys);
            assertEquals(List.of("start velocities", "end velocities", "start npt", "end npt", "start nve", "end nve"), rec.events);
            assertEquals(1 + 1 + 20 + 1 + 20, rec.samples.size(), "a sample at each stage start and every 10 steps");
        }
        assertArrayEquals(end[0], end[1], "same seed, bit for bit");
        assertFalse(Arrays.equals(end[0], end[2]), "another seed, another trajectory");
    }

    /** NVT ramp 60 K → 180 K over 6 ps: the temperature follows the moving target. */
    @Test
    void temperatureRampFollowsTheTarget() {
        AtomSystem sys = LjArgon.fcc(3, LjArgon.LIQUID_LATTICE);
        TemperatureRamp ramp = new TemperatureRamp(60, 180, 6.0, 0.005, 0.1, null, 3);
        Recorder rec = new Recorder();
        ramp.protocol().run(runner(sys), rec, 10);
        List<ThermoSample> s = rec.of("ramp");
        // compare the mean temperature with the mean target in each fifth of the ramp
        int per = s.size() / 5;
        for (int q = 0; q < 5; q++) {
            double t = 0, target = 0;
            for (int i = q * per; i < (q + 1) * per; i++) {
                t += s.get(i).temperature();
                target += 60 + 120 * s.get(i).time() / 6.0;
            }
            t /= per;
            target /= per;
            assertEquals(target, t, 0.12 * target, "fifth " + (q + 1) + " of the ramp");
        }
    }

    /**
     * a+q with z coupling on a slab-like cell: anneal, cool to 1 K, minimise with Lz relaxed to
     * Pzz = 0. Lx and Ly never change, the cooling ends cold, the minimisation converges.
     */
    @Test
    void annealAndQuenchWithZOnlyCell() {
        AtomSystem sys = LjArgon.fcc(3, 3, 4, LjArgon.LIQUID_LATTICE);
        double lx = sys.box().lx(), ly = sys.box().ly();
        AnnealQuench aq = new AnnealQuench(100, 1.0, 2.0, 0.0, Barostat.Coupling.Z, 0.005, 0.1, 0.5,
            MinimizeSettings.of(0, 1e-6, 5000, 20000), true, 11);
        Recorder rec = new Recorder();
        MdRunner runner = runner(sys);
        List<StageResult> results = aq.protocol().run(runner, rec, 20);
        assertEquals(List.of("velocities", "anneal", "cool", "minimise"), results.stream().map(StageResult::stage).toList());
        for (ThermoSample t : rec.samples) {
            assertEquals(lx, t.lx(), 0.0, "Lx in stage " + t.stage());
            assertEquals(ly, t.ly(), 0.0, "Ly in stage " + t.stage());
        }
        List<ThermoSample> cool = rec.of("cool");
        double tEnd = cool.get(cool.size() - 1).temperature();
        assertTrue(tEnd < 10, "cooled to near 1 K, T = " + tEnd);
        StageResult min = results.get(3);
        assertEquals(StopReason.FORCE, min.stop(), "minimisation stops on the force tolerance");
        double pzz = Thermo.pressureComponent(runner.sums(), sys.box().volume(), 2);
        assertEquals(0.0, pzz, 0.5, "Pzz relaxed to 0 bar");
        assertTrue(min.last().potentialEnergy() < cool.get(cool.size() - 1).potentialEnergy(), "minimisation lowers the energy");
    }

    @Test
    void rejectsBadParameters() {
        assertThrows(IllegalArgumentException.class, () -> new TemperatureRamp(60, 180, -1, 0.005, 0.1, null, 3));
        assertThrows(IllegalArgumentException.class, () -> new TemperatureRamp(60, 180, 1, 0, 0.1, null, 3));
        assertThrows(IllegalArgumentException.class, () -> new TemperatureRamp(60, 180, 1, 0.001, -0.1, null, 3));
        assertThrows(IllegalArgumentException.class, () -> EquilibrateThenSample.of(Double.NaN, null, 1, 1, 0.001, 0.1, 1));
        assertThrows(IllegalArgumentException.class, () -> new AnnealQuench(300, 1, 1, 0, null, 0.001, 0.1, 1,
            MinimizeSettings.of(0, 1e-6, 10, 10), false, 1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> new AnnealQuench(300, 1, 1, 0, Barostat.Coupling.ISO, 0.001, 0.1, 0, MinimizeSettings.of(0, 1e-6, 10, 10), false, 1));
        assertTrue(e.getMessage().contains("Pdamp"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Protocol("empty", List.of()));
    }
}
