package io.ionstream.engine.learn.active;

import io.ionstream.engine.md.Barostat;
import io.ionstream.engine.md.MdRunner;
import io.ionstream.engine.md.NoseHoover;
import io.ionstream.engine.md.Thermostat;
import io.ionstream.engine.md.Velocities;
import io.ionstream.engine.neighbor.NeighborSettings;
import io.ionstream.engine.potential.ForceField;
import io.ionstream.engine.potential.mtp.MtpPotential;
import io.ionstream.engine.system.AtomSystem;
import io.ionstream.engine.units.MetalUnits;
import java.util.ArrayList;
import java.util.List;

/**
 * MD that watches its own extrapolation (the sampling step of active learning): every
 * {@code gradeEvery} steps the potential grades every atom (MaxVol, {@link MtpPotential#requestGrades});
 * a snapshot whose largest grade exceeds {@code select} is kept with its grades, and the run
 * stops at the first grade above {@code stop} (the potential is then too far outside its
 * training data for the trajectory to mean anything) or when it fails outright (atoms on top of
 * each other, non-finite numbers).
 */
public final class GradedMd {
    /** What the run ends with: the kept snapshots, steps done and why it ended. */
    public record Outcome(List<Sample> samples, long steps, double maxGrade, String end) {}

    /** One kept snapshot: a copy of the system and the grade of each of its atoms. */
    public record Sample(AtomSystem system, double[] grades, double maxGrade, long step) {
        public int worstAtom() {
            int w = 0;
            for (int i = 1; i < grades.length; i++) if (grades[i] > grades[w]) w = i;
            return w;
        }
    }

    /**
     * MD settings: temperature (K), pressure (bar; NaN = NVT), steps, time step (fs), grading interval,
     * thresholds, snapshots kept at most, seed, and {@code keepEvery} &gt; 0 to keep every that many
     * steps a snapshot whatever its grade (for validation sets; 0: by grade only).
     */
    public record Settings(double temperature, double pressure, long steps, double timestepFs, int gradeEvery, double select,
                           double stop, int maxSamples, long seed, long keepEvery) {
        public Settings {
            if (!(temperature > 0)) throw new IllegalArgumentException("temperature must be positive");
            if (gradeEvery < 1) throw new IllegalArgumentException("grade interval must be at least 1");
            if (!(stop >= select && select >= 1)) {
                throw new IllegalArgumentException("need 1 <= select (" + select + ") <= break (" + stop + ") thresholds");
            }
        }
    }

    private GradedMd() {}

    /** Runs MD on a copy of {@code start} with {@code potential} (which must carry an active set). */
    public static Outcome run(AtomSystem start, MtpPotential potential, Settings s) {
        if (potential.activeSet() == null) throw new IllegalArgumentException("graded MD needs a potential with an active set");
        AtomSystem sys = start.copy();
        Velocities.maxwellBoltzmann(sys, s.temperature(), s.seed());
        double dt = s.timestepFs() * MetalUnits.FEMTOSECOND;
        Thermostat t = Thermostat.at(s.temperature(), 100 * dt);
        NoseHoover integrator = Double.isNaN(s.pressure()) ? NoseHoover.nvt(dt, t)
            : NoseHoover.npt(dt, t, Barostat.iso(s.pressure(), s.pressure(), 1000 * dt));
        List<Sample> samples = new ArrayList<>();
        double max = 0;
        long step = 0;
        String end = "completed " + s.steps() + " steps";
        try {
            MdRunner md = new MdRunner(sys, ForceField.of(potential), integrator, NeighborSettings.withSkin(1.0));
            for (step = 0; step < s.steps(); step++) {
                boolean grade = step % s.gradeEvery() == 0;
                if (grade) potential.requestGrades();
                md.step();
                if (!Double.isFinite(md.potentialEnergy())) {
                    end = "energy became non-finite at step " + step;
                    break;
                }
                if (!grade) continue;
                double g = potential.configurationGrade();
                max = Math.max(max, g);
                boolean keep = g > s.select() || (s.keepEvery() > 0 && step > 0 && step % s.keepEvery() == 0);
                if (keep && samples.size() < s.maxSamples()) {
                    samples.add(new Sample(sys.copy(), java.util.Arrays.copyOf(potential.neighborhoodGrades(), sys.size()), g, step));
                }
                if (g > s.stop()) {
                    end = String.format(java.util.Locale.ROOT, "grade %.3g above the break threshold %.3g at step %d", g, s.stop(), step);
                    break;
                }
            }
        } catch (IllegalStateException | IllegalArgumentException e) {
            end = "MD failed at step " + step + ": " + e.getMessage();
        }
        return new Outcome(samples, step, max, end);
    }
}
