package io.ionstream.engine.potential;

import io.ionstream.engine.neighbor.GhostShell;
import io.ionstream.engine.neighbor.NeighborBuilder;
import io.ionstream.engine.neighbor.NeighborList;
import io.ionstream.engine.system.AtomSystem;
import io.ionstream.engine.system.Box;

/**
 * Checks that a system is fit for a force evaluation before any number is computed, so that bad
 * input fails with a message naming the atom or the parameter instead of producing NaNs or
 * nonsense: non-finite positions, velocities or charges (atom id and component), atom types
 * outside the species table, species the force field does not cover ({@link ForceField#validate}),
 * atoms on top of each other (both ids and their distance; an O(N) search with the engine's own
 * ghost shell and binned lists, periodic images included), and a cut-off the cell cannot
 * accommodate. {@link ForceEngine} runs {@link #validate} on construction.
 *
 * <p>Never modifies the system. Reuses its scratch space between calls.
 */
public final class SystemValidator {
    /** Default closest allowed approach (Å): below any real bond, above numerical noise. */
    public static final double DEFAULT_MIN_DISTANCE = 0.5;

    private final double minDistance;
    private final GhostShell ghosts = new GhostShell();
    private final NeighborBuilder builder = new NeighborBuilder();
    private final NeighborList list = new NeighborList(true);
    private double[] scratch = new double[0];

    public SystemValidator(double minDistance) {
        if (!(minDistance > 0) || !Double.isFinite(minDistance)) {
            throw new IllegalArgumentException("minimum interatomic distance must be positive, got " + minDistance);
        }
        this.minDistance = minDistance;
    }

    public static SystemValidator defaults() {
        return new SystemValidator(DEFAULT_MIN_DISTANCE);
    }

    public double minDistance() { return minDistance; }

    /**
     * Everything a force evaluation with {@code field} and a neighbour-list radius of
     * {@code listRadius} (cut-off plus skin, Å) needs; throws {@link IllegalArgumentException}
     * naming the first problem found.
     */
    public void validate(AtomSystem sys, ForceField field, double listRadius) {
        checkFinite(sys);
        checkTypes(sys);
        field.validate(sys.species());
        checkCellForCutoff(sys.box(), listRadius, "cut-off plus skin of " + field.describe());
        checkOverlaps(sys);
    }

    /** Positions, velocities and charges must be finite; names the atom id and the component. */
    public static void checkFinite(AtomSystem sys) {
        double[] x = sys.x(), v = sys.v(), q = sys.q();
        long[] id = sys.id();
        String[] axis = {"x", "y", "z"};
        for (int i = 0; i < sys.size(); i++) {
            for (int d = 0; d < 3; d++) {
                if (!Double.isFinite(x[3 * i + d])) {
                    throw new IllegalArgumentException("atom id " + id[i] + " has a non-finite position: " + axis[d]
                        + " = " + x[3 * i + d]);
                }
                if (!Double.isFinite(v[3 * i + d])) {
                    throw new IllegalArgumentException("atom id " + id[i] + " has a non-finite velocity: v" + axis[d]
                        + " = " + v[3 * i + d]);
                }
            }
            if (!Double.isFinite(q[i])) {
                throw new IllegalArgumentException("atom id " + id[i] + " has a non-finite charge: " + q[i]);
            }
        }
    }

    /** Every atom's type must index the species table. */
    public static void checkTypes(AtomSystem sys) {
        int[] type = sys.type();
        int ns = sys.species().size();
        for (int i = 0; i < sys.size(); i++) {
            if (type[i] < 0 || type[i] >= ns) {
                throw new IllegalArgumentException("atom id " + sys.id()[i] + " has type " + type[i]
                    + ", which is not a species of this system (" + sys.species() + ")");
            }
        }
    }

