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
    /**
     * Products grouped by target, targets in the order they are finished: group g computes
     * moment {@code fwdTarget[g]} from entries {@code fwdStart[g] .. fwdStart[g+1]} (operands
     * {@code fwdP, fwdQ}, multiplicity {@code fwdM}), in file order within the group, so that the
     * sum is accumulated in a register with exactly MLIP's rounding.
     */
    final int[] fwdTarget, fwdStart, fwdP, fwdQ;
    final double[] fwdM;
    /**
     * The adjoint pass, transposed: moments in reverse finishing order; moment {@code bwdMoment[h]}
     * gets {@code seed} plus Σ m·adj[k]·M[other] over its uses {@code bwdStart[h] ..
     * bwdStart[h+1]} as an operand of products into k ({@code bwdK, bwdOther, bwdM}).
     */
    final int[] bwdMoment, bwdStart, bwdK, bwdOther;
    final double[] bwdM, seed;
    /** Basic moments (positions in basicMoment) grouped by monomial and by radial function. */
    final int[] monoStart, monoBasics, funcStart, funcBasics;
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
        EnergyProducts products = new EnergyProducts(m);
        int kept = products.count();
        timesP = products.first();
        timesQ = products.second();
        timesK = products.target();
        timesM = products.multiplicity();

        // grouped forward products and transposed adjoints, in finishing order
        int[] finish = new int[moments];
        java.util.Arrays.fill(finish, -1);
        for (int t = 0; t < kept; t++) finish[timesK[t]] = t;
        Integer[] order = new Integer[moments];
        for (int k = 0; k < moments; k++) order[k] = k;
        java.util.Arrays.sort(order, (x, y) -> finish[x] != finish[y] ? Integer.compare(finish[x], finish[y]) : Integer.compare(x, y));
        List<Integer> targets = new ArrayList<>();
        for (Integer k : order) if (finish[k] >= 0) targets.add(k);
        fwdTarget = new int[targets.size()];
        fwdStart = new int[targets.size() + 1];
        fwdP = new int[kept];
        fwdQ = new int[kept];
        fwdM = new double[kept];
        {
            Map<Integer, Integer> group = new HashMap<>();
            for (int g = 0; g < targets.size(); g++) { fwdTarget[g] = targets.get(g); group.put(targets.get(g), g); }
            int[] count = new int[targets.size()];
            for (int t = 0; t < kept; t++) count[group.get(timesK[t])]++;
            for (int g = 0; g < targets.size(); g++) fwdStart[g + 1] = fwdStart[g] + count[g];
            int[] fill = java.util.Arrays.copyOf(fwdStart, targets.size());
            for (int t = 0; t < kept; t++) {
                int e = fill[group.get(timesK[t])]++;
                fwdP[e] = timesP[t];
                fwdQ[e] = timesQ[t];
                fwdM[e] = timesM[t];
            }
        }
        seed = new double[moments];
        for (int l = 0; l < mapping.length; l++) seed[mapping[l]] += momentCoeffs[l];
        {
            List<List<int[]>> uses = new ArrayList<>();
            for (int k = 0; k < moments; k++) uses.add(new ArrayList<>());
            for (int t = 0; t < kept; t++) {
                uses.get(timesP[t]).add(new int[] {timesK[t], timesQ[t], t});
                uses.get(timesQ[t]).add(new int[] {timesK[t], timesP[t], t});
            }
            List<Integer> bm = new ArrayList<>();
            int total = 0;
            for (int i = moments - 1; i >= 0; i--) {
                int k = order[i];
                if (products.needed(k) && (!uses.get(k).isEmpty() || seed[k] != 0)) { bm.add(k); total += uses.get(k).size(); }
            }
            bwdMoment = new int[bm.size()];
            bwdStart = new int[bm.size() + 1];
            bwdK = new int[total];
            bwdOther = new int[total];
            bwdM = new double[total];
            for (int h = 0, e = 0; h < bm.size(); h++) {
                bwdMoment[h] = bm.get(h);
                for (int[] u : uses.get(bm.get(h))) {
                    bwdK[e] = u[0];
                    bwdOther[e] = u[1];
                    bwdM[e] = timesM[u[2]];
                    e++;
                }
                bwdStart[h + 1] = e;
            }
        }

        // monomials: (a, b, c) -> index, closed under lowering, parents first (by degree)
        int[] basic = m.alphaIndexBasic();
        int nb = basic.length / 4;
        int maxDeg = 0;
        for (int i = 0; i < nb; i++) maxDeg = Math.max(maxDeg, basic[4 * i + 1] + basic[4 * i + 2] + basic[4 * i + 3]);
        MonomialSet set = new MonomialSet();
        List<int[]> wanted = new ArrayList<>();
        int[] neededBasics = products.neededBasics(m);
        for (int i : neededBasics) wanted.add(new int[] {basic[4 * i + 1], basic[4 * i + 2], basic[4 * i + 3]});
        // add every needed monomial with its whole lowering chain (x first, then y, then z)
        for (int[] w : wanted) {
            for (int a = 0; a <= w[0]; a++) set.add(a, 0, 0);
            for (int b = 0; b <= w[1]; b++) set.add(w[0], b, 0);
            for (int c = 0; c <= w[2]; c++) set.add(w[0], w[1], c);
        }
        List<int[]> monos = set.order();
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
            int parent = set.indexOf(q[0], q[1], q[2]);
            if (parent < 0) throw new IllegalStateException("monomial plan is not closed under lowering");
            monoParent[s] = parent;
            monoAxis[s] = axis;
        }
        if (monoDegree[0] != 0) throw new IllegalStateException("monomial plan must start with the constant");

        int count = neededBasics.length;
        basicMoment = neededBasics;
        basicFunc = new int[count];
        basicMono = new int[count];
        for (int o = 0; o < count; o++) {
            int i = neededBasics[o];
            basicFunc[o] = basic[4 * i];
            basicMono[o] = set.indexOf(basic[4 * i + 1], basic[4 * i + 2], basic[4 * i + 3]);
        }
        monoStart = new int[monomials + 1];
        monoBasics = new int[count];
        funcStart = new int[funcs + 1];
        funcBasics = new int[count];
        for (int b = 0; b < count; b++) { monoStart[basicMono[b] + 1]++; funcStart[basicFunc[b] + 1]++; }
        for (int s = 0; s < monomials; s++) monoStart[s + 1] += monoStart[s];
        for (int mu = 0; mu < funcs; mu++) funcStart[mu + 1] += funcStart[mu];
        int[] mf = java.util.Arrays.copyOf(monoStart, monomials), ff = java.util.Arrays.copyOf(funcStart, funcs);
        for (int b = 0; b < count; b++) { monoBasics[mf[basicMono[b]]++] = b; funcBasics[ff[basicFunc[b]]++] = b; }
        if (maxDeg > 64) throw new IllegalArgumentException("MTP: angular degree " + maxDeg + " is implausibly high");
    }
}
