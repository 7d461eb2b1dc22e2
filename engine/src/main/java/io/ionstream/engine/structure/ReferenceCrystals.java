package io.ionstream.engine.structure;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The reduction products and the metal of the Li/argyrodite interface as conventional cells,
 * with experimental room-temperature lattice parameters (sources in each method's comment).
 * Formal charges: Li +1, S −2, Cl −1, P −3; Li metal 0.
 */
public final class ReferenceCrystals {
    private ReferenceCrystals() {}

    /** bcc Li: a = 3.510 Å at 25 °C (M. R. Nadler, C. P. Kempter, Anal. Chem. 31, 2109 (1959)). */
    public static final double LI_BCC_A = 3.510;
    /** Li2S antifluorite: a = 5.708 Å (E. Zintl, A. Harder, B. Dauth, Z. Elektrochem. 40, 588 (1934)). */
    public static final double LI2S_A = 5.708;
    /** LiCl rock salt: a = 5.130 Å at room temperature (R. W. G. Wyckoff, Crystal Structures, vol. 1, 2nd ed. (1963)). */
    public static final double LICL_A = 5.130;
    /**
     * Li3P, hexagonal P6₃/mmc (Na3As type): a = 4.264 Å, c = 7.579 Å (J. D. H. Donnay (ed.),
     * Crystal Data: Determinative Tables, 2nd ed., ACA (1963), p. 765).
     */
    public static final double LI3P_A = 4.264, LI3P_C = 7.579;
    /** z of Li on 4f (⅓, ⅔, z) in the Na3As type; 7/12 would be the ideal value. */
    public static final double LI3P_Z = 0.583;

    public static Crystal bccLithium(double a) {
        positive("bcc Li lattice constant", a);
        List<CrystalSite> s = List.of(new CrystalSite("Li", "2a", new double[] {0, 0, 0}),
            new CrystalSite("Li", "2a", new double[] {0.5, 0.5, 0.5}));
        return new Crystal("Li (bcc)", cubic(a), new double[][] {{0, 0, 0}, {0.5, 0.5, 0.5}}, s, List.of("Li"),
            Map.of("Li", 1), Map.of("Li", 0));
    }

    /** Antifluorite Li2S: S on 4a (fcc), Li on 8c (all tetrahedral holes). */
    public static Crystal lithiumSulfide(double a) {
        positive("Li2S lattice constant", a);
        List<CrystalSite> s = new ArrayList<>();
        for (double[] t : SpaceGroupF43m.F_CENTRING) {
            s.add(new CrystalSite("S", "4a", t));
            s.add(new CrystalSite("Li", "8c", shifted(t, 0.25)));
            s.add(new CrystalSite("Li", "8c", shifted(t, 0.75)));
        }
        return new Crystal("Li2S (antifluorite)", cubic(a), SpaceGroupF43m.F_CENTRING, s, List.of("Li", "S"),
            ordered("Li", 2, "S", 1), ordered("Li", 1, "S", -2));
    }

    /** Rock-salt LiCl: Cl on 4a, Li on 4b. */
    public static Crystal lithiumChloride(double a) {
        positive("LiCl lattice constant", a);
        List<CrystalSite> s = new ArrayList<>();
        for (double[] t : SpaceGroupF43m.F_CENTRING) {
            s.add(new CrystalSite("Cl", "4a", t));
            s.add(new CrystalSite("Li", "4b", shifted(t, 0.5)));
        }
        return new Crystal("LiCl (rock salt)", cubic(a), SpaceGroupF43m.F_CENTRING, s, List.of("Li", "Cl"),
            ordered("Li", 1, "Cl", 1), ordered("Li", 1, "Cl", -1));
    }

    /** Li3P (P6₃/mmc): P on 2c, Li on 2b and 4f; hexagonal cell a1 = (a, 0, 0), a2 = (−a/2, a√3/2, 0). */
    public static Crystal lithiumPhosphide(double a, double c, double z) {
        positive("Li3P lattice constant a", a);
        positive("Li3P lattice constant c", c);
        double t = 1.0 / 3, u = 2.0 / 3;
        List<CrystalSite> s = List.of(
            new CrystalSite("P", "2c", new double[] {t, u, 0.25}),
            new CrystalSite("P", "2c", new double[] {u, t, 0.75}),
            new CrystalSite("Li", "2b", new double[] {0, 0, 0.25}),
            new CrystalSite("Li", "2b", new double[] {0, 0, 0.75}),
            new CrystalSite("Li", "4f", new double[] {t, u, WyckoffExpander.wrap(z)}),
            new CrystalSite("Li", "4f", new double[] {u, t, WyckoffExpander.wrap(z + 0.5)}),
            new CrystalSite("Li", "4f", new double[] {u, t, WyckoffExpander.wrap(-z)}),
            new CrystalSite("Li", "4f", new double[] {t, u, WyckoffExpander.wrap(0.5 - z)}));
        double[][] lattice = {{a, 0, 0}, {-0.5 * a, 0.5 * Math.sqrt(3) * a, 0}, {0, 0, c}};
        return new Crystal("Li3P (P6_3/mmc)", lattice, new double[][] {{0, 0, 0}}, s, List.of("Li", "P"),
            ordered("Li", 3, "P", 1), ordered("Li", 1, "P", -3));
    }

    static double[][] cubic(double a) {
        return new double[][] {{a, 0, 0}, {0, a, 0}, {0, 0, a}};
    }

    private static double[] shifted(double[] t, double s) {
        return new double[] {WyckoffExpander.wrap(t[0] + s), WyckoffExpander.wrap(t[1] + s), WyckoffExpander.wrap(t[2] + s)};
    }

    private static Map<String, Integer> ordered(String a, int na, String b, int nb) {
        Map<String, Integer> m = new java.util.LinkedHashMap<>();
        m.put(a, na);
        m.put(b, nb);
        return m;
    }

    private static void positive(String what, double v) {
        if (!(v > 0) || !Double.isFinite(v)) throw new IllegalArgumentException(what + " must be positive, got " + v);
    }
}
