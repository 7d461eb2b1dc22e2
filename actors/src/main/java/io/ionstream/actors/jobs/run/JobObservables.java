package io.ionstream.actors.jobs.run;

import io.ionstream.engine.analysis.live.GlobalFrame;
import io.ionstream.engine.analysis.live.Observable;
import io.ionstream.engine.analysis.live.ObservableSampler;
import io.ionstream.engine.analysis.live.ObservableSet;
import io.ionstream.engine.md.MdRunner;
import io.ionstream.proto.v1.ObservableValues;
import io.ionstream.proto.v1.Sample;
import java.util.ArrayList;
import java.util.List;

/**
 * The observables of one run segment on one system: a sampler per stateless observable (each at
 * its own interval) and one sampler for the stateful group, which resumes the per-atom state the
 * system carries when the job's snapshot says it was initialised.
 */
final class JobObservables {
    private record Group(List<ObservablePlan.Entry> entries, ObservableSampler sampler, boolean stateful) {}

    private final List<Group> groups = new ArrayList<>();
    private boolean stateInitialised;

    JobObservables(ObservablePlan plan, MdRunner runner, boolean stateInitialised) {
        this.stateInitialised = stateInitialised;
        List<ObservablePlan.Entry> stateful = new ArrayList<>();
        for (ObservablePlan.Entry e : plan.entries()) {
            if (e.stateful()) stateful.add(e);
            else groups.add(new Group(List.of(e), new ObservableSampler(ObservableSet.of(e.factory().get())), false));
        }
        if (!stateful.isEmpty()) {
            List<Observable> obs = stateful.stream().map(e -> e.factory().get()).toList();
            ObservableSampler s = new ObservableSampler(new ObservableSet(obs));
            if (stateInitialised) s.resume(runner.system());
            groups.add(new Group(stateful, s, true));
        }
    }

    boolean stateInitialised() { return stateInitialised; }

    /** Appends the observables due at this step to {@code sample}; false when none was due. */
    boolean sample(MdRunner r, long step, double time, String stage, Sample.Builder sample) {
        boolean any = false;
        GlobalFrame frame = null;
        for (Group g : groups) {
            if (!g.entries().get(0).due(step, stage)) continue;
            if (frame == null) frame = new GlobalFrame(step, time, r.system().box(), r.integrator().extendedEnergy(r.globals()));
            if (g.stateful() && !stateInitialised) {
                g.sampler().initialise(r.system());
                stateInitialised = true;
            }
            double[][] values = g.sampler().sample(r.system(), r.potentialEnergy(), r.sums().virial, r.forces().perAtomEnergy(), frame);
            for (int k = 0; k < g.entries().size(); k++) {
                ObservablePlan.Entry e = g.entries().get(k);
                ObservableValues.Builder ov = ObservableValues.newBuilder().setName(e.name());
                double[] v = values[k];
                for (int i = 0; i < v.length; i++) {
                    if (!Double.isFinite(v[i])) {
                        throw new IllegalStateException("the simulation became unstable at step " + step + ": " + e.name() + " value "
                            + i + " is " + v[i]);
                    }
                    ov.addValues(v[i]);
                }
                sample.addObservables(ov);
            }
            any = true;
        }
        return any;
    }
}
