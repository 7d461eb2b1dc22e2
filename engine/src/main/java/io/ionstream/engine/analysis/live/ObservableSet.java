package io.ionstream.engine.analysis.live;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Several observables laid out in one partial-sum vector and one per-atom state row, so a
 * subdomain sends a single array per sample (it can ride in {@code StepSums.extra}).
 */
public final class ObservableSet {
    /**
     * Name of the {@code AtomSystem} extra per-atom array that holds the observables' per-atom
     * state ({@link #stateWidth()} doubles per atom), so that it migrates with the atoms.
     */
    public static final String STATE_ARRAY = "observable-state";

    private final List<Observable> observables;
    private final int[] partialOffset;
    private final int[] stateColumn;
    private final int partialLength;
    private final int stateWidth;
    private final double[][] values;

    public ObservableSet(List<Observable> observables) {
        this.observables = List.copyOf(observables);
        int n = observables.size();
        partialOffset = new int[n];
        stateColumn = new int[n];
        values = new double[n][];
        int p = 0, s = 0;
        List<String> names = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            Observable o = observables.get(k);
            if (names.contains(o.name())) throw new IllegalArgumentException("two observables are named '" + o.name() + "'");
            names.add(o.name());
            partialOffset[k] = p;
            stateColumn[k] = s;
            p += o.partialLength();
            s += o.stateWidth();
            values[k] = new double[o.valueNames().length];
        }
        partialLength = p;
        stateWidth = s;
    }

    public static ObservableSet of(Observable... observables) {
        return new ObservableSet(Arrays.asList(observables));
    }

    public List<Observable> observables() { return observables; }
    public int partialLength() { return partialLength; }
    public int stateWidth() { return stateWidth; }

    /** The largest neighbour radius any member needs (the halo the platform must provide). */
    public double neighborRadius() {
        double r = 0;
        for (Observable o : observables) r = Math.max(r, o.neighborRadius());
        return r;
    }

    /** Points the view's state at {@code sys}'s per-atom state array (registered on first use). */
    public void bindState(io.ionstream.engine.system.AtomSystem sys, LocalAtoms atoms) {
        atoms.stateStride = stateWidth;
        atoms.state = stateWidth > 0 ? sys.perAtom(STATE_ARRAY, stateWidth) : null;
    }

    public void initState(LocalAtoms atoms) {
        check(atoms);
        for (int k = 0; k < observables.size(); k++) observables.get(k).initState(atoms, stateColumn[k]);
    }

    /** Adds this subdomain's contributions into {@code partial} (length {@link #partialLength()}). */
    public void accumulate(LocalAtoms atoms, double[] partial) {
        check(atoms);
        if (partial.length < partialLength) throw new IllegalArgumentException("partial vector too short");
        for (int k = 0; k < observables.size(); k++) {
            observables.get(k).accumulate(atoms, stateColumn[k], partial, partialOffset[k]);
        }
    }

    /** Values of every observable from the summed partials; the arrays are reused by the next call. */
    public double[][] finish(double[] total, GlobalFrame frame) {
        for (int k = 0; k < observables.size(); k++) {
            observables.get(k).finish(total, partialOffset[k], frame, values[k]);
        }
        return values;
    }

    /** Index of the observable with this name, or −1. */
    public int indexOf(String name) {
        for (int k = 0; k < observables.size(); k++) if (observables.get(k).name().equals(name)) return k;
        return -1;
    }

    private void check(LocalAtoms atoms) {
        if (stateWidth > 0 && (atoms.state == null || atoms.stateStride < stateWidth)) {
            throw new IllegalArgumentException("the observables need " + stateWidth + " per-atom state values, the view has "
                + atoms.stateStride);
        }
        double r = neighborRadius();
        if (r > 0 && (atoms.full == null || atoms.full.radius() < r)) {
            throw new IllegalArgumentException("the observables need neighbours within " + r + " Å, the view's list has radius "
                + (atoms.full == null ? 0 : atoms.full.radius()));
        }
    }
}
