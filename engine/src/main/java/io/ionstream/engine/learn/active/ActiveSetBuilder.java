package io.ionstream.engine.learn.active;

import io.ionstream.engine.io.mlip.MlipConfiguration;
import io.ionstream.engine.learn.fit.SiteGradients;
import io.ionstream.engine.potential.mtp.MtpModel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Active sets for a trained potential: {@link #fromTrainingSet} selects, by MaxVol over every
 * atomic neighbourhood of the training configurations, the n rows of largest volume (MLIP-3's
 * selection after training); {@link #selectAdd} picks, among candidate configurations (e.g. those
 * collected during MD), the ones whose neighbourhoods would enter the set, i.e. the most
 * informative to label.
 */
public final class ActiveSetBuilder {
    /** Swapping stops when no candidate has a grade above this (MLIP's default tolerance). */
    public static final double TOLERANCE = 1.001;

    private ActiveSetBuilder() {}

    /** The set and the configurations its rows refer to (only those that own rows, renumbered). */
    public record Selection(MaxVol set, List<MlipConfiguration> configurations) {}

    public static Selection fromTrainingSet(MtpModel model, List<MlipConfiguration> training) {
        MaxVol set = MaxVol.initial(model.coefficientCount());
        add(set, model, training, 0, TOLERANCE, Integer.MAX_VALUE);
        // keep only the configurations that own rows, renumbered in their original order
        Map<Integer, Integer> map = new LinkedHashMap<>();
        for (int k = 0; k < set.size(); k++) if (set.configurationOf(k) >= 0) map.putIfAbsent(set.configurationOf(k), 0);
        List<Integer> used = new ArrayList<>(map.keySet());
        used.sort(Integer::compare);
        int[] renum = new int[training.size()];
        java.util.Arrays.fill(renum, -1);
        List<MlipConfiguration> kept = new ArrayList<>();
        for (int c : used) {
            renum[c] = kept.size();
            kept.add(training.get(c));
        }
        set.renumberConfigurations(renum);
        return new Selection(set, kept);
    }

    /**
     * Indices of at most {@code limit} candidates whose neighbourhoods enter a copy of the
     * training set's active set (MLIP's select-add): candidates are swapped in while some
     * neighbourhood grades above {@code threshold}; when more configurations entered than the
     * limit, those holding the most rows of the final set are taken (then the earlier ones).
     */
    public static List<Integer> selectAdd(MtpModel model, List<MlipConfiguration> training, List<MlipConfiguration> candidates,
                                          double threshold, int limit) {
        MaxVol set = MaxVol.initial(model.coefficientCount());
        add(set, model, training, 0, TOLERANCE, Integer.MAX_VALUE);
        int base = training.size();
        add(set, model, candidates, base, Math.max(threshold, TOLERANCE), Integer.MAX_VALUE);
        int[] rows = new int[candidates.size()];
        for (int k = 0; k < set.size(); k++) {
            int c = set.configurationOf(k) - base;
            if (c >= 0) rows[c]++;
        }
        List<Integer> chosen = new ArrayList<>();
        for (int c = 0; c < rows.length; c++) if (rows[c] > 0) chosen.add(c);
        chosen.sort((x, y) -> rows[x] != rows[y] ? Integer.compare(rows[y], rows[x]) : Integer.compare(x, y));
        List<Integer> out = new ArrayList<>(chosen.subList(0, Math.min(limit, chosen.size())));
        out.sort(Integer::compare);
        return out;
    }

    private static void add(MaxVol set, MtpModel model, List<MlipConfiguration> cfgs, int base, double threshold, int maxSwaps) {
        int n = model.coefficientCount();
        double[][] rows = SiteGradients.of(model, cfgs);
        int m = 0;
        for (double[] r : rows) m += r.length / n;
        double[] all = new double[m * n];
        int[] cfgOf = new int[m], atomOf = new int[m];
        int o = 0;
        for (int k = 0; k < rows.length; k++) {
            int atoms = rows[k].length / n;
            System.arraycopy(rows[k], 0, all, o * n, rows[k].length);
            for (int i = 0; i < atoms; i++) {
                cfgOf[o + i] = base + k;
                atomOf[o + i] = i;
            }
            o += atoms;
        }
        set.select(all, m, cfgOf, atomOf, threshold, maxSwaps);
    }
}
