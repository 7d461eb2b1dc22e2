package io.ionstream.engine.structure;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The conventional F-43m cell of Li6PS5X (52 atoms, 4 formula units) generated from Wyckoff
 * representatives by {@link SpaceGroupF43m}: X on 4a (0,0,0), S on 4c (¼,¼,¼), P on 4b (½,½,½),
 * S on 16e (x,x,x), Li on 24g (x,¼,¼) or split over 48h (x,x,z).
 *
 * <p>Formal charges: Li +1, P +5, S −2, X −1 (6 − 10 + 5 − 1 = 0 per formula unit).
 */
public final class Argyrodite {
    private Argyrodite() {}

    public static final String WYCKOFF_X = "4a";
    public static final String WYCKOFF_S_FREE = "4c";
    public static final String WYCKOFF_P = "4b";
    public static final String WYCKOFF_S_PS4 = "16e";

    public static Crystal crystal(ArgyroditeParameters p) {
        String x = p.halide().symbol();
        List<CrystalSite> sites = new ArrayList<>(52);
        addOrbit(sites, x, WYCKOFF_X, 4, 0, 0, 0);
        addOrbit(sites, "S", WYCKOFF_S_FREE, 4, 0.25, 0.25, 0.25);
        addOrbit(sites, "P", WYCKOFF_P, 4, 0.5, 0.5, 0.5);
        double s = p.sulfur16eX();
        addOrbit(sites, "S", WYCKOFF_S_PS4, 16, s, s, s);
        if (p.lithium() == LithiumSites.G24) {
            addOrbit(sites, "Li", "24g", 24, p.lithium24gX(), 0.25, 0.25);
        } else {
            addSplitLithium(sites, p.lithium48hX(), p.lithium48hZ());
        }
        anchor(sites);
        double a = p.lattice();
        return new Crystal("Li6PS5" + x, new double[][] {{a, 0, 0}, {0, a, 0}, {0, 0, a}}, SpaceGroupF43m.F_CENTRING,
            sites, List.of("Li", "P", "S", x), formulaUnit(x), formalCharges(x));
    }

    /** Li6 P1 S5 X1. */
    public static Map<String, Integer> formulaUnit(String x) {
        Map<String, Integer> m = new LinkedHashMap<>();
        m.put("Li", 6); m.put("P", 1); m.put("S", 5); m.put(x, 1);
        return m;
    }

    /** Li +1, P +5, S −2, X −1. */
    public static Map<String, Integer> formalCharges(String x) {
        Map<String, Integer> m = new LinkedHashMap<>();
        m.put("Li", 1); m.put("P", 5); m.put("S", -2); m.put(x, -1);
        return m;
    }

    private static void addOrbit(List<CrystalSite> out, String species, String wyckoff, int multiplicity,
                                 double x, double y, double z) {
        List<double[]> orbit = SpaceGroupF43m.orbit(x, y, z);
        if (orbit.size() != multiplicity) {
            throw new IllegalArgumentException(String.format("%s on %s (%.4g, %.4g, %.4g) gives %d positions, not %d: "
                + "the parameter puts it on a special position", species, wyckoff, x, y, z, orbit.size(), multiplicity));
        }
        for (double[] f : orbit) out.add(new CrystalSite(species, wyckoff, f));
    }

    /**
     * Li split over 48h: each 48h position is paired with the 24g site (¼, ¼, z)-type it flanks
     * (its nearest 24g site with x = z); every 24g site must get exactly two, symmetric about it.
     */
    private static void addSplitLithium(List<CrystalSite> out, double x, double z) {
        List<double[]> h = SpaceGroupF43m.orbit(x, x, z);
        List<double[]> g = SpaceGroupF43m.orbit(z, 0.25, 0.25);
        if (h.size() != 48 || g.size() != 24) {
            throw new IllegalArgumentException(String.format("Li 48h (%.4g, %.4g, %.4g) gives %d positions (24g centres %d), "
                + "not 48 (24): the parameters put Li on a special position", x, x, z, h.size(), g.size()));
        }
        List<List<double[]>> pairs = new ArrayList<>();
        for (int k = 0; k < g.size(); k++) pairs.add(new ArrayList<>());
        for (double[] p : h) {
            int best = -1;
            double bd = Double.MAX_VALUE;
            for (int k = 0; k < g.size(); k++) {
                double d = periodicDistance2(p, g.get(k));
                if (d < bd) { bd = d; best = k; }
            }
            pairs.get(best).add(p);
        }
        for (int k = 0; k < g.size(); k++) {
            List<double[]> pair = pairs.get(k);
            double[] c = g.get(k);
            if (pair.size() != 2 || !symmetricAbout(pair.get(0), pair.get(1), c)) {
                throw new IllegalArgumentException(String.format("Li 48h (%.4g, %.4g, %.4g): the positions do not form pairs "
                    + "around the 24g sites (%.4g, ¼, ¼); choose x near ¼ and a small z", x, x, z, z));
            }
            out.add(new CrystalSite("Li", "48h", c, new double[][] {nearestImage(pair.get(0), c), nearestImage(pair.get(1), c)}, null));
        }
    }

    /**
     * Binds each PS4 sulfur (16e) to its P (4b) and each Li to the free S (4c) its cage
     * surrounds, so that slabs cut by unit keep tetrahedra and cages whole.
     */
    private static void anchor(List<CrystalSite> sites) {
        List<double[]> p = new ArrayList<>(), cage = new ArrayList<>();
        for (CrystalSite s : sites) {
            if (s.wyckoff().equals(WYCKOFF_P)) p.add(s.position());
            if (s.wyckoff().equals(WYCKOFF_S_FREE)) cage.add(s.position());
        }
        for (int i = 0; i < sites.size(); i++) {
            CrystalSite s = sites.get(i);
            List<double[]> centres = s.wyckoff().equals(WYCKOFF_S_PS4) ? p : s.species().equals("Li") ? cage : null;
            if (centres == null) continue;
            double[] best = null;
            double bd = Double.MAX_VALUE;
            for (double[] c : centres) {
                double d = periodicDistance2(s.position(), c);
                if (d < bd) { bd = d; best = c; }
            }
            sites.set(i, s.withAnchor(nearestImage(best, s.position())));
        }
    }

    /** The periodic image of {@code p} nearest to {@code ref} (fractional). */
    static double[] nearestImage(double[] p, double[] ref) {
        double[] out = new double[3];
        for (int k = 0; k < 3; k++) out[k] = p[k] - Math.rint(p[k] - ref[k]);
        return out;
    }

    private static double periodicDistance2(double[] a, double[] b) {
        double s = 0;
        for (int k = 0; k < 3; k++) {
            double d = a[k] - b[k];
            d -= Math.rint(d);
            s += d * d;
        }
        return s;
    }

    private static boolean symmetricAbout(double[] p, double[] q, double[] c) {
        for (int k = 0; k < 3; k++) {
            double dp = p[k] - c[k], dq = q[k] - c[k];
            dp -= Math.rint(dp);
            dq -= Math.rint(dq);
            if (Math.abs(dp + dq) > 1e-6) return false;
        }
        return true;
    }
}
