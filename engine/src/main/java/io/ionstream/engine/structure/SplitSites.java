package io.ionstream.engine.structure;

import io.ionstream.engine.system.Box;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Occupies split sites: of each group of alternative positions (the two 48h positions flanking
 * a 24g site) exactly one is kept, so the Li count stays that of the 24g model.
 *
 * <p>Rule: every group first picks an alternative uniformly at random (seeded). Then, while two
 * chosen positions of different groups are closer than the minimum distance, the groups in
 * conflict are visited in random order and each switches to the alternative with the fewest
 * conflicts with the current choices (ties broken at random): a min-conflicts search that keeps
 * the choice random where nothing forbids it. If conflicts remain after
 * {@link #MAX_SWEEPS} sweeps the build fails, naming the distance.
 */
public final class SplitSites {
    public static final int MAX_SWEEPS = 200;

    private SplitSites() {}

    /** Resolves every split group of {@code atoms}; returns the number of groups that had to move. */
    static int resolve(AtomList atoms, Box box, double minDistance, Random rnd) {
        int groups = 0;
        for (int i = 0; i < atoms.n; i++) groups = Math.max(groups, atoms.group[i] + 1);
        if (groups == 0) return 0;
        // candidates per group (indices into atoms)
        int[] count = new int[groups];
        for (int i = 0; i < atoms.n; i++) if (atoms.group[i] >= 0) count[atoms.group[i]]++;
        int[][] members = new int[groups][];
        for (int g = 0; g < groups; g++) members[g] = new int[count[g]];
        int[] fill = new int[groups];
        int[] candidates = new int[atoms.n];
        int nc = 0;
        for (int i = 0; i < atoms.n; i++) {
            int g = atoms.group[i];
            if (g < 0) continue;
            members[g][fill[g]++] = i;
            candidates[nc++] = i;
        }
        // conflict graph between candidates of different groups
        double[] cx = new double[3 * nc];
        for (int k = 0; k < nc; k++) System.arraycopy(atoms.x, 3 * candidates[k], cx, 3 * k, 3);
        List<List<Integer>> conflicts = new ArrayList<>(atoms.n);
        int[] candidateOf = new int[atoms.n];
        Arrays.fill(candidateOf, -1);
        for (int k = 0; k < nc; k++) candidateOf[candidates[k]] = k;
        for (int k = 0; k < nc; k++) conflicts.add(new ArrayList<>(2));
        if (minDistance > 0) {
            PairSearch.visit(box, cx, nc, minDistance, (a, b, r) -> {
                int ia = candidates[a], ib = candidates[b];
                if (atoms.group[ia] == atoms.group[ib]) return;
                conflicts.get(a).add(b);
                conflicts.get(b).add(a);
            });
        }
        boolean[] chosen = new boolean[nc];
        int[] choice = new int[groups];
        for (int g = 0; g < groups; g++) {
            choice[g] = rnd.nextInt(members[g].length);
            chosen[candidateOf[members[g][choice[g]]]] = true;
        }
        int moved = 0;
        boolean[] everMoved = new boolean[groups];
        for (int sweep = 0; ; sweep++) {
            List<Integer> bad = new ArrayList<>();
            for (int g = 0; g < groups; g++) {
                if (conflictCount(candidateOf[members[g][choice[g]]], conflicts, chosen) > 0) bad.add(g);
            }
            if (bad.isEmpty()) break;
            if (sweep == MAX_SWEEPS) {
                throw new IllegalArgumentException(String.format("cannot occupy the split sites with every pair at least "
                    + "%.3g Å apart (%d groups still in conflict after %d sweeps): lower the minimum distance or "
                    + "change the split-site parameters", minDistance, bad.size(), MAX_SWEEPS));
            }
            java.util.Collections.shuffle(bad, rnd);
            for (int g : bad) {
                int cur = candidateOf[members[g][choice[g]]];
                chosen[cur] = false;
                int best = Integer.MAX_VALUE, nBest = 0, pick = choice[g];
                for (int a = 0; a < members[g].length; a++) {
                    int c = conflictCount(candidateOf[members[g][a]], conflicts, chosen);
                    if (c < best) { best = c; nBest = 1; pick = a; }
                    else if (c == best && rnd.nextInt(++nBest) == 0) pick = a;
                }
                if (pick != choice[g] && !everMoved[g]) { everMoved[g] = true; moved++; }
                choice[g] = pick;
                chosen[candidateOf[members[g][pick]]] = true;
            }
        }
        boolean[] keep = new boolean[atoms.n];
        Arrays.fill(keep, true);
        for (int g = 0; g < groups; g++) {
            for (int a = 0; a < members[g].length; a++) if (a != choice[g]) keep[members[g][a]] = false;
        }
        atoms.retain(keep);
        for (int i = 0; i < atoms.n; i++) atoms.group[i] = -1;
        return moved;
    }

    private static int conflictCount(int candidate, List<List<Integer>> conflicts, boolean[] chosen) {
        int c = 0;
        for (int o : conflicts.get(candidate)) if (chosen[o]) c++;
        return c;
    }
}
