package io.ionstream.engine.md;

import io.ionstream.engine.neighbor.NeighborSettings;
import io.ionstream.engine.potential.ForceEngine;
import io.ionstream.engine.potential.ForceField;
import io.ionstream.engine.system.AtomSystem;

/**
 * Runs an {@link Integrator} on a whole system in this thread: the plain-library way to do MD
 * (no actors). The phases are exactly those the subdomain actors run. The system is validated
 * for the force field on construction ({@link io.ionstream.engine.potential.SystemValidator}).
 */
public final class MdRunner {
    private final AtomSystem sys;
    private final ForceEngine forces;
    private Integrator integrator;
    private double[] globals;
    private final StepSums sums = new StepSums();
    private long step;
    private boolean ready;

    public MdRunner(AtomSystem sys, ForceField field, Integrator integrator, NeighborSettings settings) {
        this.sys = sys;
        this.forces = new ForceEngine(sys, field, settings);
        this.integrator = integrator;
        this.globals = new double[integrator.globalsLength()];
    }

    public AtomSystem system() { return sys; }
    public ForceEngine forces() { return forces; }
    public Integrator integrator() { return integrator; }
    public long currentStep() { return step; }
    public double time() { return step * integrator.timestep(); }
    /** Sums describing the end of the last step (or the setup). */
    public StepSums sums() { return sums; }
    public double[] globals() { return globals; }

    /** Replaces the integrator (protocol stages); the next step sets it up from the current state. */
    public void setIntegrator(Integrator next) {
        this.integrator = next;
        this.globals = new double[next.globalsLength()];
        this.ready = false;
    }

    /** Evaluates forces and initialises the integrator; called by the first {@link #step()} if needed. */
    public void setup() {
        forces.compute();
        collect();
        sums.addKinetic(sys.v(), sys.type(), sys.massByType(), sys.size());
        integrator.setup(sums, sys, globals);
        ready = true;
    }

    public void step() {
        if (!ready) setup();
        integrator.beforeForces(sys, globals);
        forces.compute();
        collect();
        integrator.afterForces(sys, globals, sums);
        integrator.reduce(sums, globals);
        integrator.finishStep(sys, globals);
        step++;
    }

    public void run(long steps) {
        for (long s = 0; s < steps; s++) step();
    }

    /**
     * Steps until the integrator reports {@link Integrator#converged} (minimisers) or
     * {@code maxSteps} steps were taken; returns the number of steps taken.
     */
    public long runUntilConverged(long maxSteps) {
        if (!ready) setup();
        long s = 0;
        while (s < maxSteps && !integrator.converged(globals)) {
            step();
            s++;
        }
        return s;
    }

    private void collect() {
        sums.clear();
        sums.potentialEnergy = forces.energy();
        System.arraycopy(forces.virial(), 0, sums.virial, 0, 6);
    }

    public double potentialEnergy() { return sums.potentialEnergy; }
    public double kineticEnergy() { return sums.kineticEnergy(); }
    public double totalEnergy() { return sums.potentialEnergy + sums.kineticEnergy(); }
    public double temperature() { return Thermo.temperature(sums); }
    public double pressure() { return Thermo.pressure(sums, sys.box().volume()); }
    /** Total energy plus the extended-system energy: what the integrator conserves. */
    public double conservedEnergy() { return totalEnergy() + integrator.extendedEnergy(globals); }
}
