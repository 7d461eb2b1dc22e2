package io.ionstream.engine.protocol;

import io.ionstream.engine.md.MdRunner;
import io.ionstream.engine.min.Minimizer;

/** A minimisation until its stopping rules end it (at most its maximum number of evaluations). */
public final class MinimizeStage implements Stage {
    private final String name;
    private final Minimizer minimizer;

    public MinimizeStage(String name, Minimizer minimizer) {
        if (minimizer == null) throw new IllegalArgumentException("stage '" + name + "' needs a minimiser");
        this.name = name;
        this.minimizer = minimizer;
    }

    public Minimizer minimizer() { return minimizer; }
    @Override public String name() { return name; }
    @Override public long plannedSteps() { return minimizer.settings().maxEvaluations(); }

    @Override
    public StageResult run(MdRunner runner, ProtocolListener listener, long thermoEvery) {
        long t0 = System.nanoTime();
        runner.setIntegrator(minimizer);
        runner.setup();
        ThermoSample last = ThermoSample.of(name, 0, 0, runner);
        listener.thermo(last);
        long s = 0;
        while (!minimizer.converged(runner.globals())) {
            runner.step();
            s++;
            if (s % thermoEvery == 0 || minimizer.converged(runner.globals())) {
                last = ThermoSample.of(name, s, 0, runner);
                listener.thermo(last);
            }
        }
        return new StageResult(name, s, (System.nanoTime() - t0) * 1e-9, last, minimizer.stopReason(runner.globals()));
    }
}
