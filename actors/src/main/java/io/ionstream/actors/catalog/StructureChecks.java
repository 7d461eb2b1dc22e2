package io.ionstream.actors.catalog;

import io.ionstream.engine.structure.PairSearch;
import io.ionstream.engine.system.AtomSystem;
import io.ionstream.engine.system.Elements;
import io.ionstream.proto.v1.Problem;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What makes a structure unfit to simulate, each problem named by atom id: no atoms, non-finite
 * coordinates or charges, duplicate ids, species that are not elements, atoms closer than the
 * minimum distance (overlaps). A non-neutral total charge is a warning.
 */
public final class StructureChecks {
    /** Overlapping pairs listed in full before the rest are counted. */
    private static final int LIST = 5;

    private StructureChecks() {}

    public static List<Problem> check(AtomSystem sys, double minDistance) {
        List<Problem> out = new ArrayList<>();
        int n = sys.size();
        if (n == 0) {
            out.add(error("the structure has no atoms"));
            return out;
        }
        for (int t = 0; t < sys.species().size(); t++) {
            String s = sys.species().symbol(t);
            if (!Elements.isElement(s)) {
                out.add(error("atom type " + (t + 1) + " ('" + s + "') is not a chemical element; name the species of every type"));
            }
        }
        double[] x = sys.x(), q = sys.q();
        long[] id = sys.id();
        boolean finite = true;
        for (int i = 0; i < n; i++) {
            for (int d = 0; d < 3; d++) {
                if (!Double.isFinite(x[3 * i + d])) {
                    out.add(error("atom " + id[i] + " has a non-finite coordinate (" + x[3 * i] + ", " + x[3 * i + 1] + ", " + x[3 * i + 2] + ")"));
                    finite = false;
                    break;
                }
            }
            if (!Double.isFinite(q[i])) out.add(error("atom " + id[i] + " has a non-finite charge " + q[i]));
        }
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < n; i++) {
            if (!seen.add(id[i])) {
                out.add(error("atom id " + id[i] + " appears more than once"));
                break;
            }
        }
        if (finite && minDistance > 0) overlaps(sys, minDistance, out);
        double total = 0;
        for (int i = 0; i < n; i++) total += q[i];
        if (Double.isFinite(total) && Math.abs(total) > 1e-6) {
            out.add(Problem.newBuilder().setSeverity(Problem.Severity.WARNING)
                .setMessage(String.format(Locale.ROOT, "the total charge is %.6g e, not zero", total)).build());
        }
        return out;
    }

    private static void overlaps(AtomSystem sys, double minDistance, List<Problem> out) {
        long[] id = sys.id();
        int[] type = sys.type();
        List<String> pairs = new ArrayList<>();
        int[] count = {0};
        PairSearch.visit(sys.box(), sys.x(), sys.size(), minDistance, (i, j, r) -> {
            if (r >= minDistance) return;
            count[0]++;
            if (pairs.size() < LIST) {
                pairs.add(i == j
                    ? String.format(Locale.ROOT, "atom %d (%s) is %.3f Å from its own periodic image", id[i], sys.species().symbol(type[i]), r)
                    : String.format(Locale.ROOT, "atoms %d (%s) and %d (%s) are %.3f Å apart", id[i], sys.species().symbol(type[i]), id[j],
                        sys.species().symbol(type[j]), r));
            }
        });
        if (count[0] == 0) return;
        String more = count[0] > LIST ? " and " + (count[0] - LIST) + " more pairs" : "";
        out.add(error(String.format(Locale.ROOT, "overlapping atoms (closer than %.2f Å): %s%s", minDistance, String.join("; ", pairs), more)));
    }

    public static boolean ok(List<Problem> problems) {
        return problems.stream().noneMatch(p -> p.getSeverity() == Problem.Severity.ERROR);
    }

    /** The error messages joined, for a refusal. */
    public static String errors(List<Problem> problems) {
        return String.join("; ", problems.stream().filter(p -> p.getSeverity() == Problem.Severity.ERROR).map(Problem::getMessage).toList());
    }

    private static Problem error(String m) {
        return Problem.newBuilder().setSeverity(Problem.Severity.ERROR).setMessage(m).build();
    }
}
