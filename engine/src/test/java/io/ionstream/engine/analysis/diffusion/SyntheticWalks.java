package io.ionstream.engine.analysis.diffusion;

import io.ionstream.engine.analysis.trajectory.Trajectory;
import io.ionstream.engine.system.Box;
import io.ionstream.engine.system.SpeciesTable;
import java.util.SplittableRandom;

/** Synthetic trajectories with known statistics for testing diffusion estimators. */
final class SyntheticWalks {
    private SyntheticWalks() {}

    /** Independent 3-D Gaussian random walks with diffusion coefficient d (Å²/ps). */
    static Trajectory brownian(int walkers, int frames, double dt, double d, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double sd = Math.sqrt(2 * d * dt);
        double[][] x = new double[frames][3 * walkers];
        for (int f = 1; f < frames; f++) {
            for (int k = 0; k < 3 * walkers; k++) x[f][k] = x[f - 1][k] + sd * gaussian(rng);
        }
        return wrap(x, walkers, dt);
    }

    /** Walkers tied to fixed sites by a harmonic spring (Ornstein-Uhlenbeck): caged, MSD plateaus. */
    static Trajectory caged(int walkers, int frames, double dt, double d, double relaxation, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double a = Math.exp(-dt / relaxation);
        double sd = Math.sqrt(d * relaxation * (1 - a * a));
        double[][] x = new double[frames][3 * walkers];
        for (int f = 1; f < frames; f++) {
            for (int k = 0; k < 3 * walkers; k++) x[f][k] = a * x[f - 1][k] + sd * gaussian(rng);
        }
        return wrap(x, walkers, dt);
    }

    static Trajectory wrap(double[][] x, int walkers, double dt) {
        int frames = x.length;
        double[] t = new double[frames];
        Box[] boxes = new Box[frames];
        double[][] drift = new double[frames][3];
        for (int f = 0; f < frames; f++) {
            t[f] = f * dt;
            boxes[f] = Box.orthorhombic(100, 100, 100);
        }
        long[] id = new long[walkers];
        for (int i = 0; i < walkers; i++) id[i] = i + 1;
        return new Trajectory(SpeciesTable.of("Li"), new int[walkers], id, t, x, boxes, drift, "none");
    }

    static double gaussian(SplittableRandom rng) {
        double u1 = 1.0 - rng.nextDouble(), u2 = rng.nextDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }
}
