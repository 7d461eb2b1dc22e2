package io.ionstream.engine.md;

import io.ionstream.engine.system.AtomSystem;
import io.ionstream.engine.units.MetalUnits;

/** Velocity Verlet in the microcanonical ensemble (LAMMPS {@code fix nve}). */
public final class VelocityVerlet implements Integrator {
    private final double dt;

    public VelocityVerlet(double dt) {
        if (!(dt > 0) || !Double.isFinite(dt)) throw new IllegalArgumentException("time step must be positive, got " + dt + " ps");
        this.dt = dt;
    }

    @Override public String name() { return "nve"; }
    @Override public double timestep() { return dt; }
    @Override public int globalsLength() { return 0; }
    @Override public void setup(StepSums total, AtomSystem sys, double[] globals) {}

    @Override
    public void beforeForces(AtomSystem local, double[] globals) {
        kick(local, 0.5 * dt);
        drift(local, dt);
    }

    @Override
    public void afterForces(AtomSystem local, double[] globals, StepSums partial) {
        kick(local, 0.5 * dt);
        partial.addKinetic(local.v(), local.type(), local.massByType(), local.size());
    }

    @Override public void reduce(StepSums total, double[] globals) {}
    @Override public void finishStep(AtomSystem local, double[] globals) {}

    /** v += h · f / m (metal units). */
    public static void kick(AtomSystem s, double h) {
        double[] v = s.v(), f = s.f(), mt = s.massByType();
        int[] type = s.type();
        double c = h * MetalUnits.FTM2V;
        for (int i = 0, n = s.size(), k = 0; i < n; i++, k += 3) {
            double dtfm = c / mt[type[i]];
            v[k] += dtfm * f[k];
            v[k + 1] += dtfm * f[k + 1];
            v[k + 2] += dtfm * f[k + 2];
        }
    }

    /** x += h · v. */
    public static void drift(AtomSystem s, double h) {
        double[] x = s.x(), v = s.v();
        for (int k = 0, n3 = 3 * s.size(); k < n3; k++) x[k] += h * v[k];
    }
}
