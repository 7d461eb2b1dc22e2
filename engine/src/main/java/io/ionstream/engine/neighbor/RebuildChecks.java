package io.ionstream.engine.neighbor;

import java.util.Locale;

/**
 * What a neighbour-list rebuild checks before it wraps atoms, on the serial engine and on every
 * subdomain alike: finite positions, and no atom that moved a whole list radius since the last
 * build (lists are rebuilt after half the skin, so that means the dynamics blew up, and the bins
 * would grow without bound).
 */
public final class RebuildChecks {
    private RebuildChecks() {}

    /** Fails naming the first of the {@code n} atoms whose position is NaN or infinite. */
    public static void requireFinite(double[] x, long[] id, int n) {
        for (int i = 0; i < n; i++) {
            int k = 3 * i;
            if (!Double.isFinite(x[k]) || !Double.isFinite(x[k + 1]) || !Double.isFinite(x[k + 2])) {
                throw new IllegalStateException("atom id " + id[i] + " has a non-finite position ("
                    + x[k] + ", " + x[k + 1] + ", " + x[k + 2] + ")");
            }
        }
    }

    /** Fails naming the first atom that moved more than {@code radius} from {@code xhold}. */
    public static void requireMovedLessThan(double radius, double[] x, double[] xhold, long[] id, int n) {
        double limit = radius * radius;
        for (int i = 0; i < n; i++) {
            int k = 3 * i;
            double dx = x[k] - xhold[k], dy = x[k + 1] - xhold[k + 1], dz = x[k + 2] - xhold[k + 2];
            double d2 = dx * dx + dy * dy + dz * dz;
            if (d2 > limit) {
                throw new IllegalStateException(String.format(Locale.ROOT, "atom id %d moved %.3g Å since the last "
                    + "neighbour-list build, more than the cut-off plus skin (%.3g Å): the run is unstable (overlapping atoms "
                    + "or too large a time step)", id[i], Math.sqrt(d2), radius));
            }
        }
    }
}
