package io.ionstream.engine.analysis.live;

import io.ionstream.engine.analysis.structure.AdaptiveCna;
import io.ionstream.engine.analysis.structure.LocalStructure;

/**
 * Crystallinity of the antifluorite-type reaction product (Li₂S-like solid solution with S, P
 * and Cl on an fcc anion sublattice): the fraction of anions whose anion neighbourhood is fcc by
 * {@link AdaptiveCna} on the anion sublattice alone. The argyrodite's own anion arrangement is
 * not fcc, so in an electrolyte/anode system this is the crystallised share of all anions, i.e.
 * of the total possible conversion. Partials: anion counts classified fcc, hcp, other.
 */
public final class CrystallinityObservable implements Observable {
    /** Anion-anion search radius: covers the 12 nearest anions of Li₂S-like lattices (a ≤ 6.6 Å). */
    public static final double DEFAULT_RADIUS = 5.5;
    private final String[] anions;
    private final double radius;
    private final AdaptiveCna cna = new AdaptiveCna();
    private boolean[] mask;
    private io.ionstream.engine.system.SpeciesTable seen;

    public CrystallinityObservable(String[] anions, double radius) {
        if (anions.length == 0) throw new IllegalArgumentException("crystallinity needs the anion species");
        if (!(radius > 0)) throw new IllegalArgumentException("search radius must be positive, got " + radius);
        this.anions = anions.clone();
        this.radius = radius;
    }

    /** S, P and Cl with the default radius. */
    public CrystallinityObservable() {
        this(new String[] {"S", "P", "Cl"}, DEFAULT_RADIUS);
    }

    @Override public String name() { return "crystallinity"; }
    @Override public String[] valueNames() { return new String[] {"crystallinity", "hcp_fraction", "anions", "fcc", "hcp"}; }
    @Override public int partialLength() { return 3; }
    @Override public double neighborRadius() { return radius; }

    private boolean[] mask(LocalAtoms a) {
        if (!a.species.equals(seen)) {
            seen = a.species;
            mask = new boolean[a.species.size()];
            for (String s : anions) {
                int t = a.species.indexOf(s);
                if (t >= 0) mask[t] = true; // a system may lack one of the anions (pure Li2S)
            }
        }
        return mask;
    }

    @Override
    public void accumulate(LocalAtoms a, int column, double[] p, int o) {
        boolean[] m = mask(a);
        for (int i = 0; i < a.nlocal; i++) {
            if (!m[a.type[i]]) continue;
            LocalStructure s = cna.classify(a, i, m);
            p[o + (s == LocalStructure.FCC ? 0 : s == LocalStructure.HCP ? 1 : 2)] += 1;
        }
    }

    @Override
    public void finish(double[] t, int o, GlobalFrame g, double[] out) {
        double n = t[o] + t[o + 1] + t[o + 2];
        out[0] = n > 0 ? t[o] / n : 0;
        out[1] = n > 0 ? t[o + 1] / n : 0;
        out[2] = n;
        out[3] = t[o];
        out[4] = t[o + 1];
    }
}
