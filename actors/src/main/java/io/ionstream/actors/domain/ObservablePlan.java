package io.ionstream.actors.domain;

import io.ionstream.engine.analysis.live.ObservableSet;
import java.util.function.Supplier;

/**
 * Live observables of a decomposed run: a fresh {@link ObservableSet} for every subdomain and for
 * the coordinator (observables keep scratch state), sampled every {@code every} steps (and at
 * step 0 and the last step). Each subdomain adds its share at the end of a sampled step; the
 * partial vector rides in its next report (the {@code extra} of its step sums) and the
 * coordinator turns the sum into values. In-process jobs only: the factory does not travel
 * between nodes.
 */
public record ObservablePlan(Supplier<ObservableSet> factory, int every) {
    public ObservablePlan {
        if (factory == null) throw new IllegalArgumentException("observables need a factory");
        if (every < 1) throw new IllegalArgumentException("observable interval must be >= 1, got " + every);
    }
}
