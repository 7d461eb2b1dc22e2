package io.ionstream.engine.analysis.live;

/**
 * Profiles along z of chosen species: number density (atoms/Å³) and mean per-atom potential
 * energy (eV) in {@code bins} slabs of equal fractional height (so the bins follow the cell under
 * a barostat; seeds: ≈ 5 Å). Needs per-atom energies for the energy profile. Partials: count and
 * energy sum per bin. Empty bins report zero energy (their count says they are empty).
 */
public final class ZProfile implements Observable {
    private final String[] species;
    private final int bins;
    private final boolean energies;
    private boolean[] mask;
    private io.ionstream.engine.system.SpeciesTable seen;
    private final double[] frac = new double[3];

    public ZProfile(String[] species, int bins, boolean energies) {
        if (bins < 1) throw new IllegalArgumentException("profile needs at least one bin, got " + bins);
        this.species = species.clone();
        this.bins = bins;
        this.energies = energies;
    }

    /** Bins of about {@code width} Å for a cell of height lz. */
    public static int binsFor(double lz, double width) {
        return Math.max(1, (int) Math.round(lz / width));
    }

    @Override public String name() { return "profile"; }
    public int bins() { return bins; }

    @Override
    public String[] valueNames() {
        String[] n = new String[3 * bins];
        for (int b = 0; b < bins; b++) {
            n[b] = "count[" + b + "]";
            n[bins + b] = "density[" + b + "]";
            n[2 * bins + b] = "energy[" + b + "]";
        }
        return n;
    }

    @Override public int partialLength() { return 2 * bins; }

    @Override
    public void accumulate(LocalAtoms a, int column, double[] p, int o) {
        if (!a.species.equals(seen)) {
            mask = LocalAtoms.typeMask(a.species, species);
            seen = a.species;
        }
        if (energies && a.eatom == null) {
            throw new IllegalArgumentException("the energy profile needs per-atom energies (turn them on in the force engine)");
        }
        for (int i = 0; i < a.nlocal; i++) {
            if (!mask[a.type[i]]) continue;
            a.box.toFractional(a.x[3 * i], a.x[3 * i + 1], a.x[3 * i + 2], frac, 0);
            double s = frac[2] - Math.floor(frac[2]);
            int b = Math.min(bins - 1, (int) (s * bins));
            p[o + b] += 1;
            if (energies) p[o + bins + b] += a.eatom[i];
        }
    }

    @Override
    public void finish(double[] t, int o, GlobalFrame g, double[] out) {
        double binVolume = g.box().volume() / bins;
        for (int b = 0; b < bins; b++) {
            double n = t[o + b];
            out[b] = n;
            out[bins + b] = n / binVolume;
            out[2 * bins + b] = n > 0 ? t[o + bins + b] / n : 0;
        }
    }
}
