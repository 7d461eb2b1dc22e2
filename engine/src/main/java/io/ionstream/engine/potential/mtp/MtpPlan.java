package io.ionstream.engine.potential.mtp;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The contraction plan of a trained {@link MtpModel}, worked out once when the model is loaded and
 * shared (immutable) by every {@link MtpKernel}: flat primitive arrays in the order the kernel
 * walks them.
 *
 * <ul>
 * <li><b>Radial</b>: coefficients c[a][b][μ][β] with a-major blocks, so that one neighbour's K
 * radial functions f_μ = Σ_β c·Q_β are one contiguous K×R block.</li>
 * <li><b>Angular monomials</b>: the distinct powers (a, b, c) of the unit vector used by the basic
 * moments, closed under lowering and ordered so that each monomial is its parent times one of
 * x̂, ŷ, ẑ ({@code monoParent}, {@code monoAxis}); one multiplication each, and the same tree
 * run backwards gives the gradient.</li>
 * <li><b>Basic moments</b>: pairs (μ, monomial) of the moments that reach the energy.</li>
 * <li><b>Products</b>: the {@code alpha_index_times} entries that reach the energy, in file
 * order (forward) and reversed (adjoint).</li>
 * </ul>
 */
final class MtpPlan {
    final int species, funcs, basisSize;
    final double minDist, maxDist, cutoffSq, scaling;
    final boolean repulsive;
    /** c[((a·C + b)·K + μ)·R + β]. */
    final double[] radial;
    final int monomials;
    final int[] monoParent, monoAxis, monoDegree;
    /** Moment index, radial function and monomial of each basic moment that is needed. */
    final int[] basicMoment, basicFunc, basicMono;
    final int[] timesP, timesQ, timesK;
    final double[] timesM;
    final int moments;
    final int[] mapping;
    final double[] momentCoeffs, speciesCoeffs;
    /** Length of one compact grade row: C·K·R radial entries of the atom's block, 1, then the scalar moments. */
    final int compactRow;

    MtpPlan(MtpModel m) {
        m.requireTrained("the potential");
        species = m.speciesCount();
        funcs = m.radialFuncs();
        basisSize = m.basisSize();
        minDist = m.minDist();
        maxDist = m.maxDist();
        cutoffSq = maxDist * maxDist;
        scaling = m.effectiveScaling();
        repulsive = m.basisType() == RadialBasisType.CHEBYSHEV_REPULSIVE;
        radial = m.radialCoeffs();
        moments = m.momentsCount();
        mapping = m.alphaMomentMapping();
        momentCoeffs = m.momentCoeffs();
        speciesCoeffs = m.speciesCoeffs();
        compactRow = species * funcs * basisSize + 1 + mapping.length;

        // which moments reach the energy: the mapped ones and, backwards, the operands of needed products
        int[] times = m.alphaIndexTimes();
        int nt = times.length / 4;
        boolean[] needed = new boolean[moments];
        for (int k : mapping) needed[k] = true;
        boolean[] keep = new boolean[nt];
        int kept = 0;
        for (int t = nt - 1; t >= 0; t--) {
            if (needed[times[4 * t + 3]]) {
                keep[t] = true;
                kept++;
                needed[times[4 * t]] = true;
                needed[times[4 * t + 1]] = true;
            }
        }
        timesP = new int[kept];
        timesQ = new int[kept];
        timesK = new int[kept];
        timesM = new double[kept];
        for (int t = 0, o = 0; t < nt; t++) {
            if (!keep[t]) continue;
            timesP[o] = times[4 * t];
            timesQ[o] = times[4 * t + 1];
            timesM[o] = times[4 * t + 2];
            timesK[o] = times[4 * t + 3];
            o++;
        }

        // monomials: (a, b, c) -> index, closed under lowering, parents first (by degree)
        int[] basic = m.alphaIndexBasic();
        int nb = basic.length / 4;
        int maxDeg = 0;
        for (int i = 0; i < nb; i++) maxDeg = Math.max(maxDeg, basic[4 * i + 1] + basic[4 * i + 2] + basic[4 * i + 3]);
        Map<Long, Integer> index = new HashMap<>();
        List<int[]> monos = new ArrayList<>();
        List<int[]> wanted = new ArrayList<>();
        for (int i = 0; i < nb; i++) {
            if (needed[i]) wanted.add(new int[] {basic[4 * i + 1], basic[4 * i + 2], basic[4 * i + 3]});
        }
        // add every needed monomial with its whole lowering chain (x first, then y, then z)
        for (int[] w : wanted) {
            for (int a = 0; a <= w[0]; a++) addMono(index, monos, a, 0, 0);
            for (int b = 0; b <= w[1]; b++) addMono(index, monos, w[0], b, 0);
            for (int c = 0; c <= w[2]; c++) addMono(index, monos, w[0], w[1], c);
        }
        if (monos.isEmpty()) addMono(index, monos, 0, 0, 0);
        monos.sort((p, q) -> {
            int dp = p[0] + p[1] + p[2], dq = q[0] + q[1] + q[2];
            if (dp != dq) return Integer.compare(dp, dq);
            if (p[0] != q[0]) return Integer.compare(q[0], p[0]);
            return Integer.compare(q[1], p[1]);
        });
        index.clear();
        for (int s = 0; s < monos.size(); s++) index.put(key(monos.get(s)[0], monos.get(s)[1], monos.get(s)[2]), s);
        monomials = monos.size();
        monoParent = new int[monomials];
        monoAxis = new int[monomials];
        monoDegree = new int[monomials];
        for (int s = 0; s < monomials; s++) {
            int[] p = monos.get(s);
            monoDegree[s] = p[0] + p[1] + p[2];
            if (monoDegree[s] == 0) { monoParent[s] = -1; continue; }
            // lower z first, then y, then x: the chains added above guarantee the parent exists
            int axis = p[2] > 0 ? 2 : p[1] > 0 ? 1 : 0;
            int[] q = p.clone();
            q[axis]--;
            Integer parent = index.get(key(q[0], q[1], q[2]));
            if (parent == null) throw new IllegalStateException("monomial plan is not closed under lowering");
            monoParent[s] = parent;
            monoAxis[s] = axis;
        }
        if (monoDegree[0] != 0) throw new IllegalStateException("monomial plan must start with the constant");

        int count = 0;
        for (int i = 0; i < nb; i++) if (needed[i]) count++;
        basicMoment = new int[count];
        basicFunc = new int[count];
        basicMono = new int[count];
        for (int i = 0, o = 0; i < nb; i++) {
            if (!needed[i]) continue;
            basicMoment[o] = i;
            basicFunc[o] = basic[4 * i];
            basicMono[o] = index.get(key(basic[4 * i + 1], basic[4 * i + 2], basic[4 * i + 3]));
            o++;
        }
        if (maxDeg > 64) throw new IllegalArgumentException("MTP: angular degree " + maxDeg + " is implausibly high");
    }

    private static long key(int a, int b, int c) {
        return ((long) a << 42) | ((long) b << 21) | c;
    }

    private static void addMono(Map<Long, Integer> index, List<int[]> monos, int a, int b, int c) {
        long k = key(a, b, c);
        if (index.containsKey(k)) return;
        index.put(k, monos.size());
        monos.add(new int[] {a, b, c});
    }
}
