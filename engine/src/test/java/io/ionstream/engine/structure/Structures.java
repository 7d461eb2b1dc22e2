package io.ionstream.engine.structure;

import io.ionstream.engine.system.AtomSystem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Test helpers: built presets cached across test classes (the large ones take seconds), and geometry probes. */
final class Structures {
    private Structures() {}

    private static final Map<String, BuiltStructure> PRESETS = new ConcurrentHashMap<>();

    /** A preset with default settings, built once per test JVM. */
    static BuiltStructure preset(String name) {
        return PRESETS.computeIfAbsent(name, n -> StructurePresets.build(n, StructurePresets.Settings.defaults()));
    }

    /** Indices of the atoms of one species. */
    static List<Integer> ofSpecies(AtomSystem sys, String symbol) {
        int t = sys.species().require(symbol);
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < sys.size(); i++) if (sys.type()[i] == t) out.add(i);
        return out;
    }

    /** Number of atoms of species {@code other} within {@code r} of atom i (periodic, brute force over images). */
    static int neighbours(AtomSystem sys, int i, String other, double r) {
        int t = sys.species().require(other);
        int c = 0;
        double[] x = sys.x();
        double[] d = new double[3];
        for (int j = 0; j < sys.size(); j++) {
            if (sys.type()[j] != t || j == i) continue;
            d[0] = x[3 * j] - x[3 * i]; d[1] = x[3 * j + 1] - x[3 * i + 1]; d[2] = x[3 * j + 2] - x[3 * i + 2];
            sys.box().minimumImage(d, 0);
            if (d[0] * d[0] + d[1] * d[1] + d[2] * d[2] < r * r) c++;
        }
        return c;
    }

    /** Count of pairs closer than r, periodic images included. */
    static int closePairs(AtomSystem sys, double r) {
        int[] c = {0};
        PairSearch.visit(sys.box(), sys.x(), sys.size(), r, (i, j, d) -> c[0]++);
        return c[0];
    }

    /** Species and position of every atom as sortable text, rounded to 1e-6 Å after wrapping. */
    static List<String> atomSet(AtomSystem sys, String species) {
        List<String> out = new ArrayList<>();
        double[] x = sys.x().clone();
        for (int i = 0; i < sys.size(); i++) {
            String s = sys.species().symbol(sys.type()[i]);
            if (species != null && !species.equals(s)) continue;
            sys.box().wrap(x, null, i);
            out.add(String.format(java.util.Locale.ROOT, "%s %.5f %.5f %.5f", s, clean(x[3 * i], sys.box().lx()),
                clean(x[3 * i + 1], sys.box().ly()), clean(x[3 * i + 2], sys.box().lz())));
        }
        java.util.Collections.sort(out);
        return out;
    }

    private static double clean(double v, double l) {
        double r = Math.rint(v * 1e5) / 1e5;
        if (Math.abs(r - l) < 1e-5) r = 0;
        return r == -0.0 ? 0.0 : r;
    }
}
