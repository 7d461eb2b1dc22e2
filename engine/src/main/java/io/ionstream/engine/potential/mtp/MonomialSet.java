package io.ionstream.engine.potential.mtp;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Angular monomials x^a y^b z^c of an MTP plan, collected without repeats and then put in the
 * order the kernels evaluate them: by degree, then descending a, then descending b, so that
 * every monomial comes after the ones it is built from.
 */
public final class MonomialSet {
    private final Map<Long, Integer> index = new HashMap<>();
    private final List<int[]> list = new ArrayList<>();
    private boolean ordered;

    /** Adds x^a y^b z^c unless present. */
    public void add(int a, int b, int c) {
        if (ordered) throw new IllegalStateException("the monomials are already ordered");
        long k = key(a, b, c);
        if (index.containsKey(k)) return;
        index.put(k, list.size());
        list.add(new int[] {a, b, c});
    }

    /** Orders the set (adding the constant when it is empty) and returns the powers in that order. */
    public List<int[]> order() {
        if (list.isEmpty()) add(0, 0, 0);
        list.sort((p, q) -> {
            int dp = p[0] + p[1] + p[2], dq = q[0] + q[1] + q[2];
            if (dp != dq) return Integer.compare(dp, dq);
            if (p[0] != q[0]) return Integer.compare(q[0], p[0]);
            return Integer.compare(q[1], p[1]);
        });
        index.clear();
        for (int s = 0; s < list.size(); s++) index.put(key(list.get(s)[0], list.get(s)[1], list.get(s)[2]), s);
        ordered = true;
        return list;
    }

    /** Position of x^a y^b z^c in the order, or -1 when it is not in the set. */
    public int indexOf(int a, int b, int c) {
        if (!ordered) throw new IllegalStateException("order the monomials first");
        Integer i = index.get(key(a, b, c));
        return i == null ? -1 : i;
    }

    private static long key(int a, int b, int c) {
        return ((long) a << 42) | ((long) b << 21) | c;
    }
}
