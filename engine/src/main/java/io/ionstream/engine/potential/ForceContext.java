package io.ionstream.engine.potential;

import io.ionstream.engine.neighbor.NeighborList;
import io.ionstream.engine.system.Box;
import io.ionstream.engine.system.SpeciesTable;

/**
 * What a potential reads during one evaluation: {@code nlocal} owned atoms followed by
 * {@code nall - nlocal} ghosts in flat, non-periodic arrays (interleaved positions, types,
 * charges), the cell, and the lists. Filled by the platform (serial neighbourhood or subdomain
 * actor) before every evaluation; potentials never keep references to its arrays between calls
 * because they may be reallocated.
 */
public final class ForceContext {
    public double[] x;
    public int[] type;
    public double[] q;
    public int nlocal;
    public int nall;
    public Box box;
    public SpeciesTable species;
    public NeighborList half;
    public NeighborList full;

    public NeighborList list(NeighborMode mode) {
        return switch (mode) {
            case HALF -> half;
            case FULL -> full;
            case NONE -> null;
        };
    }
}
