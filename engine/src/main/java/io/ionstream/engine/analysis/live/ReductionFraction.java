package io.ionstream.engine.analysis.live;

/**
 * Reduction fraction of a thiophosphate electrolyte (seed 004): every P is counted by the number
 * of S within the cut-off (3 Å), and α = (8 N(P) + 6 N(PS) + 4 N(PS₂) + 2 N(PS₃)) / (8 Z) with Z
 * the number of P (formula units): the electrons taken per P as P–S bonds break, over the 8 of
 * full reduction (Li6PS5Cl + 8 Li → 5 Li2S + Li3P + LiCl). Partials: the P counts by S
 * coordination 0, 1, 2, 3 and ≥ 4.
 */
public final class ReductionFraction implements Observable {
    private final String p, s;
    private final double cutoff;
    private int tp = -1, ts = -1;
    private io.ionstream.engine.system.SpeciesTable seen;

    public ReductionFraction(String phosphorus, String sulfur, double cutoff) {
        if (!(cutoff > 0)) throw new IllegalArgumentException("P-S cut-off must be positive, got " + cutoff);
        this.p = phosphorus;
        this.s = sulfur;
        this.cutoff = cutoff;
    }

    /** P and S with the seed's 3 Å cut-off. */
    public ReductionFraction() {
        this("P", "S", 3.0);
    }

    @Override public String name() { return "reduction"; }
    @Override public String[] valueNames() { return new String[] {"alpha", "P", "PS", "PS2", "PS3", "PS4"}; }
    @Override public int partialLength() { return 5; }
    @Override public double neighborRadius() { return cutoff; }

    @Override
    public void accumulate(LocalAtoms a, int column, double[] part, int o) {
        if (!a.species.equals(seen)) {
            tp = a.species.require(p);
            ts = a.species.require(s);
            seen = a.species;
        }
        int[] off = a.full.offsets(), nb = a.full.neighbors();
        double c2 = cutoff * cutoff;
        for (int i = 0; i < a.nlocal; i++) {
            if (a.type[i] != tp) continue;
            int n = 0;
            for (int q = off[i]; q < off[i + 1]; q++) {
                int j = nb[q];
                if (a.type[j] == ts && a.distance2(i, j) < c2) n++;
            }
            part[o + Math.min(n, 4)] += 1;
        }
    }

    @Override
    public void finish(double[] t, int o, GlobalFrame g, double[] out) {
        double z = t[o] + t[o + 1] + t[o + 2] + t[o + 3] + t[o + 4];
        out[0] = z > 0 ? (8 * t[o] + 6 * t[o + 1] + 4 * t[o + 2] + 2 * t[o + 3]) / (8 * z) : 0;
        for (int k = 0; k < 5; k++) out[1 + k] = t[o + k];
    }
}
