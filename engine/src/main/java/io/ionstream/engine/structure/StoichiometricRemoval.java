package io.ionstream.engine.structure;

import io.ionstream.engine.system.Box;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Removes atoms closer than a minimum distance while keeping the composition an exact multiple of
 * the formula unit (so formal charge neutrality holds).
 *
 * <p>Rule: (1) among all pairs closer than the minimum (periodic images included), repeatedly
 * remove the atom with the most remaining close contacts (ties: the later atom, i.e. grain 2)
 * until no close pair is left; (2) with r_s atoms of species s removed and u_s per formula unit,
 * the removal is rounded up to k = max_s ⌈r_s / u_s⌉ whole formula units; (3) the missing
 * k·u_s − r_s atoms of each species are taken from those nearest to a boundary plane, where the
 * structure is disordered anyway. Removing atoms never creates a close pair, so the result has
 * none.
 */
final class StoichiometricRemoval {
    private StoichiometricRemoval() {}

    record Result(Map<String, Integer> removed, int formulaUnits, int closePairs) {}

    static Result apply(AtomList atoms, Box box, double minDistance, Map<String, Integer> formulaUnit, double[] planes) {
        int n = atoms.n;
        List<int[]> pairs = new ArrayList<>();
        PairSearch.visit(box, atoms.x, n, minDistance, (i, j, r) -> {
            if (i == j) {
                throw new IllegalArgumentException(String.format("atom %d is %.3g Å from its own periodic image: the cell is "
                    + "smaller than the minimum distance %.3g Å", i + 1, r, minDistance));
            }
            pairs.add(new int[] {i, j});
        });
        Map<String, Integer> removed = new LinkedHashMap<>();
        for (String s : formulaUnit.keySet()) removed.put(s, 0);
        if (pairs.isEmpty()) return new Result(removed, 0, 0);

        int[] degree = new int[n];
        List<List<Integer>> adj = new ArrayList<>(n);
        for (int i = 0; i < n; i++) adj.add(null);
        for (int[] p : pairs) {
            for (int e = 0; e < 2; e++) {
                int a = p[e], b = p[1 - e];
                if (adj.get(a) == null) adj.set(a, new ArrayList<>(4));
                adj.get(a).add(b);
                degree[a]++;
            }
        }
        boolean[] gone = new boolean[n];
        while (true) {
            int pick = -1;
            for (int i = 0; i < n; i++) {
                if (!gone[i] && degree[i] > 0 && (pick < 0 || degree[i] >= degree[pick])) pick = i;
            }
            if (pick < 0) break;
            gone[pick] = true;
            for (int b : adj.get(pick)) if (!gone[b]) degree[b]--;
            degree[pick] = 0;
        }
        int[] byType = new int[atoms.species.size()];
        for (int i = 0; i < n; i++) if (gone[i]) byType[atoms.type[i]]++;
        int k = 0;
        for (var e : formulaUnit.entrySet()) {
            int t = atoms.typeOf(e.getKey());
            k = Math.max(k, (byType[t] + e.getValue() - 1) / e.getValue());
        }
        double lz = box.lz();
        for (var e : formulaUnit.entrySet()) {
            int t = atoms.typeOf(e.getKey());
            int extra = k * e.getValue() - byType[t];
            if (extra == 0) continue;
            Integer[] idx = new Integer[n];
            int m = 0;
            for (int i = 0; i < n; i++) if (!gone[i] && atoms.type[i] == t) idx[m++] = i;
            Integer[] cand = Arrays.copyOf(idx, m);
            Arrays.sort(cand, (a, b) -> Double.compare(planeDistance(atoms.x[3 * a + 2], planes, lz), planeDistance(atoms.x[3 * b + 2], planes, lz)));
            if (extra > cand.length) throw new IllegalArgumentException("not enough " + e.getKey() + " atoms to remove whole formula units");
            for (int q = 0; q < extra; q++) gone[cand[q]] = true;
        }
        boolean[] keep = new boolean[n];
        for (int i = 0; i < n; i++) {
            keep[i] = !gone[i];
            if (gone[i]) removed.merge(atoms.species.get(atoms.type[i]), 1, Integer::sum);
        }
        atoms.retain(keep);
        return new Result(removed, k, pairs.size());
    }

    private static double planeDistance(double z, double[] planes, double lz) {
        double best = Double.MAX_VALUE;
        for (double p : planes) {
            double d = z - p;
            d -= Math.rint(d / lz) * lz;
            best = Math.min(best, Math.abs(d));
        }
        return best;
    }
}
