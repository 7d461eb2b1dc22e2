package io.ionstream.engine.structure;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A crystal ready to be tiled: lattice vectors of the conventional cell (rows, Å, in the crystal's
 * Cartesian frame), the lattice-centring translations that make the Bravais lattice (fractional),
 * the sites of the conventional cell, the output species order, the formula unit and the formal
 * charges used to check neutrality.
 *
 * <p>Construction checks that the cell holds a whole number of formula units and that the formula
 * unit is neutral with the given charges.
 */
public record Crystal(String name, double[][] lattice, double[][] centring, List<CrystalSite> sites,
                      List<String> species, Map<String, Integer> formulaUnit, Map<String, Integer> formalCharges) {

    public Crystal {
        if (lattice.length != 3) throw new IllegalArgumentException(name + ": lattice needs 3 vectors");
        double[][] l = new double[3][];
        for (int k = 0; k < 3; k++) l[k] = lattice[k].clone();
        lattice = l;
        double[][] c = new double[centring.length][];
        for (int k = 0; k < c.length; k++) c[k] = centring[k].clone();
        centring = c;
        sites = List.copyOf(sites);
        species = List.copyOf(species);
        formulaUnit = Collections.unmodifiableMap(new LinkedHashMap<>(formulaUnit));
        formalCharges = Collections.unmodifiableMap(new LinkedHashMap<>(formalCharges));
        if (!(Geometry.det(lattice) > 0)) throw new IllegalArgumentException(name + ": lattice vectors are not right-handed");
        for (CrystalSite s : sites) {
            if (!species.contains(s.species())) {
                throw new IllegalArgumentException(name + ": site " + s.wyckoff() + " has species " + s.species()
                    + " which is not in the species list " + species);
            }
        }
        Stoichiometry.formulaUnits(name, countBySpecies(sites, species), formulaUnit);
        int q = 0;
        for (var e : formulaUnit.entrySet()) {
            Integer z = formalCharges.get(e.getKey());
            if (z == null) throw new IllegalArgumentException(name + ": no formal charge for " + e.getKey());
            q += z * e.getValue();
        }
        if (q != 0) throw new IllegalArgumentException(name + ": formula unit has formal charge " + q + ", not 0");
    }

    /** Cartesian position (Å, crystal frame) of fractional coordinates. */
    public double[] cartesian(double[] f) {
        double[] r = new double[3];
        for (int k = 0; k < 3; k++) r[k] = f[0] * lattice[0][k] + f[1] * lattice[1][k] + f[2] * lattice[2][k];
        return r;
    }

    /** Fractional coordinates of a Cartesian position (crystal frame). */
    public double[] fractional(double[] r) {
        return Geometry.solveRows(lattice, r);
    }

    /** True when the Cartesian vector is a translation of the (centred) Bravais lattice. */
    public boolean isLatticeTranslation(double[] r, double tol) {
        double[] f = fractional(r);
        for (double[] c : centring) {
            boolean all = true;
            for (int k = 0; k < 3 && all; k++) {
                double d = f[k] - c[k];
                if (Math.abs(d - Math.rint(d)) > tol) all = false;
            }
            if (all) return true;
        }
        return false;
    }

    public double cellVolume() { return Geometry.det(lattice); }

    /** Sites (atoms) per conventional cell; a split site counts once. */
    public int atomsPerCell() { return sites.size(); }

    /** Formula units per conventional cell. */
    public int formulaUnitsPerCell() {
        return Stoichiometry.formulaUnits(name, countBySpecies(sites, species), formulaUnit);
    }

    /** The enantiomorphic setting: every position inverted through the origin. */
    public Crystal inverted() {
        List<CrystalSite> inv = new ArrayList<>(sites.size());
        for (CrystalSite s : sites) {
            double[][] alt = null;
            if (s.isSplit()) {
                alt = new double[s.alternatives().length][];
                for (int k = 0; k < alt.length; k++) alt[k] = negateNearest(s.alternatives()[k], s.position());
            }
            double[] p = negateWrapped(s.position());
            double[] anchor = s.anchor() == null ? null : negateNearest(s.anchor(), s.position());
            inv.add(new CrystalSite(s.species(), s.wyckoff(), p, alt, anchor));
        }
        return new Crystal(name + " (inverted)", lattice, centring, inv, species, formulaUnit, formalCharges);
    }

    /**
     * True when the Cartesian point operation {@code m} (3×3 row-major, about the origin) maps
     * every site, split alternatives included, onto a site of the same species modulo lattice
     * translations: a numerical symmetry test.
     */
    public boolean isInvariantUnder(double[] m, double tol) {
        List<double[]> pos = new ArrayList<>();
        List<String> sp = new ArrayList<>();
        for (CrystalSite s : sites) {
            for (double[] p : s.candidates()) { pos.add(p); sp.add(s.species()); }
        }
        for (int i = 0; i < pos.size(); i++) {
            double[] r = Geometry.apply(m, cartesian(pos.get(i)));
            boolean found = false;
            for (int j = 0; j < pos.size() && !found; j++) {
                if (!sp.get(j).equals(sp.get(i))) continue;
                double[] d = cartesian(pos.get(j));
                for (int k = 0; k < 3; k++) d[k] = r[k] - d[k];
                found = isLatticeTranslation(d, tol);
            }
            if (!found) return false;
        }
        return true;
    }

    static Map<String, Integer> countBySpecies(List<CrystalSite> sites, List<String> species) {
        Map<String, Integer> c = new LinkedHashMap<>();
        for (String s : species) c.put(s, 0);
        for (CrystalSite s : sites) c.merge(s.species(), 1, Integer::sum);
        return c;
    }

    /** −q, translated by the same lattice vector that wraps −p into the cell (keeps q next to p). */
    private static double[] negateNearest(double[] q, double[] p) {
        double[] out = new double[3];
        for (int k = 0; k < 3; k++) out[k] = -q[k] + (WyckoffExpander.wrap(-p[k]) - (-p[k]));
        return out;
    }

    private static double[] negateWrapped(double[] p) {
        return new double[] {WyckoffExpander.wrap(-p[0]), WyckoffExpander.wrap(-p[1]), WyckoffExpander.wrap(-p[2])};
    }
}
