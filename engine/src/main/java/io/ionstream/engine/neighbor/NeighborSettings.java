package io.ionstream.engine.neighbor;

/**
 * When and how lists are rebuilt, after LAMMPS's {@code neighbor} / {@code neigh_modify}:
 * the list radius is cut-off + {@code skin}; every {@code every} steps (after {@code delay}
 * steps since the last build) the list is rebuilt, if {@code check} only when some atom moved
 * more than half the skin; local atoms are sorted spatially every {@code sortEvery} builds
 * (0: never).
 */
public record NeighborSettings(double skin, int every, int delay, boolean check, int sortEvery) {
    public NeighborSettings {
        if (!(skin >= 0) || !Double.isFinite(skin)) throw new IllegalArgumentException("neighbour skin must be >= 0, got " + skin);
        if (every < 1) throw new IllegalArgumentException("neighbour 'every' must be >= 1, got " + every);
        if (delay < 0) throw new IllegalArgumentException("neighbour 'delay' must be >= 0, got " + delay);
        if (sortEvery < 0) throw new IllegalArgumentException("neighbour 'sortEvery' must be >= 0, got " + sortEvery);
    }

    /** LAMMPS metal defaults: skin 2 Å, check every step. */
    public static NeighborSettings defaults() {
        return new NeighborSettings(2.0, 1, 0, true, 10);
    }

    public static NeighborSettings withSkin(double skin) {
        return new NeighborSettings(skin, 1, 0, true, 10);
    }

    public NeighborSettings every(int n) { return new NeighborSettings(skin, n, delay, check, sortEvery); }
    public NeighborSettings check(boolean c) { return new NeighborSettings(skin, every, delay, c, sortEvery); }
    public NeighborSettings sortEvery(int n) { return new NeighborSettings(skin, every, delay, check, n); }
}
