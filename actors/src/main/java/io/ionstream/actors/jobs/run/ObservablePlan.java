package io.ionstream.actors.jobs.run;

import io.ionstream.proto.v1.ObservableSchema;
import java.util.ArrayList;
import java.util.List;

/**
 * The observables of a job with their cadence: each is sampled at global steps that are
 * multiples of {@code every}, optionally only during the stage named {@code stage}.
 */
public record ObservablePlan(List<Entry> entries) {
    /** One observable, its interval in steps and the stage it is restricted to (null: every stage). */
    public record Entry(LiveObservable observable, int every, String stage) {
        public Entry {
            if (every < 1) throw new IllegalArgumentException("observable '" + observable.name() + "': interval must be >= 1 step, got " + every);
        }

        public boolean due(long step, String stageName) {
            return step % every == 0 && (stage == null || stage.equals(stageName));
        }
    }

    public ObservablePlan {
        entries = List.copyOf(entries);
        List<String> names = new ArrayList<>();
        for (Entry e : entries) {
            if (names.contains(e.observable().name())) throw new IllegalArgumentException("observable '" + e.observable().name() + "' is requested twice");
            names.add(e.observable().name());
        }
    }

    public List<ObservableSchema> schemas() {
        List<ObservableSchema> s = new ArrayList<>();
        for (Entry e : entries) {
            s.add(ObservableSchema.newBuilder().setName(e.observable().name()).addAllValueNames(List.of(e.observable().valueNames()))
                .setEvery(e.every()).setStage(e.stage() == null ? "" : e.stage()).build());
        }
        return s;
    }

    /** True when some observable is due at this step of this stage. */
    public boolean anyDue(long step, String stage) {
        for (Entry e : entries) if (e.due(step, stage)) return true;
        return false;
    }
}