    /**
     * Periodic images are generated for any cut-off, but one far larger than the cell would need
     * thousands of images per atom: a sign of a wrong unit or a unit cell that should be
     * replicated. {@code what} names the parameter in the message.
     */
    public static void checkCellForCutoff(Box box, double radius, String what) {
        if (!(radius > 0) || !Double.isFinite(radius)) {
            throw new IllegalArgumentException(what + " must be positive and finite, got " + radius + " Å");
        }
        double[] w = box.perpendicularWidths();
        double images = 1;
        for (double width : w) images *= 2 * Math.ceil(radius / width) + 1;
        if (images > GhostShell.MAX_GHOSTS_PER_ATOM) {
            throw new IllegalArgumentException(what + " (" + fmt(radius) + " Å) is far larger than the cell "
                + "(smallest width " + fmt(box.minPerpendicularWidth()) + " Å): about " + (long) images
                + " periodic images per atom would be needed; replicate the cell or reduce the cut-off");
        }
    }

    /**
     * For code that uses the minimum-image convention ({@link Box#minimumImage}): a cut-off
     * {@code cutoff} is only meaningful below half the smallest perpendicular width of the cell.
     * {@code what} names the parameter in the message.
     */
    public static void checkMinimumImage(Box box, double cutoff, String what) {
        double half = 0.5 * box.minPerpendicularWidth();
        if (!(cutoff <= half)) {
            throw new IllegalArgumentException(what + " " + fmt(cutoff) + " Å exceeds half the smallest cell width ("
                + fmt(half) + " Å): the minimum-image convention would miss periodic images; use a larger cell or a "
                + "shorter " + what);
        }
    }

    /**
     * No two atoms (including an atom and a periodic image of itself or of another atom) closer
     * than {@link #minDistance()}; names both ids and the distance.
     */
    public void checkOverlaps(AtomSystem sys) {
        int n = sys.size();
        if (n == 0) return;
        checkFinite(sys);
        Box box = sys.box();
        if (scratch.length < 3 * n) scratch = new double[3 * n + 3 * (n >> 3)];
        System.arraycopy(sys.x(), 0, scratch, 0, 3 * n);
        for (int i = 0; i < n; i++) box.wrap(scratch, null, i);
        if (box.minPerpendicularWidth() < minDistance) {
            throw new IllegalArgumentException("the cell is thinner (" + fmt(box.minPerpendicularWidth())
                + " Å) than the minimum interatomic distance " + fmt(minDistance) + " Å: every atom would overlap "
                + "its own periodic image");
        }
        int ng = ghosts.build(box, scratch, n, minDistance);
        if (scratch.length < 3 * (n + ng)) scratch = java.util.Arrays.copyOf(scratch, 3 * (n + ng) + 3 * (ng >> 3));
        ghosts.updatePositions(box, scratch);
        builder.build(list, scratch, n, n + ng, minDistance);
        int[] off = list.offsets(), nb = list.neighbors();
        double min2 = minDistance * minDistance;
        for (int i = 0; i < n; i++) {
            for (int p = off[i]; p < off[i + 1]; p++) {
                int j = nb[p];
                double dx = scratch[3 * j] - scratch[3 * i], dy = scratch[3 * j + 1] - scratch[3 * i + 1];
                double dz = scratch[3 * j + 2] - scratch[3 * i + 2];
                double r2 = dx * dx + dy * dy + dz * dz;
                if (r2 < min2) {
                    int owner = j < n ? j : ghosts.owner(j - n);
                    String other = owner == i ? "a periodic image of itself" : "atom id " + sys.id()[owner];
                    throw new IllegalArgumentException("atom id " + sys.id()[i] + " and " + other + " are "
                        + fmt(Math.sqrt(r2)) + " Å apart, closer than the minimum distance " + fmt(minDistance)
                        + " Å (overlapping atoms, e.g. a duplicated site)");
                }
            }
        }
    }

    /** Six significant digits without trailing zeros: 0.1, 4.85071, 41. */
    private static String fmt(double v) {
        return new java.math.BigDecimal(v).round(new java.math.MathContext(6)).stripTrailingZeros().toPlainString();
    }
}
