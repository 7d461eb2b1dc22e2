package io.ionstream.engine.learn.active;

import io.ionstream.engine.io.TrajectoryFiles;
import io.ionstream.engine.io.TrajectoryFrame;
import io.ionstream.engine.io.TrajectoryReader;
import io.ionstream.engine.io.mlip.MlipConfiguration;
import io.ionstream.engine.io.mlip.MlipSpecies;
import io.ionstream.engine.learn.Snapshot;
import io.ionstream.engine.learn.StructureSpec;
import io.ionstream.engine.system.AtomSystem;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The configurations a learning run starts from, before any potential exists: randomly strained
 * and displaced copies of built structures, and periodic cubes cut from the frames of an existing
 * (e.g. ab initio) MD trajectory. Every choice comes from the seed.
 */
public final class InitialPool {
    private InitialPool() {}

    /** {@code count} perturbed copies of {@code base} ({@link PerturbedCells}), tagged with their origin. */
    public static List<MlipConfiguration> perturbed(AtomSystem base, String name, int count, double strain, double sigma,
                                                    long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        List<MlipConfiguration> out = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            AtomSystem p = PerturbedCells.perturb(base, strain, sigma, rnd.split());
            out.add(Snapshot.of(p, Map.of("origin", "perturbed:" + name.replace(' ', '_') + ":" + k)));
        }
        return out;
    }

    /**
     * One cube of side {@code side} (0: half the cell) from each of {@code frames} evenly spaced
     * frames of a trajectory ({@link LocalCell}, no contact across the new boundaries closer than
     * {@link LocalCell#MIN_CONTACT}): of 64 placements, one at random among those that hold whole
     * formula units without removals, else the one needing the fewest.
     */
    public static List<MlipConfiguration> trajectoryCuts(Path file, MlipSpecies species, int frames, double side, int[] unit,
                                                         long seed) {
        int total = 0;
        try (TrajectoryReader r = TrajectoryFiles.open(file, speciesArray(species))) {
            while (r.next() != null) total++;
        }
        if (total == 0) throw new IllegalArgumentException(file + " has no frames");
        int want = Math.min(frames, total);
        SplittableRandom rnd = new SplittableRandom(seed);
        List<MlipConfiguration> out = new ArrayList<>();
        try (TrajectoryReader r = TrajectoryFiles.open(file, speciesArray(species))) {
            int picked = 0;
            for (int f = 0; f < total && picked < want; f++) {
                TrajectoryFrame fr = r.next();
                // evenly spaced: frame f is taken when it is the first at or after k·total/want
                if (f < (long) picked * total / want) continue;
                AtomSystem sys = frameSystem(fr, species);
                double cut = side > 0 ? side : sys.box().minPerpendicularWidth() / 2;
                LocalCell.Result best = null;
                List<LocalCell.Result> exact = new ArrayList<>();
                // 64 placements: cube centres on a 4x4x4 grid of the cell; cut planes through atom sites are avoided
                // by preferring placements that need no removals and have the widest contacts
                for (int c = 0; c < 64; c++) {
                    double[] centre = new double[3];
                    sys.box().toCartesian((c & 3) * 0.25 + 0.125, ((c >> 2) & 3) * 0.25 + 0.125, ((c >> 4) & 3) * 0.25 + 0.125,
                        centre, 0);
                    LocalCell.Result res;
                    try {
                        res = LocalCell.cube(sys, centre, cut, unit, 0, LocalCell.MIN_CONTACT);
                    } catch (IllegalArgumentException e) {
                        continue;
                    }
                    if (res.removed() == 0) exact.add(res);
                    if (best == null || res.removed() < best.removed()
                        || (res.removed() == best.removed() && res.closestContact() > best.closestContact())) {
                        best = res;
                    }
                }
                if (best == null) continue;
                LocalCell.Result chosen = exact.isEmpty() ? best : exact.get(rnd.nextInt(exact.size()));
                out.add(Snapshot.of(chosen.cell(), Map.of("origin", "cut:" + file.getFileName() + ":frame" + f
                    + ":removed" + chosen.removed())));
                picked++;
            }
        }
        return out;
    }

    private static String[] speciesArray(MlipSpecies s) {
        String[] a = new String[s.size()];
        for (int i = 0; i < a.length; i++) a[i] = s.symbol(i);
        return a;
    }

    private static AtomSystem frameSystem(TrajectoryFrame fr, MlipSpecies species) {
        AtomSystem s = new AtomSystem(fr.species(), fr.box().copy(), fr.atoms());
        for (int i = 0; i < fr.atoms(); i++) s.add(fr.type()[i], fr.x()[3 * i], fr.x()[3 * i + 1], fr.x()[3 * i + 2]);
        for (int i = 0; i < s.size(); i++) s.box().wrap(s.x(), s.image(), i);
        return StructureSpec.inSpeciesOrder(s, species);
    }
}
