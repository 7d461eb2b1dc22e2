package io.ionstream.engine.neighbor;

import io.ionstream.engine.system.AtomSystem;
import io.ionstream.engine.system.Box;

/**
 * Ghost atoms plus Verlet lists for one periodic {@link AtomSystem} in one process (the serial
 * "platform"; the actor layer replaces the ghost shell with halo exchange between subdomains).
 *
 * <p>At a build: wrap atoms into the cell, sort them spatially now and then, generate ghosts,
 * build the lists, remember positions. Between builds: move ghosts with their owners. A build is
 * triggered when some atom has moved more than half the skin (checked every step by default).
 */
public final class PeriodicNeighborhood {
    private final AtomSystem sys;
    private final double cutoff;
    private final NeighborSettings settings;
    private final GhostShell ghosts = new GhostShell();
    private final NeighborBuilder builder = new NeighborBuilder();
    private final NeighborList half, full;
    private double[] xhold = new double[0];
    private final double[] widths = new double[3];
    private double[] sortScratch = new double[0];
    private long[] sortScratchLong = new long[0];
    private int[] sortOrder = new int[0], sortCount = new int[0], sortBin = new int[0];
    private int stepsSinceBuild;
    private int builds;
    private boolean built;
    /** Local atoms whose positions {@code xhold} holds (from the last build). */
    private int held;

    public PeriodicNeighborhood(AtomSystem sys, double cutoff, NeighborSettings settings, boolean needHalf, boolean needFull) {
        if (!(cutoff > 0) || !Double.isFinite(cutoff)) {
            throw new IllegalArgumentException("neighbour cut-off must be positive and finite, got " + cutoff);
        }
        this.sys = sys;
        this.cutoff = cutoff;
        this.settings = settings;
        this.half = needHalf ? new NeighborList(true) : null;
        this.full = needFull ? new NeighborList(false) : null;
    }

    public double radius() { return cutoff + settings.skin(); }
    public NeighborList half() { return half; }
    public NeighborList full() { return full; }
    public GhostShell ghosts() { return ghosts; }
    public int nlocal() { return ghosts.nlocal(); }
    public int nall() { return ghosts.nall(); }
    public int builds() { return builds; }

    /** Forces a rebuild at the next {@link #update()} (after atoms were added or moved by hand). */
    public void invalidate() { built = false; }

    /**
     * Brings ghosts and lists up to date for the current positions; returns true when the lists
     * were rebuilt (atom order may then have changed).
     */
    public boolean update() {
        stepsSinceBuild++;
        if (!built || needsRebuild()) {
            rebuild();
            return true;
        }
        ghosts.updatePositions(sys.box(), sys.x());
        return false;
    }

    private boolean needsRebuild() {
        if (stepsSinceBuild < settings.delay() || stepsSinceBuild % settings.every() != 0) return false;
        if (!settings.check()) return true;
        if (sys.size() != ghosts.nlocal()) return true;
        double limit = 0.25 * settings.skin() * settings.skin();
        double[] x = sys.x();
        int n3 = 3 * sys.size();
        for (int k = 0; k < n3; k += 3) {
            double dx = x[k] - xhold[k], dy = x[k + 1] - xhold[k + 1], dz = x[k + 2] - xhold[k + 2];
            if (dx * dx + dy * dy + dz * dz > limit) return true;
        }
        return false;
    }

    private void rebuild() {
        int n = sys.size();
        Box box = sys.box();
        RebuildChecks.requireFinite(sys.x(), sys.id(), n);
        if (built && held == n) RebuildChecks.requireMovedLessThan(radius(), sys.x(), xhold, sys.id(), n);
        sys.wrapAll();
        if (settings.sortEvery() > 0 && builds % settings.sortEvery() == 0) sortSpatially();
        double rg = radius();
        int ng = ghosts.build(box, sys.x(), n, rg);
        sys.ensureCapacity(n + ng);
        ghosts.updatePositions(box, sys.x());
        ghosts.copyToGhosts(sys.type());
        ghosts.copyToGhosts(sys.q());
        if (half != null) builder.build(half, sys.x(), n, n + ng, rg);
        if (full != null) builder.build(full, sys.x(), n, n + ng, rg);
        if (xhold.length < 3 * n) xhold = new double[3 * n + 3 * (n >> 3)];
        System.arraycopy(sys.x(), 0, xhold, 0, 3 * n);
        held = n;
        stepsSinceBuild = 0;
        builds++;
        built = true;
    }

    /** Counting sort of local atoms by cell-aligned bins of about half the list radius. */
    private void sortSpatially() {
        int n = sys.size();
        Box box = sys.box();
        double[] w = box.perpendicularWidths(widths);
        double bin = Math.max(0.5 * radius(), 1.0);
        int na = Math.max(1, (int) (w[0] / bin)), nb = Math.max(1, (int) (w[1] / bin)), nc = Math.max(1, (int) (w[2] / bin));
        long nbins = (long) na * nb * nc;
        if (nbins > 4L * n + 64) return; // too sparse to be worth it
        if (sortOrder.length < n) {
            sortOrder = new int[n];
            sortScratch = new double[3 * n];
            sortScratchLong = new long[n];
            sortBin = new int[n];
        }
        if (sortCount.length < nbins + 1) sortCount = new int[(int) nbins + 1];
        else java.util.Arrays.fill(sortCount, 0, (int) nbins + 1, 0);
        double[] x = sys.x();
        double[] s = sortScratch; // free until permute() uses it
        int[] binOf = sortBin;
        for (int i = 0; i < n; i++) {
            box.toFractional(x[3 * i], x[3 * i + 1], x[3 * i + 2], s, 0);
            int ia = Math.min(na - 1, Math.max(0, (int) (s[0] * na)));
            int ib = Math.min(nb - 1, Math.max(0, (int) (s[1] * nb)));
            int ic = Math.min(nc - 1, Math.max(0, (int) (s[2] * nc)));
            binOf[i] = (ic * nb + ib) * na + ia;
            sortCount[binOf[i] + 1]++;
        }
        for (int b = 0; b < nbins; b++) sortCount[b + 1] += sortCount[b];
        for (int i = 0; i < n; i++) sortOrder[sortCount[binOf[i]]++] = i;
        sys.permute(sortOrder, sortScratch, sortScratchLong);
    }

    /** Folds ghost forces (and per-atom energies, if given) back into their owners. */
    public void reverse(double[] f, double[] eatom) {
        ghosts.reverseAdd3(f);
        if (eatom != null) ghosts.reverseAdd(eatom);
    }
}
