package io.ionstream.engine.protocol;

import io.ionstream.engine.md.Integrator;
import io.ionstream.engine.md.MdRunner;

/** A fixed number of steps with one integrator (NVE, NVT, NPT, a ramp ...), set up from the current state. */
public final class MdStage implements Stage {
    private final String name;
    private final Integrator integrator;
    private final long steps;

    public MdStage(String name, Integrator integrator, long steps) {
        if (integrator == null) throw new IllegalArgumentException("stage '" + name + "' needs an integrator");
        if (steps < 0) throw new IllegalArgumentException("stage '" + name + "': steps must be >= 0, got " + steps);
        this.name = name;
        this.integrator = integrator;
        this.steps = steps;
    }

    public Integrator integrator() { return integrator; }
    @Override public String name() { return name; }
    @Override public long plannedSteps() { return steps; }

    @Override
    public StageResult run(MdRunner runner, ProtocolListener listener, long thermoEvery) {
        long t0 = System.nanoTime();
        runner.setIntegrator(integrator);
        runner.setup();
        double time = 0;
        double dt = integrator.timestep();
        ThermoSample last = ThermoSample.of(name, 0, 0, runner);
        listener.thermo(last);
        for (long s = 1; s <= steps; s++) {
            runner.step();
            time += dt;
            if (s % thermoEvery == 0 || s == steps) {
                last = ThermoSample.of(name, s, time, runner);
                listener.thermo(last);
            }
        }
        return new StageResult(name, steps, (System.nanoTime() - t0) * 1e-9, last, null);
    }
}
