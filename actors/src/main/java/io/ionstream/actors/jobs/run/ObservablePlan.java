package io.ionstream.actors.jobs.run;

import io.ionstream.engine.analysis.live.Observable;
import io.ionstream.proto.v1.ObservableSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The observables of a job ({@code engine.analysis.live}) with their cadence: each is sampled at
 * global steps that are multiples of {@code every}, optionally only during the stage named
 * {@code stage}. Observables with per-atom state (MSD origins …) form one group that shares its
 * interval and stage; its state is set at its first sample and travels with the atoms, through
 * checkpoints too.
 */
public record ObservablePlan(List<Entry> entries) {
    /** One observable (made fresh for each run segment), its interval in steps and its stage (null: every stage). */
    public record Entry(String name, Supplier<Observable> factory, int every, String stage) {
        public Entry {
            if (every < 1) throw new IllegalArgumentException("observable '" + name + "': interval must be >= 1 step, got " + every);
        }

        public boolean due(long step, String stageName) {
            return step % every == 0 && (stage == null || stage.equals(stageName));
        }

        public boolean stateful() {
            return factory.get().stateWidth() > 0;
        }
    }

    public ObservablePlan {
        entries = List.copyOf(entries);
        List<String> names = new ArrayList<>();
        Entry firstStateful = null;
        for (Entry e : entries) {
            if (names.contains(e.name())) throw new IllegalArgumentException("observable '" + e.name() + "' is requested twice");
            names.add(e.name());
            if (!e.stateful()) continue;
            if (firstStateful == null) {
                firstStateful = e;
            } else if (firstStateful.every() != e.every() || !Objects.equals(firstStateful.stage(), e.stage())) {
                throw new IllegalArgumentException("observables with per-atom state (" + firstStateful.name() + ", " + e.name()
                    + ") must share their interval and stage");
            }
        }
    }

    public List<ObservableSchema> schemas() {
        List<ObservableSchema> s = new ArrayList<>();
        for (Entry e : entries) {
            s.add(ObservableSchema.newBuilder().setName(e.name()).addAllValueNames(List.of(e.factory().get().valueNames()))
                .setEvery(e.every()).setStage(e.stage() == null ? "" : e.stage()).build());
        }
        return s;
    }
}
