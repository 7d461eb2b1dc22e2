package io.ionstream.actors.jobs.run;

import java.util.ArrayList;
import java.util.List;

/**
 * How a job's observables are sampled together: every observable without per-atom state alone
 * (each has its own interval and stage), then the observables with per-atom state as one group
 * (they share their interval and stage, and their state array). The serial runner and the actor
 * layer group them the same way, so a sample lists its observables in the same order on both.
 */
public final class ObservableGrouping {
    private ObservableGrouping() {}

    /** The groups of {@code plan}, each a list of entries sharing one interval and stage. */
    public static List<List<ObservablePlan.Entry>> groups(ObservablePlan plan) {
        List<List<ObservablePlan.Entry>> groups = new ArrayList<>();
        List<ObservablePlan.Entry> stateful = new ArrayList<>();
        for (ObservablePlan.Entry e : plan.entries()) {
            if (e.stateful()) stateful.add(e);
            else groups.add(List.of(e));
        }
        if (!stateful.isEmpty()) groups.add(List.copyOf(stateful));
        return groups;
    }
}
