package io.ionstream.engine.protocol;

import io.ionstream.engine.md.MdRunner;
import java.util.ArrayList;
import java.util.List;

/**
 * A named sequence of {@link Stage}s run on one {@link MdRunner} (the plain-library way; the
 * actor layer drives the same stages). Build one from stages, or use {@link TemperatureRamp},
 * {@link AnnealQuench} or {@link EquilibrateThenSample}.
 */
public final class Protocol {
    private final String name;
    private final List<Stage> stages;

    public Protocol(String name, List<Stage> stages) {
        if (stages.isEmpty()) throw new IllegalArgumentException("protocol '" + name + "' has no stages");
        this.name = name;
        this.stages = List.copyOf(stages);
    }

    public String name() { return name; }
    public List<Stage> stages() { return stages; }

    /** Sum of the stages' planned steps (minimisations counted at their maximum). */
    public long plannedSteps() {
        long n = 0;
        for (Stage s : stages) n += s.plannedSteps();
        return n;
    }

    /** Runs every stage in order, sampling thermo every {@code thermoEvery} steps. */
    public List<StageResult> run(MdRunner runner, ProtocolListener listener, long thermoEvery) {
        if (thermoEvery < 1) throw new IllegalArgumentException("thermo interval must be >= 1 step, got " + thermoEvery);
        ProtocolListener l = listener == null ? ProtocolListener.NONE : listener;
        List<StageResult> results = new ArrayList<>();
        for (int i = 0; i < stages.size(); i++) {
            Stage s = stages.get(i);
            l.stageStarted(s, i, stages.size(), s.plannedSteps());
            StageResult r = s.run(runner, l, thermoEvery);
            l.stageFinished(s, r);
            results.add(r);
        }
        return results;
    }

    static long steps(String what, double picoseconds, double dt) {
        if (!(picoseconds >= 0) || !Double.isFinite(picoseconds)) {
            throw new IllegalArgumentException(what + " must be >= 0 ps, got " + picoseconds);
        }
        if (!(dt > 0) || !Double.isFinite(dt)) throw new IllegalArgumentException("time step must be positive, got " + dt + " ps");
        return Math.round(picoseconds / dt);
    }
}
