package io.ionstream.engine.structure;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Bulk Li6PS5X: the conventional cell from {@link Argyrodite} tiled n1 × n2 × n3, Li split sites
 * occupied ({@link SplitSites}), anion disorder applied ({@link AnionDisorderSpec}), reported.
 */
public final class ArgyroditeBuilder {
    /**
     * Shortest Li–Li distance allowed between occupied 48h sites (Å). The intra-pair 48h distance
     * (≈ 1.3 Å at the default parameters) is excluded by construction; 2.0 Å is below every
     * Li–Li distance in Li compounds (Li2S 2.85 Å, bcc Li 3.04 Å) yet above what an unlucky
     * combination of two neighbouring cages can give when x moves away from ¼.
     */
    public static final double MIN_LI_LI = 2.0;

    private ArgyroditeBuilder() {}

    /**
     * @param parameters       structure parameters
     * @param supercell        n1, n2, n3
     * @param disorder         anion-site occupation
     * @param seed             seeds the Li split-site choice and the disorder
     * @param minLithiumDistance minimum Li–Li distance between occupied split sites (Å)
     */
    public record Options(ArgyroditeParameters parameters, int[] supercell, AnionDisorderSpec disorder, long seed,
                          double minLithiumDistance) {
        public Options {
            if (supercell.length != 3) throw new IllegalArgumentException("supercell needs three repeats, got " + supercell.length);
            supercell = supercell.clone();
        }

        public static Options defaults(Halide h) {
            return new Options(ArgyroditeParameters.defaults(h), new int[] {1, 1, 1}, new AnionDisorderSpec.Ordered(), 1L, MIN_LI_LI);
        }

        public Options withSupercell(int n1, int n2, int n3) { return new Options(parameters, new int[] {n1, n2, n3}, disorder, seed, minLithiumDistance); }
        public Options withDisorder(AnionDisorderSpec d) { return new Options(parameters, supercell, d, seed, minLithiumDistance); }
        public Options withSeed(long s) { return new Options(parameters, supercell, disorder, s, minLithiumDistance); }
        public Options withParameters(ArgyroditeParameters p) { return new Options(p, supercell, disorder, seed, minLithiumDistance); }
    }

    public static BuiltStructure build(Options o) {
        Crystal crystal = Argyrodite.crystal(o.parameters());
        int[] n = o.supercell();
        CrystalTiler.Tiling t = CrystalTiler.tile(crystal, n[0], n[1], n[2]);
        AtomList atoms = t.atoms();
        int moved = SplitSites.resolve(atoms, t.box(), o.minLithiumDistance(), Seeds.stream(o.seed(), Seeds.SPLIT_SITES));
        String disorder = AnionDisorder.apply(atoms, crystal, n[0] * n[1] * n[2], o.disorder(),
            Seeds.stream(o.seed(), Seeds.ANION_DISORDER));
        Map<String, Object> details = new LinkedHashMap<>();
        details.putAll(parameterDetails(o.parameters()));
        details.put("supercell", n.clone());
        details.put("seed", o.seed());
        if (o.parameters().lithium() == LithiumSites.H48) {
            details.put("Li 48h rule", String.format(Locale.ROOT, "one of each 48h pair, Li-Li >= %.3g Å (%d pairs moved to satisfy it)",
                o.minLithiumDistance(), moved));
        }
        details.put("anion sites", disorder);
        details.put("X on 4c", halideOn4c(atoms, crystal));
        var sys = atoms.toSystem(t.box());
        Map<String, Integer> counts = atoms.counts();
        int q = Stoichiometry.formalCharge(crystal.name(), counts, crystal.formalCharges());
        Stoichiometry.requireNeutral(crystal.name(), q);
        String title = String.format(Locale.ROOT, "%s %d×%d×%d supercell", crystal.name(), n[0], n[1], n[2]);
        return new BuiltStructure(sys, StructureReport.of(title, sys, crystal.formulaUnit(), crystal.formalCharges(), q, details));
    }

    static Map<String, Object> parameterDetails(ArgyroditeParameters p) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("lattice", p.lattice());
        d.put("S 16e x", p.sulfur16eX());
        d.put("Li sites", p.lithium() == LithiumSites.G24
            ? String.format(Locale.ROOT, "24g (x,1/4,1/4), x = %.4g", p.lithium24gX())
            : String.format(Locale.ROOT, "48h (x,x,z), x = %.4g, z = %.4g, half occupied", p.lithium48hX(), p.lithium48hZ()));
        return d;
    }

    /** Fraction of the 4c sites that hold the halide. */
    static double halideOn4c(AtomList atoms, Crystal crystal) {
        int tx = atoms.typeOf(crystal.species().get(crystal.species().size() - 1));
        int c = 0, x = 0;
        for (int i = 0; i < atoms.n; i++) {
            if (!atoms.wyckoff(i).equals(Argyrodite.WYCKOFF_S_FREE)) continue;
            c++;
            if (atoms.type[i] == tx) x++;
        }
        return c == 0 ? 0 : (double) x / c;
    }
}
