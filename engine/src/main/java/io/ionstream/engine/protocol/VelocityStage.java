package io.ionstream.engine.protocol;

import io.ionstream.engine.md.MdRunner;
import io.ionstream.engine.md.Velocities;

/**
 * Draws Maxwell-Boltzmann velocities at a temperature from a seed (zero total momentum, exactly
 * that temperature): the random part of a protocol, so the same seed gives the same trajectory.
 */
public final class VelocityStage implements Stage {
    private final double temperature;
    private final long seed;

    public VelocityStage(double temperature, long seed) {
        if (!(temperature >= 0) || !Double.isFinite(temperature)) {
            throw new IllegalArgumentException("initial temperature must be >= 0 K, got " + temperature);
        }
        this.temperature = temperature;
        this.seed = seed;
    }

    public double temperature() { return temperature; }
    public long seed() { return seed; }
    @Override public String name() { return "velocities"; }
    @Override public long plannedSteps() { return 0; }

    @Override
    public StageResult run(MdRunner runner, ProtocolListener listener, long thermoEvery) {
        Velocities.maxwellBoltzmann(runner.system(), temperature, seed);
        // the integrator must start again from these velocities
        runner.setIntegrator(runner.integrator());
        runner.setup();
        ThermoSample s = ThermoSample.of(name(), 0, 0, runner);
        listener.thermo(s);
        return new StageResult(name(), 0, 0, s, null);
    }
}
