package io.ionstream.engine.analysis.sei;

import io.ionstream.engine.analysis.live.CrystallinityObservable;
import io.ionstream.engine.analysis.live.GlobalFrame;
import io.ionstream.engine.analysis.live.ObservableSampler;
import io.ionstream.engine.analysis.live.ObservableSet;
import io.ionstream.engine.analysis.live.ReductionFraction;
import io.ionstream.engine.analysis.trajectory.FrameSystem;
import io.ionstream.engine.analysis.trajectory.TrajectorySource;
import io.ionstream.engine.io.TrajectoryFrame;
import io.ionstream.engine.io.TrajectoryReader;
import io.ionstream.engine.report.Table;
import java.util.ArrayList;
import java.util.List;

/**
 * Reduction fraction and crystallinity frame by frame along saved trajectories, computed with the
 * very observables a live run streams ({@link ReductionFraction}, {@link CrystallinityObservable}).
 */
public record SeiSeries(double[] time, double[] alpha, double[] crystallinity) {

    /**
     * @param frameInterval ps between frames, overriding the files' times (NaN: use the frames' times,
     *                      else step × {@code timestep})
     * @param timestep      MD time step in ps for frames that carry only a step number (NaN if unknown)
     * @param every         analyse every k-th frame
     */
    public static SeiSeries compute(List<TrajectorySource> sources, ReductionFraction reduction,
                                    CrystallinityObservable crystallinity, double frameInterval, double timestep, int every) {
        ObservableSampler sampler = new ObservableSampler(ObservableSet.of(reduction, crystallinity));
        List<double[]> rows = new ArrayList<>();
        int index = 0;
        for (TrajectorySource src : sources) {
            try (TrajectoryReader r = src.opener().get()) {
                TrajectoryFrame f;
                int inFile = 0;
                while ((f = r.next()) != null) {
                    inFile++;
                    if (index++ % every != 0) continue;
                    double t = !Double.isNaN(frameInterval) ? (index - 1) * frameInterval
                        : !Double.isNaN(f.time()) ? f.time()
                        : f.step() >= 0 && !Double.isNaN(timestep) ? f.step() * timestep : Double.NaN;
                    if (Double.isNaN(t)) {
                        throw new IllegalArgumentException(src.name() + " frame " + inFile
                            + " carries no time: give the frame interval (ps) or the MD time step");
                    }
                    double[][] v = sampler.sample(FrameSystem.of(f), 0, null, null, new GlobalFrame(f.step(), t, f.box(), 0));
                    rows.add(new double[] {t, v[0][0], v[1][0]});
                }
            }
        }
        if (rows.isEmpty()) throw new IllegalArgumentException("no frames to analyse");
        double[] t = new double[rows.size()], a = new double[rows.size()], c = new double[rows.size()];
        for (int i = 0; i < t.length; i++) {
            t[i] = rows.get(i)[0];
            a[i] = rows.get(i)[1];
            c[i] = rows.get(i)[2];
        }
        return new SeiSeries(t, a, c);
    }

    public Table table() {
        double[] amorphous = new double[time.length];
        for (int i = 0; i < time.length; i++) amorphous[i] = alpha[i] - crystallinity[i];
        return new Table().column("t_ps", time).column("alpha", alpha).column("crystallinity", crystallinity)
            .column("amorphous", amorphous);
    }
}
