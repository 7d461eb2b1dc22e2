package io.ionstream.engine.io;

import java.util.Arrays;

/** The permutation that lists atoms by ascending id, as dumps and trajectories want them. */
final class IdOrder {
    private IdOrder() {}

    /**
     * {@code order[r]} = index of the atom with the r-th smallest of the first {@code n} ids. Ids
     * must lie in 0..Integer.MAX_VALUE, so (id << 32 | index) sorts as one primitive key.
     */
    static int[] of(long[] id, int n) {
        int[] order = new int[n];
        boolean sorted = true;
        for (int i = 0; i < n; i++) {
            if (id[i] < 0 || id[i] > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("atom ids must lie in 0.." + Integer.MAX_VALUE + " to be sorted");
            }
            if (i > 0 && id[i] <= id[i - 1]) sorted = false;
            order[i] = i;
        }
        if (sorted) return order;
        long[] keyed = new long[n];
        for (int i = 0; i < n; i++) keyed[i] = (id[i] << 32) | i;
        Arrays.sort(keyed);
        for (int i = 0; i < n; i++) order[i] = (int) (keyed[i] & 0xffffffffL);
        return order;
    }
}
