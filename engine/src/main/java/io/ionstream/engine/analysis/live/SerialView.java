package io.ionstream.engine.analysis.live;

import io.ionstream.engine.neighbor.GhostShell;
import io.ionstream.engine.neighbor.NeighborBuilder;
import io.ionstream.engine.neighbor.NeighborList;
import io.ionstream.engine.system.AtomSystem;
import io.ionstream.engine.system.Box;

/**
 * Builds the {@link LocalAtoms} view of a whole periodic system in one process: copies and wraps
 * the positions (adjusting image counters so unwrapped coordinates are unchanged), appends
 * periodic ghost images within the radius and builds a full neighbour list. Its own copies
 * leave the simulation's arrays and neighbour lists untouched; buffers are reused between calls.
 */
public final class SerialView {
    private final GhostShell ghosts = new GhostShell();
    private final NeighborBuilder builder = new NeighborBuilder();
    private final NeighborList list = new NeighborList(false);
    private final LocalAtoms view = new LocalAtoms();
    private double[] x = new double[0];
    private int[] type = new int[0];
    private long[] id = new long[0];
    private int[] image = new int[0];

    /** The view of {@code sys} with neighbours within {@code radius} (0: no ghosts, no list). */
    public LocalAtoms build(AtomSystem sys, double radius) {
        return build(sys.box(), sys.species(), sys.massByType(), sys.size(), sys.x(), sys.image(), sys.type(), sys.id(),
            sys.v(), radius);
    }

    /** The view of raw arrays ({@code image} and {@code v} may be null). */
    public LocalAtoms build(Box box, io.ionstream.engine.system.SpeciesTable species, double[] massByType, int n,
                            double[] px, int[] pimage, int[] ptype, long[] pid, double[] pv, double radius) {
        if (x.length < 3 * n) {
            x = new double[3 * n];
            image = new int[3 * n];
            type = new int[n];
            id = new long[n];
        }
        System.arraycopy(px, 0, x, 0, 3 * n);
        if (pimage != null) System.arraycopy(pimage, 0, image, 0, 3 * n);
        else java.util.Arrays.fill(image, 0, 3 * n, 0);
        System.arraycopy(ptype, 0, type, 0, n);
        System.arraycopy(pid, 0, id, 0, n);
        for (int i = 0; i < n; i++) box.wrap(x, image, i);
        int nall = n;
        if (radius > 0) {
            int ng = ghosts.build(box, x, n, radius);
            nall = n + ng;
            if (x.length < 3 * nall) {
                x = java.util.Arrays.copyOf(x, 3 * nall);
                type = java.util.Arrays.copyOf(type, nall);
                id = java.util.Arrays.copyOf(id, nall);
            }
            ghosts.updatePositions(box, x);
            ghosts.copyToGhosts(type);
            int[] owner = ghosts.owners();
            for (int g = 0; g < ng; g++) id[n + g] = id[owner[g]];
            builder.build(list, x, n, nall, radius);
        }
        view.nlocal = n;
        view.nall = nall;
        view.x = x;
        view.type = type;
        view.id = id;
        view.image = image;
        view.v = pv;
        view.box = box;
        view.species = species;
        view.massByType = massByType;
        view.full = radius > 0 ? list : null;
        view.eatom = null;
        view.potentialEnergy = 0;
        java.util.Arrays.fill(view.virial, 0);
        view.state = null;
        view.stateStride = 0;
        return view;
    }
}
