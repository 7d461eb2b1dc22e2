package io.ionstream.engine.structure;

import io.ionstream.engine.system.AtomSystem;
import io.ionstream.engine.system.Box;
import io.ionstream.engine.units.MetalUnits;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a builder built: composition, formula units, formal charges and their total, cell (edge
 * lengths, tilts, a/b/c and angles, volume), density, the shortest interatomic distance overall
 * and per species pair (periodic images included), plus builder-specific details (strain,
 * removed atoms, disorder, …). Printable as text and as a map for JSON.
 */
public record StructureReport(String title, String formula, Map<String, Integer> composition, int atoms,
                              String formulaUnit, int formulaUnits, Map<String, Integer> formalCharges,
                              int totalFormalCharge, double[] box, double[] lengths, double[] angles,
                              double volume, double density, double minDistance, String minDistancePair,
                              Map<String, Double> minDistanceByPair, Map<String, Object> details) {

    /** Distances searched for the per-pair minima (Å); pairs with nothing closer are left out. */
    public static final double PAIR_SEARCH_RADIUS = 4.0;

    public StructureReport {
        composition = Collections.unmodifiableMap(new LinkedHashMap<>(composition));
        formalCharges = Collections.unmodifiableMap(new LinkedHashMap<>(formalCharges));
        minDistanceByPair = Collections.unmodifiableMap(new LinkedHashMap<>(minDistanceByPair));
        details = Collections.unmodifiableMap(new LinkedHashMap<>(details));
        box = box.clone();
        lengths = lengths.clone();
        angles = angles.clone();
    }

    /**
     * Measures {@code sys}. {@code formulaUnit} may be null (no formula-unit count);
     * {@code totalFormalCharge} is the builder's own sum (it knows which Li are metallic).
     */
    public static StructureReport of(String title, AtomSystem sys, Map<String, Integer> formulaUnit,
                                     Map<String, Integer> formalCharges, int totalFormalCharge, Map<String, Object> details) {
        Map<String, Integer> comp = new LinkedHashMap<>();
        int[] counts = sys.countByType();
        for (int t = 0; t < counts.length; t++) comp.put(sys.species().symbol(t), counts[t]);
        int z = 0;
        String fu = "";
        if (formulaUnit != null) {
            z = Stoichiometry.formulaUnits(title, comp, formulaUnit);
            fu = Stoichiometry.formula(formulaUnit).replace(" ", "").replaceAll("([A-Za-z])1(?![0-9])", "$1");
        }
        Box b = sys.box();
        double[] boxv = {b.lx(), b.ly(), b.lz(), b.xy(), b.xz(), b.yz()};
        double la = b.lx(), lb = Math.hypot(b.ly(), b.xy()), lc = Math.sqrt(b.lz() * b.lz() + b.xz() * b.xz() + b.yz() * b.yz());
        double alpha = Math.toDegrees(Math.acos((b.xy() * b.xz() + b.ly() * b.yz()) / (lb * lc)));
        double beta = Math.toDegrees(Math.acos(b.xz() / lc));
        double gamma = Math.toDegrees(Math.acos(b.xy() / lb));
        double density = sys.totalMass() / b.volume() * MetalUnits.MV2D;

        Map<String, Double> byPair = new TreeMap<>();
        double[] min = {Double.POSITIVE_INFINITY};
        String[] minPair = {""};
        PairSearch.visit(b, sys.x(), sys.size(), PAIR_SEARCH_RADIUS, (i, j, r) -> {
            String key = pairName(sys, i, j);
            byPair.merge(key, r, Math::min);
            if (r < min[0]) { min[0] = r; minPair[0] = key; }
        });
        Map<String, Double> orderedPairs = new LinkedHashMap<>();
        byPair.entrySet().stream().sorted(Map.Entry.comparingByValue())
            .forEach(e -> orderedPairs.put(e.getKey(), e.getValue()));
        return new StructureReport(title, sys.formula(), comp, sys.size(), fu, z, formalCharges, totalFormalCharge,
            boxv, new double[] {la, lb, lc}, new double[] {alpha, beta, gamma}, b.volume(), density, min[0], minPair[0],
            orderedPairs, details);
    }

    private static String pairName(AtomSystem sys, int i, int j) {
        String a = sys.species().symbol(sys.type()[i]), c = sys.species().symbol(sys.type()[j]);
        int ta = sys.type()[i], tc = sys.type()[j];
        return ta <= tc ? a + "-" + c : c + "-" + a;
    }

    /** Human-readable, one fact per line. */
    public String toText() {
        List<String> lines = new ArrayList<>();
        lines.add(title);
        lines.add(String.format(Locale.ROOT, "  composition   %s: %d atoms%s", formula, atoms,
            formulaUnit.isEmpty() ? "" : ", " + formulaUnits + " formula units " + formulaUnit));
        List<String> q = new ArrayList<>();
        formalCharges.forEach((s, c) -> q.add(s + " " + (c > 0 ? "+" : "") + c));
        lines.add(String.format(Locale.ROOT, "  formal charge %s; total %d", String.join(", ", q), totalFormalCharge));
        lines.add(String.format(Locale.ROOT, "  cell          a %.4f  b %.4f  c %.4f Å,  α %.2f  β %.2f  γ %.2f°", lengths[0], lengths[1],
            lengths[2], angles[0], angles[1], angles[2]));
        lines.add(String.format(Locale.ROOT, "                lx %.4f  ly %.4f  lz %.4f Å,  tilts xy %.4f  xz %.4f  yz %.4f Å", box[0],
            box[1], box[2], box[3], box[4], box[5]));
        lines.add(String.format(Locale.ROOT, "  volume        %.3f Å³,  density %.4f g/cm³", volume, density));
        if (Double.isFinite(minDistance)) {
            StringBuilder p = new StringBuilder();
            minDistanceByPair.forEach((k, v) -> p.append(String.format(Locale.ROOT, "%s %.3f  ", k, v)));
            lines.add(String.format(Locale.ROOT, "  min distance  %.4f Å (%s);  by pair: %s", minDistance, minDistancePair, p.toString().strip()));
        } else {
            lines.add(String.format(Locale.ROOT, "  min distance  none below %.1f Å", PAIR_SEARCH_RADIUS));
        }
        details.forEach((k, v) -> lines.add(String.format(Locale.ROOT, "  %-13s %s", k, text(v))));
        return String.join("\n", lines) + "\n";
    }

    private static String text(Object v) {
        if (v instanceof Double d) return String.format(Locale.ROOT, "%.6g", d);
        if (v instanceof double[] a) {
            StringBuilder sb = new StringBuilder();
            for (double d : a) sb.append(sb.isEmpty() ? "" : ", ").append(String.format(Locale.ROOT, "%.6g", d));
            return sb.toString();
        }
        if (v instanceof int[] a) return java.util.Arrays.toString(a);
        if (v instanceof Map<?, ?> m) {
            StringBuilder sb = new StringBuilder();
            m.forEach((k, x) -> sb.append(sb.isEmpty() ? "" : ", ").append(k).append(' ').append(text(x)));
            return sb.toString();
        }
        return String.valueOf(v);
    }

    /** Nested maps, lists and numbers for {@code --json}. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("title", title);
        m.put("formula", formula);
        m.put("composition", composition);
        m.put("atoms", atoms);
        if (!formulaUnit.isEmpty()) {
            m.put("formulaUnit", formulaUnit);
            m.put("formulaUnits", formulaUnits);
        }
        m.put("formalCharges", formalCharges);
        m.put("totalFormalCharge", totalFormalCharge);
        Map<String, Object> cell = new LinkedHashMap<>();
        cell.put("lx", box[0]); cell.put("ly", box[1]); cell.put("lz", box[2]);
        cell.put("xy", box[3]); cell.put("xz", box[4]); cell.put("yz", box[5]);
        cell.put("a", lengths[0]); cell.put("b", lengths[1]); cell.put("c", lengths[2]);
        cell.put("alpha", angles[0]); cell.put("beta", angles[1]); cell.put("gamma", angles[2]);
        cell.put("volume", volume);
        m.put("cell", cell);
        m.put("density_g_cm3", density);
        m.put("minDistance", Double.isFinite(minDistance) ? minDistance : null);
        m.put("minDistancePair", minDistancePair);
        m.put("minDistanceByPair", minDistanceByPair);
        Map<String, Object> d = new LinkedHashMap<>();
        details.forEach((k, v) -> d.put(k, json(v)));
        m.put("details", d);
        return m;
    }

    private static Object json(Object v) {
        if (v instanceof double[] a) {
            List<Double> l = new ArrayList<>();
            for (double x : a) l.add(x);
            return l;
        }
        if (v instanceof int[] a) {
            List<Integer> l = new ArrayList<>();
            for (int x : a) l.add(x);
            return l;
        }
        if (v instanceof Map<?, ?> mm) {
            Map<String, Object> c = new LinkedHashMap<>();
            mm.forEach((k, x) -> c.put(String.valueOf(k), json(x)));
            return c;
        }
        return v;
    }
}
