package io.ionstream.actors.domain;

import io.ionstream.engine.analysis.live.ObservableSet;

/**
 * The values of a run's live observables at the end of one step: {@code values[k]} belongs to
 * the k-th observable of {@code set}, in the order of its {@code valueNames()}.
 */
public record ObservableSample(long step, double time, ObservableSet set, double[][] values) {
    /** One value by observable name and value name, e.g. {@code value("msd", "msd_Li")}. */
    public double value(String observable, String name) {
        int k = set.indexOf(observable);
        if (k < 0) throw new IllegalArgumentException("no observable '" + observable + "'");
        String[] names = set.observables().get(k).valueNames();
        for (int i = 0; i < names.length; i++) if (names[i].equals(name)) return values[k][i];
        throw new IllegalArgumentException("observable '" + observable + "' has no value '" + name + "' ("
            + String.join(", ", names) + ")");
    }
}
