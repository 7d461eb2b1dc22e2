package io.ionstream.actors.domain;

import io.ionstream.engine.analysis.live.ObservableSet;
import java.util.List;

/**
 * The values of a run's live observables at the end of one step, for every group sampled then
 * (in group order): in a group, {@code values[k]} belongs to the k-th observable of its set, in
 * the order of its {@code valueNames()}.
 */
public record ObservableSample(long step, double time, List<Group> groups) {
    /** One sampled group: its index in the plan, its set and its values. */
    public record Group(int index, ObservableSet set, double[][] values) {}

    public ObservableSample {
        groups = List.copyOf(groups);
    }

    /** The set of the first sampled group (the only one in a single-group plan). */
    public ObservableSet set() {
        return groups.get(0).set();
    }

    /** The values of the first sampled group. */
    public double[][] values() {
        return groups.get(0).values();
    }

    /** One value by observable name and value name, e.g. {@code value("msd", "msd_Li")}. */
    public double value(String observable, String name) {
        for (Group g : groups) {
            int k = g.set().indexOf(observable);
            if (k < 0) continue;
            String[] names = g.set().observables().get(k).valueNames();
            for (int i = 0; i < names.length; i++) if (names[i].equals(name)) return g.values()[k][i];
            throw new IllegalArgumentException("observable '" + observable + "' has no value '" + name + "' ("
                + String.join(", ", names) + ")");
        }
        throw new IllegalArgumentException("no observable '" + observable + "' sampled at step " + step);
    }
}
