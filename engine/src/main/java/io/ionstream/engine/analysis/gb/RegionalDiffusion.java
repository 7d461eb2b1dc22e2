package io.ionstream.engine.analysis.gb;

import io.ionstream.engine.analysis.diffusion.DiffusionFit;
import io.ionstream.engine.analysis.diffusion.DiffusionResult;
import io.ionstream.engine.analysis.diffusion.Msd;
import io.ionstream.engine.analysis.diffusion.MsdCalculator;
import io.ionstream.engine.analysis.diffusion.Projection;
import io.ionstream.engine.analysis.live.SlabRegions;
import io.ionstream.engine.analysis.trajectory.Trajectory;
import java.util.ArrayList;
import java.util.List;

/**
 * Diffusion per region of a bicrystal (Kim et al.: GB / Near_GB / Far_GB / Bulk slabs): each atom
 * belongs to the region where it spends most frames, each region's atoms get an all-origin MSD
 * and a {@link DiffusionFit}; the number of atoms in each region is also counted frame by frame.
 */
public final class RegionalDiffusion {
    private RegionalDiffusion() {}

    /**
     * One region's result; a fit that could not be made (too few atoms or points, no motion along
     * that projection) is null and its reason is listed in {@code problems}.
     */
    public record Region(String name, int atoms, Msd msd, DiffusionResult parallel, DiffusionResult perpendicular,
                         DiffusionResult total, List<String> problems) {}

    public record Result(List<Region> regions, int[][] countsOverTime) {}

    public static Result analyse(Trajectory t, int[] atoms, SlabRegions regions, boolean removeDrift, double tStart,
                                 double tEnd) {
        int nr = regions.count(), frames = t.frames();
        int[][] counts = new int[frames][nr];
        int[][] visits = new int[atoms.length][nr];
        for (int f = 0; f < frames; f++) {
            double[] x = t.positions(f);
            for (int k = 0; k < atoms.length; k++) {
                int r = regions.regionOf(x[3 * atoms[k] + 2], t.box(f));
                counts[f][r]++;
                visits[k][r]++;
            }
        }
        List<List<Integer>> members = new ArrayList<>();
        for (int r = 0; r < nr; r++) members.add(new ArrayList<>());
        for (int k = 0; k < atoms.length; k++) {
            int best = 0;
            for (int r = 1; r < nr; r++) if (visits[k][r] > visits[k][best]) best = r;
            members.get(best).add(atoms[k]);
        }
        List<Region> out = new ArrayList<>();
        for (int r = 0; r < nr; r++) {
            int[] m = members.get(r).stream().mapToInt(Integer::intValue).toArray();
            if (m.length == 0) {
                out.add(new Region(regions.name(r), 0, null, null, null, null, List.of("no atoms spend most of their time here")));
                continue;
            }
            Msd msd = MsdCalculator.allOrigins(t, m, removeDrift);
            List<String> problems = new ArrayList<>();
            out.add(new Region(regions.name(r), m.length, msd, tryFit(msd, Projection.XY, tStart, tEnd, problems),
                tryFit(msd, Projection.Z, tStart, tEnd, problems), tryFit(msd, Projection.XYZ, tStart, tEnd, problems),
                List.copyOf(problems)));
        }
        return new Result(out, counts);
    }

    private static DiffusionResult tryFit(Msd msd, Projection p, double a, double b, List<String> problems) {
        try {
            return DiffusionFit.fit(msd, p, a, b);
        } catch (IllegalArgumentException e) {
            problems.add(p + ": " + e.getMessage());
            return null;
        }
    }
}
