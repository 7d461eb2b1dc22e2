package io.ionstream.engine.analysis.external;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ionstream.engine.SharedData;
import io.ionstream.engine.analysis.diffusion.DiffusionAnalysis;
import io.ionstream.engine.analysis.trajectory.DriftReference;
import io.ionstream.engine.analysis.trajectory.Trajectory;
import io.ionstream.engine.analysis.trajectory.TrajectoryLoader;
import io.ionstream.engine.analysis.trajectory.TrajectorySource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import io.ionstream.engine.analysis.live.CageObservable;
import io.ionstream.engine.analysis.live.GlobalFrame;
import io.ionstream.engine.analysis.live.ObservableSampler;
import io.ionstream.engine.analysis.live.ObservableSet;
import io.ionstream.engine.analysis.live.SerialView;
import io.ionstream.engine.analysis.structure.CageCentres;
import io.ionstream.engine.analysis.trajectory.FrameSystem;
import io.ionstream.engine.io.TrajectoryFiles;
import io.ionstream.engine.io.TrajectoryFrame;
import io.ionstream.engine.io.TrajectoryReader;
import io.ionstream.engine.system.AtomSystem;
import org.junit.jupiter.api.Test;

/**
 * The PBE AIMD trajectories of Li6PS5Cl at 500 K (B. J. Morgan, Chem. Mater. 2021; see
 * ../shared/external-trajectories/README.md): the 50 % anion-disordered cell is diffusive within
 * its 70 ps, the ordered (0 %) one is not (its Li MSD flattens: caged motion).
 */
class MorganAimdTest {
    private static final Path DIR = SharedData.file("external-trajectories/morgan-argyrodite-aimd");

    static List<TrajectorySource> runs(String system) throws IOException {
        try (Stream<Path> s = Files.list(DIR)) {
            return s.filter(p -> p.getFileName().toString().startsWith(system + "_run"))
                .sorted((a, b) -> runNumber(a) - runNumber(b))
                .map(p -> new TrajectorySource(p.getFileName().toString(), () -> TrajectoryFiles.open(p))).toList();
        }
    }

    private static int runNumber(Path p) {
        String n = p.getFileName().toString();
        int k = n.indexOf("_run") + 4;
        return Integer.parseInt(n.substring(k, n.indexOf('_', k)));
    }

    static Trajectory load(String system) throws IOException {
        return new TrajectoryLoader().keep("Li").drift(DriftReference.FRAMEWORK).frameInterval(0.1).load(runs(system));
    }

    @Test
    void disorderedCellIsDiffusiveAndOrderedCellIsNot() throws Exception {
        Trajectory dis = load("Li6PS5Cl_50p");
        Trajectory ord = load("Li6PS5Cl_0p");
        assertEquals(700, dis.frames());
        assertEquals(700, ord.frames());
        assertEquals(192, dis.atoms());
        // the default window: 40-85 % of the 69.9 ps run
        DiffusionAnalysis d = DiffusionAnalysis.run(dis, true, null);
        DiffusionAnalysis o = DiffusionAnalysis.run(ord, true, null);
        assertEquals(0.40 * 69.9, d.windowStart(), 0.1);
        assertEquals(0.85 * 69.9, d.windowEnd(), 0.1);
        assertTrue(d.total().normal(), "50 % disorder: α = " + d.total().alpha());
        assertFalse(o.total().normal(), "0 % disorder: α = " + o.total().alpha());
        assertTrue(o.total().alpha() < 0.9);
        assertTrue(d.total().d() > 3 * o.total().d(), "disorder speeds Li diffusion up");
        assertTrue(d.total().dError() > 0 && d.total().dError() < 0.5 * d.total().d());
    }

    /**
     * Li cages: the 32 4c anions of the 2×2×2 cell are found from geometry; in the ordered cell
     * every cage starts with six Li; over the run the disordered cell has more inter-cage jumps
     * and a broader occupancy distribution.
     */
    @Test
    void cageCentresOccupancyAndJumps() throws Exception {
        double[] jumps = new double[2], neutral = new double[2];
        String[] systems = {"Li6PS5Cl_0p", "Li6PS5Cl_50p"};
        for (int s = 0; s < 2; s++) {
            List<TrajectorySource> runs = runs(systems[s]);
            ObservableSampler sampler = null;
            int frame = 0, samples = 0;
            for (TrajectorySource src : runs) {
                try (TrajectoryReader r = src.opener().get()) {
                    TrajectoryFrame f;
                    while ((f = r.next()) != null) {
                        if (frame++ % 10 != 0) continue; // every 1 ps
                        AtomSystem sys = FrameSystem.of(f);
                        if (sampler == null) {
                            long[] centres = CageCentres.find(new SerialView().build(sys, CageCentres.P_SHELL_RADIUS), "P",
                                new String[] {"S", "Cl"});
                            assertEquals(32, centres.length, systems[s] + ": 4c sites of the 2×2×2 cell");
                            sampler = new ObservableSampler(ObservableSet.of(new CageObservable(centres, "Li", 4.5, 3.0)));
                            sampler.initialise(sys);
                            double[] v0 = sampler.sample(sys, 0, null, null, new GlobalFrame(0, 0, sys.box(), 0))[0];
                            if (s == 0) assertEquals(1.0, v0[3 + 6], 0.0, "ordered cell: every cage starts with six Li");
                            assertEquals(6.0, v0[2], 1e-12, "192 Li in 32 cages");
                            continue;
                        }
                        double[] v = sampler.sample(sys, 0, null, null, new GlobalFrame(0, 0, sys.box(), 0))[0];
                        jumps[s] += v[0];
                        neutral[s] += v[3 + 6];
                        samples++;
                    }
                }
            }
            neutral[s] /= samples;
        }
        assertTrue(jumps[1] > 2 * jumps[0], "inter-cage jumps: ordered " + jumps[0] + ", disordered " + jumps[1]);
        assertTrue(neutral[1] < neutral[0], "share of neutral (six-Li) cages: ordered " + neutral[0] + ", disordered " + neutral[1]);
    }
}
