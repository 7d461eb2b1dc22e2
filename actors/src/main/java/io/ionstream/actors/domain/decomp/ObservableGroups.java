package io.ionstream.actors.domain.decomp;

import io.ionstream.engine.analysis.live.ObservableSet;
import java.util.List;

/**
 * The sampling groups of a run's live observables laid out in one partial-sum vector: group g
 * occupies {@code [offset(g), offset(g) + set(g).partialLength())}. Groups are sampled at their
 * own steps (a bit mask per step, bit g for group g); a vector carries zeros where a group was
 * not due. At most one group keeps per-atom state (it lives in the atoms'
 * {@link ObservableSet#STATE_ARRAY}, which every group would otherwise share).
 */
public final class ObservableGroups {
    /** At most this many groups (one bit each in a {@code long} mask). */
    public static final int MAX_GROUPS = 64;

    private final ObservableSet[] sets;
    private final int[] offset;
    private final double[][] scratch;
    private final int length;
    private final int stateful;
    private final double radius;

    public ObservableGroups(List<ObservableSet> groups) {
        if (groups.size() > MAX_GROUPS) throw new IllegalArgumentException("at most " + MAX_GROUPS + " observable groups, got " + groups.size());
        sets = groups.toArray(ObservableSet[]::new);
        offset = new int[sets.length];
        scratch = new double[sets.length][];
        int o = 0, st = -1;
        double r = 0;
        for (int g = 0; g < sets.length; g++) {
            offset[g] = o;
            o += sets[g].partialLength();
            scratch[g] = new double[sets[g].partialLength()];
            r = Math.max(r, sets[g].neighborRadius());
            if (sets[g].stateWidth() > 0) {
                if (st >= 0) throw new IllegalArgumentException("observable groups " + st + " and " + g + " both keep per-atom state");
                st = g;
            }
        }
        length = o;
        stateful = st;
        radius = r;
    }

    public int count() { return sets.length; }
    public ObservableSet set(int g) { return sets[g]; }
    public int offset(int g) { return offset[g]; }
    /** Length of the whole partial-sum vector. */
    public int partialLength() { return length; }
    /** The group with per-atom state, or −1. */
    public int statefulGroup() { return stateful; }
    /** The largest neighbour radius any group needs (Å). */
    public double neighborRadius() { return radius; }

    /** The largest neighbour radius of the groups in {@code mask} (Å). */
    public double neighborRadius(long mask) {
        double r = 0;
        for (int g = 0; g < sets.length; g++) if (due(mask, g)) r = Math.max(r, sets[g].neighborRadius());
        return r;
    }

    /** True when group g is in {@code mask}. */
    public static boolean due(long mask, int g) {
        return (mask >>> g & 1L) != 0;
    }

    /** This group's own partial vector (reused; the caller fills it and copies it into place). */
    double[] scratch(int g) { return scratch[g]; }
}
