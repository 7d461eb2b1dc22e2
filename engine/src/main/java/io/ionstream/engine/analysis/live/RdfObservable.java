package io.ionstream.engine.analysis.live;

/**
 * Radial distribution function g_ab(r) of a species pair (or all atoms), normalised as LAMMPS
 * {@code compute rdf}: g = H / (N_a (N_b − δ) V_shell / V) with H the ordered-pair histogram,
 * δ the number of atoms in both groups (self pairs excluded), bins of equal width up to r_max,
 * r at bin centres. Partials: the histogram and the group counts of one frame; a time average
 * is the mean of the per-frame g(r) (what LAMMPS's {@code fix ave/time} of the compute gives).
 */
public final class RdfObservable implements Observable {
    private final String a, b;
    private final double rmax;
    private final int bins;
    private boolean[] ma, mb;
    private io.ionstream.engine.system.SpeciesTable seen;

    /** {@code a} and {@code b} are species symbols, or "*" for all atoms. */
    public RdfObservable(String a, String b, double rmax, int bins) {
        if (!(rmax > 0) || bins < 1) throw new IllegalArgumentException("RDF needs r_max > 0 and bins ≥ 1");
        this.a = a;
        this.b = b;
        this.rmax = rmax;
        this.bins = bins;
    }

    @Override public String name() { return "rdf_" + a + "_" + b; }
    @Override public double neighborRadius() { return rmax; }
    @Override public int partialLength() { return bins + 3; }

    @Override
    public String[] valueNames() {
        String[] n = new String[2 * bins];
        for (int k = 0; k < bins; k++) {
            n[k] = "g[" + k + "]";
            n[bins + k] = "coordination[" + k + "]";
        }
        return n;
    }

    /** Centre of bin k (Å). */
    public double r(int k) { return (k + 0.5) * rmax / bins; }

    private boolean[] mask(LocalAtoms at, String s) {
        if (s.equals("*")) {
            boolean[] m = new boolean[at.species.size()];
            java.util.Arrays.fill(m, true);
            return m;
        }
        return LocalAtoms.typeMask(at.species, s);
    }

    @Override
    public void accumulate(LocalAtoms at, int column, double[] p, int o) {
        if (!at.species.equals(seen)) {
            ma = mask(at, a);
            mb = mask(at, b);
            seen = at.species;
        }
        int[] off = at.full.offsets(), nb = at.full.neighbors();
        double r2max = rmax * rmax, inv = bins / rmax;
        for (int i = 0; i < at.nlocal; i++) {
            int ti = at.type[i];
            if (mb[ti]) p[o + bins + 1] += 1;
            if (ma[ti] && mb[ti]) p[o + bins + 2] += 1;
            if (!ma[ti]) continue;
            p[o + bins] += 1;
            for (int q = off[i]; q < off[i + 1]; q++) {
                int j = nb[q];
                if (!mb[at.type[j]]) continue;
                double d2 = at.distance2(i, j);
                if (d2 >= r2max) continue;
                int k = (int) (Math.sqrt(d2) * inv);
                if (k < bins) p[o + k] += 1;
            }
        }
    }

    @Override
    public void finish(double[] t, int o, GlobalFrame g, double[] out) {
        double na = t[o + bins], nbCount = t[o + bins + 1], dup = t[o + bins + 2];
        double norm = na > 0 ? nbCount - dup / na : 0;
        double constant = 4.0 * Math.PI / (3.0 * g.box().volume());
        double delta = rmax / bins, coord = 0;
        for (int k = 0; k < bins; k++) {
            double lo = k * delta, hi = (k + 1) * delta;
            double vfrac = constant * (hi * hi * hi - lo * lo * lo);
            double gr = vfrac * norm != 0 && na > 0 ? t[o + k] / (vfrac * norm * na) : 0;
            coord += gr * vfrac * norm;
            out[k] = gr;
            out[bins + k] = coord;
        }
    }
}
