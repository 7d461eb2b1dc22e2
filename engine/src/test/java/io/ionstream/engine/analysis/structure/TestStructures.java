package io.ionstream.engine.analysis.structure;

import io.ionstream.engine.SharedData;
import io.ionstream.engine.io.DumpFrame;
import io.ionstream.engine.io.LammpsDumpReader;
import io.ionstream.engine.system.AtomSystem;
import io.ionstream.engine.system.Box;
import io.ionstream.engine.system.SpeciesTable;
import java.util.List;
import java.util.SplittableRandom;

/** Small structures for structure-analysis tests, built here (no dependency on the builders). */
public final class TestStructures {
    private TestStructures() {}

    /**
     * Antifluorite (Li₂S type, Fm-3m): anions on fcc sites, Li on all eight tetrahedral holes.
     * A fraction {@code pFraction} and {@code clFraction} of the anions become P and Cl (the
     * seed's 5Li₂S·Li₃P·LiCl solid solution); Gaussian displacements of standard deviation
     * {@code sigmaAnion}/{@code sigmaLi} per component mimic thermal vibration.
     */
    public static AtomSystem antifluorite(int cells, double a, double pFraction, double clFraction, double sigmaAnion,
                                          double sigmaLi, long seed) {
        SpeciesTable sp = SpeciesTable.of("Li", "P", "S", "Cl");
        AtomSystem s = new AtomSystem(sp, Box.orthorhombic(cells * a, cells * a, cells * a), 12 * cells * cells * cells);
        SplittableRandom rng = new SplittableRandom(seed);
        double[][] fcc = {{0, 0, 0}, {0.5, 0.5, 0}, {0.5, 0, 0.5}, {0, 0.5, 0.5}};
        for (int i = 0; i < cells; i++) {
            for (int j = 0; j < cells; j++) {
                for (int k = 0; k < cells; k++) {
                    for (double[] f : fcc) {
                        double u = rng.nextDouble();
                        int t = u < pFraction ? 1 : u < pFraction + clFraction ? 3 : 2;
                        add(s, t, a * (i + f[0]), a * (j + f[1]), a * (k + f[2]), sigmaAnion, rng);
                    }
                    for (int h = 0; h < 8; h++) {
                        double fx = (h & 1) == 0 ? 0.25 : 0.75, fy = (h & 2) == 0 ? 0.25 : 0.75, fz = (h & 4) == 0 ? 0.25 : 0.75;
                        add(s, 0, a * (i + fx), a * (j + fy), a * (k + fz), sigmaLi, rng);
                    }
                }
            }
        }
        s.wrapAll();
        return s;
    }

    private static void add(AtomSystem s, int type, double x, double y, double z, double sigma, SplittableRandom rng) {
        s.add(type, x + sigma * gaussian(rng), y + sigma * gaussian(rng), z + sigma * gaussian(rng));
    }

    public static double gaussian(SplittableRandom rng) {
        double u1 = 1.0 - rng.nextDouble(), u2 = rng.nextDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }

    /** The last frame of LAMMPS's Lennard-Jones argon liquid (in.msd), as a real melted sample. */
    public static AtomSystem ljLiquid(String symbol) {
        List<DumpFrame> frames = LammpsDumpReader.readAll(SharedData.file("lammps-reference/lj_liquid_traj.dump"));
        DumpFrame f = frames.get(frames.size() - 1);
        AtomSystem s = new AtomSystem(SpeciesTable.of(symbol), f.box(), f.atoms());
        double[] x = f.interleaved("xu", "yu", "zu");
        for (int i = 0; i < f.atoms(); i++) s.add(0, x[3 * i], x[3 * i + 1], x[3 * i + 2]);
        s.wrapAll();
        return s;
    }
}
