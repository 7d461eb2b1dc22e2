package io.ionstream.engine.learn.fit;

import io.ionstream.engine.potential.mtp.MtpModel;
import io.ionstream.engine.potential.mtp.MtpReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Untrained MTPs of a given level: MLIP-3's templates (levels 6-20, even, bundled as resources)
 * with the species count and the radial cut-offs set, and level 4 derived from level 6.
 *
 * <p>The level of a basic moment {μ, a, b, c} is 2 + 4μ + (a + b + c), that of a product the sum
 * of its operands' levels; a level-L template holds the scalar moments of level ≤ L ({@link #levels}).
 * {@link #truncate} keeps the scalar moments up to a lower level and drops every moment, product
 * and radial function they do not need.
 */
public final class MtpTemplates {
    /** Levels with a bundled template. */
    public static final int[] BUNDLED = {6, 8, 10, 12, 14, 16, 18, 20};

    private MtpTemplates() {}

    /** The untrained level-{@code level} MTP for {@code species} species and R_min..R_cut (Å). */
    public static MtpModel untrained(int level, int species, double minDist, double maxDist) {
        MtpModel t;
        if (level == 4) {
            t = truncate(read(6), 4);
        } else if (Arrays.stream(BUNDLED).anyMatch(l -> l == level)) {
            t = read(level);
        } else {
            throw new IllegalArgumentException("no MTP template of level " + level + ": levels are 4, "
                + Arrays.toString(BUNDLED).replaceAll("[\\[\\]]", ""));
        }
        return t.toBuilder().speciesCount(species).minDist(minDist).maxDist(maxDist).radialCoeffs(null).speciesCoeffs(null)
            .momentCoeffs(null).potentialName("MTP1m").build();
    }

    private static MtpModel read(int level) {
        String name = String.format("templates/%02d.mtp", level);
        try (InputStream in = MtpTemplates.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("MTP template resource " + name + " is missing from the build");
            return MtpReader.read(in.readAllBytes(), name).model();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The level of every moment of a model (basic by definition, products as the sum of their operands). */
    public static int[] levels(MtpModel m) {
        int[] lev = new int[m.momentsCount()];
        int[] basic = m.alphaIndexBasic();
        for (int i = 0; i < basic.length / 4; i++) {
            lev[i] = 2 + 4 * basic[4 * i] + basic[4 * i + 1] + basic[4 * i + 2] + basic[4 * i + 3];
        }
        int[] times = m.alphaIndexTimes();
        for (int t = 0; t < times.length / 4; t++) lev[times[4 * t + 3]] = lev[times[4 * t]] + lev[times[4 * t + 1]];
        return lev;
    }

    /** The highest level among a model's scalar (energy) moments. */
    public static int level(MtpModel m) {
        int[] lev = levels(m);
        int max = 0;
        for (int k : m.alphaMomentMapping()) max = Math.max(max, lev[k]);
        return max;
    }

    /** The model reduced to its scalar moments of level ≤ {@code level}, unused parts removed, moments renumbered. */
    public static MtpModel truncate(MtpModel m, int level) {
        int[] lev = levels(m);
        int[] mapping = m.alphaMomentMapping();
        int[] times = m.alphaIndexTimes();
        int[] basic = m.alphaIndexBasic();
        boolean[] needed = new boolean[m.momentsCount()];
        List<Integer> keptScalars = new ArrayList<>();
        for (int l = 0; l < mapping.length; l++) {
            if (lev[mapping[l]] <= level) {
                keptScalars.add(mapping[l]);
                needed[mapping[l]] = true;
            }
        }
        if (keptScalars.isEmpty()) throw new IllegalArgumentException("no scalar moment of level <= " + level);
        boolean[] keepTimes = new boolean[times.length / 4];
        for (int t = times.length / 4 - 1; t >= 0; t--) {
            if (needed[times[4 * t + 3]]) {
                keepTimes[t] = true;
                needed[times[4 * t]] = true;
                needed[times[4 * t + 1]] = true;
            }
        }
        int[] renum = new int[needed.length];
        int count = 0;
        // basic moments must stay first: keep their relative order, then the products
        int nb = basic.length / 4;
        for (int k = 0; k < nb; k++) renum[k] = needed[k] ? count++ : -1;
        int basicKept = count;
        for (int k = nb; k < needed.length; k++) renum[k] = needed[k] ? count++ : -1;
        int[] nbasic = new int[4 * basicKept];
        int funcs = 0;
        for (int k = 0, o = 0; k < nb; k++) {
            if (!needed[k]) continue;
            System.arraycopy(basic, 4 * k, nbasic, 4 * o++, 4);
            funcs = Math.max(funcs, basic[4 * k] + 1);
        }
        List<int[]> ntimes = new ArrayList<>();
        for (int t = 0; t < keepTimes.length; t++) {
            if (!keepTimes[t]) continue;
            ntimes.add(new int[] {renum[times[4 * t]], renum[times[4 * t + 1]], times[4 * t + 2], renum[times[4 * t + 3]]});
        }
        int[] flatTimes = new int[4 * ntimes.size()];
        for (int t = 0; t < ntimes.size(); t++) System.arraycopy(ntimes.get(t), 0, flatTimes, 4 * t, 4);
        int[] nmap = keptScalars.stream().mapToInt(k -> renum[k]).toArray();
        return m.toBuilder().radialFuncs(funcs).momentsCount(count).alphaIndexBasic(nbasic).alphaIndexTimes(flatTimes)
            .alphaMomentMapping(nmap).radialCoeffs(null).speciesCoeffs(null).momentCoeffs(null).build();
    }
}
