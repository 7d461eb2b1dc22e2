package io.ionstream.engine.md;

import io.ionstream.engine.system.AtomSystem;

/**
 * Velocity rescaling every N steps on top of another integrator (the seeds' "temperature
 * rescale every 100 steps"; LAMMPS {@code fix temp/rescale N T T window fraction}): at the end
 * of every N-th step, if the temperature differs from the target by more than {@code window} K,
 * all velocities are scaled so that it moves {@code fraction} of the way to the target (the
 * defaults, window 0 and fraction 1, hit the target exactly).
 *
 * <p>The decision is taken in {@link #reduce} from the reduced kinetic tensor, so it costs no
 * extra reduction. If the inner integrator is a {@link SplitReduction} (Nosé-Hoover), the
 * rescale happens between its end-of-step and start-of-step work, so its next decisions see the
 * rescaled kinetic energy; otherwise the inner {@code reduce} must not depend on the end-of-step
 * kinetic energy (true of {@link VelocityVerlet}), and the factor is applied after its
 * {@link #finishStep}.
 */
public final class RescaleEvery implements Integrator {
    private final Integrator inner;
    private final long every;
    private final double target, window, fraction;
    private final int counter, lambda;

    public RescaleEvery(Integrator inner, long every, double target) {
        this(inner, every, target, 0.0, 1.0);
    }

    public RescaleEvery(Integrator inner, long every, double target, double window, double fraction) {
        if (inner == null) throw new IllegalArgumentException("rescaling needs an integrator to decorate");
        if (every < 1) throw new IllegalArgumentException("rescale interval must be >= 1 step, got " + every);
        Check.positive("rescale target temperature", target, "K");
        Check.nonNegative("rescale window", window, "K");
        if (!(fraction > 0 && fraction <= 1)) throw new IllegalArgumentException("rescale fraction must be in (0, 1], got " + fraction);
        this.inner = inner;
        this.every = every;
        this.target = target;
        this.window = window;
        this.fraction = fraction;
        this.counter = inner.globalsLength();
        this.lambda = counter + 1;
    }

    public Integrator inner() { return inner; }

    @Override public String name() { return inner.name() + "+rescale/" + every; }
    @Override public double timestep() { return inner.timestep(); }
    @Override public int globalsLength() { return inner.globalsLength() + 2; }
    @Override public double extendedEnergy(double[] g) { return inner.extendedEnergy(g); }
    @Override public boolean converged(double[] g) { return inner.converged(g); }

    @Override
    public void setup(StepSums total, AtomSystem sys, double[] g) {
        inner.setup(total, sys, g);
        g[counter] = 0;
        g[lambda] = 1.0;
    }

    @Override
    public void beforeForces(AtomSystem local, double[] g) {
        inner.beforeForces(local, g);
    }

    @Override
    public void afterForces(AtomSystem local, double[] g, StepSums partial) {
        inner.afterForces(local, g, partial);
    }

    @Override
    public void reduce(StepSums total, double[] g) {
        g[lambda] = 1.0;
        g[counter] += 1;
        if (inner instanceof SplitReduction split) {
            split.reduceEndOfStep(total, g);
            double f = factor(total, g);
            if (f != 1.0) {
                scaleTensor(total, f);
                split.scaleEndOfStepVelocities(f, g);
            }
            split.reduceStartOfStep(total, g);
        } else {
            inner.reduce(total, g);
            double f = factor(total, g);
            if (f != 1.0) {
                scaleTensor(total, f);
                g[lambda] = f;
            }
        }
    }

    @Override
    public void finishStep(AtomSystem local, double[] g) {
        inner.finishStep(local, g);
        double f = g[lambda];
        NoseHoover.scaleVelocities(local, f, f, f);
    }

    /** The velocity factor for this step: 1 unless it is a rescale step and T is outside the window. */
    private double factor(StepSums total, double[] g) {
        if ((long) g[counter] % every != 0) return 1.0;
        double t = Thermo.temperature(total);
        if (!(t > 0) || Math.abs(t - target) <= window) return 1.0;
        double goal = t - fraction * (t - target);
        return Math.sqrt(goal / t);
    }

    private static void scaleTensor(StepSums total, double f) {
        for (int k = 0; k < 6; k++) total.mvv[k] *= f * f;
    }
}
