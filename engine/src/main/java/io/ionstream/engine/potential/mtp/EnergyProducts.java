package io.ionstream.engine.potential.mtp;

/**
 * The moments of an MTP that reach its energy and the products that make them: the scalar
 * (mapped) moments and, walking the product list backwards, the operands of every product whose
 * result is needed. Products keep file order. Evaluation ({@link MtpPlan}) and training both
 * build on it; a model's coefficients play no part.
 */
public final class EnergyProducts {
    private final boolean[] needed;
    private final int[] p, q, k;
    private final double[] multiplicity;

    public EnergyProducts(MtpModel m) {
        needed = new boolean[m.momentsCount()];
        for (int s : m.alphaMomentMapping()) needed[s] = true;
        int[] times = m.alphaIndexTimes();
        int nt = times.length / 4;
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
        p = new int[kept];
        q = new int[kept];
        k = new int[kept];
        multiplicity = new double[kept];
        for (int t = 0, o = 0; t < nt; t++) {
            if (!keep[t]) continue;
            p[o] = times[4 * t];
            q[o] = times[4 * t + 1];
            multiplicity[o] = times[4 * t + 2];
            k[o] = times[4 * t + 3];
            o++;
        }
    }

    /** Whether moment {@code moment} contributes to the energy. */
    public boolean needed(int moment) { return needed[moment]; }

    /** Number of products kept. */
    public int count() { return p.length; }

    /** First operand of each kept product (a fresh copy). */
    public int[] first() { return p.clone(); }

    /** Second operand of each kept product. */
    public int[] second() { return q.clone(); }

    /** Moment each kept product adds to. */
    public int[] target() { return k.clone(); }

    /** Multiplicity of each kept product. */
    public double[] multiplicity() { return multiplicity.clone(); }

    /** The basic moments (indices into alpha_index_basic) that are needed, ascending. */
    public int[] neededBasics(MtpModel m) {
        int nb = m.alphaIndexBasic().length / 4;
        int count = 0;
        for (int i = 0; i < nb; i++) if (needed[i]) count++;
        int[] out = new int[count];
        for (int i = 0, o = 0; i < nb; i++) if (needed[i]) out[o++] = i;
        return out;
    }
}
