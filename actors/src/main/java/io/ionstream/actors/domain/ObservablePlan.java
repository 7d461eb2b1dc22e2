package io.ionstream.actors.domain;

import io.ionstream.engine.analysis.live.ObservableSet;
import java.util.List;
import java.util.function.Supplier;

/**
 * Live observables of a decomposed run: a {@link ObservableSource} of sampling groups (fresh
 * {@link ObservableSet}s for every subdomain and for the coordinator) and the {@link Cadence}
 * that says which groups are sampled at the end of which step. Each subdomain adds its share at
 * the end of a sampled step; the partial vector rides in its next report (the {@code extra} of
 * its step sums) and the coordinator turns the sum into values. Jobs on several nodes need a
 * source that is also {@link Portable}.
 */
public record ObservablePlan(ObservableSource groups, Cadence cadence) {
    /** Which groups are sampled at the end of a step. */
    @FunctionalInterface
    public interface Cadence {
        /**
         * Bit g set: group g is sampled at the end of global step {@code step}; {@code last}: it is the
         * run's last planned step.
         */
        long groupsDue(long step, boolean last);
    }

    public ObservablePlan {
        if (groups == null) throw new IllegalArgumentException("observables need a source");
        if (cadence == null) throw new IllegalArgumentException("observables need a cadence");
    }

    /** One group of observables sampled every {@code every} steps, at step 0 and at the last step. */
    public ObservablePlan(Supplier<ObservableSet> factory, int every) {
        this(single(factory), everySteps(every));
    }

    private static ObservableSource single(Supplier<ObservableSet> factory) {
        if (factory == null) throw new IllegalArgumentException("observables need a factory");
        return () -> List.of(factory.get());
    }

    private static Cadence everySteps(int every) {
        if (every < 1) throw new IllegalArgumentException("observable interval must be >= 1, got " + every);
        return (step, last) -> step % every == 0 || last ? 1L : 0L;
    }
}
