package io.ionstream.engine.structure;

import io.ionstream.engine.neighbor.GhostShell;
import io.ionstream.engine.neighbor.NeighborBuilder;
import io.ionstream.engine.neighbor.NeighborList;
import io.ionstream.engine.system.Box;

/**
 * Close pairs in a periodic cell, found with the engine's own ghost shell and binned half
 * neighbour list (so periodic images, including an atom's own, count like in a force
 * evaluation). For builders and structure checks, not for the MD loop: it allocates per call.
 */
public final class PairSearch {
    private PairSearch() {}

    /** Receives one pair: local atoms i and j (j may equal i for a periodic self-image) at distance r. */
    @FunctionalInterface
    public interface PairVisitor {
        void pair(int i, int j, double r);
    }

    /**
     * Visits every pair (i, j, image) closer than {@code radius} once, for the first {@code n}
     * atoms of the interleaved {@code x} (not modified; copied and wrapped internally).
     */
    public static void visit(Box box, double[] x, int n, double radius, PairVisitor visitor) {
        if (n == 0) return;
        double[] w = new double[3 * n];
        System.arraycopy(x, 0, w, 0, 3 * n);
        for (int i = 0; i < n; i++) box.wrap(w, null, i);
        GhostShell ghosts = new GhostShell();
        int ng = ghosts.build(box, w, n, radius);
        double[] all = new double[3 * (n + ng)];
        System.arraycopy(w, 0, all, 0, 3 * n);
        ghosts.updatePositions(box, all);
        NeighborList list = new NeighborList(true);
        new NeighborBuilder().build(list, all, n, n + ng, radius);
        int[] off = list.offsets(), nb = list.neighbors();
        for (int i = 0; i < n; i++) {
            for (int p = off[i]; p < off[i + 1]; p++) {
                int j = nb[p];
                double dx = all[3 * j] - all[3 * i], dy = all[3 * j + 1] - all[3 * i + 1], dz = all[3 * j + 2] - all[3 * i + 2];
                int owner = j < n ? j : ghosts.owner(j - n);
                visitor.pair(i, owner, Math.sqrt(dx * dx + dy * dy + dz * dz));
            }
        }
    }

    /** The shortest interatomic distance below {@code radius}, or +∞ when there is none. */
    public static double minimumDistance(Box box, double[] x, int n, double radius) {
        double[] min = {Double.POSITIVE_INFINITY};
        visit(box, x, n, radius, (i, j, r) -> { if (r < min[0]) min[0] = r; });
        return min[0];
    }
}
