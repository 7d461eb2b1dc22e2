package io.ionstream.engine.learn.active;

import io.ionstream.engine.system.AtomSystem;
import io.ionstream.engine.system.Box;
import java.util.SplittableRandom;

/**
 * Random homogeneous strains and atomic displacements of a structure, seeded: cheap, diverse
 * starting configurations for a training set (volumes and shapes for the equation of state,
 * displaced atoms for forces) before any potential exists to run MD with.
 */
public final class PerturbedCells {
    private PerturbedCells() {}

    /**
     * A copy of {@code s} whose cell is deformed by a random strain (each normal component and each
     * tilt uniform in ±{@code maxStrain}; fractional coordinates kept) and whose atoms are then
     * displaced by Gaussian noise of standard deviation {@code sigma} Å per component.
     */
    public static AtomSystem perturb(AtomSystem s, double maxStrain, double sigma, SplittableRandom rnd) {
        if (!(maxStrain >= 0 && maxStrain < 0.5)) throw new IllegalArgumentException("strain must be in [0, 0.5), got " + maxStrain);
        if (!(sigma >= 0)) throw new IllegalArgumentException("displacement must not be negative, got " + sigma);
        AtomSystem c = s.copy();
        Box b = c.box();
        double e1 = uniform(rnd, maxStrain), e2 = uniform(rnd, maxStrain), e3 = uniform(rnd, maxStrain);
        double lx = b.lx() * (1 + e1), ly = b.ly() * (1 + e2), lz = b.lz() * (1 + e3);
        double xy = b.xy() * (1 + e1) + uniform(rnd, maxStrain) * ly;
        double xz = b.xz() * (1 + e1) + uniform(rnd, maxStrain) * lz;
        double yz = b.yz() * (1 + e2) + uniform(rnd, maxStrain) * lz;
        Box target = new Box(b.xlo(), b.ylo(), b.zlo(), lx, ly, lz, xy, xz, yz);
        b.deformTo(target, c.x(), c.size());
        double[] x = c.x();
        for (int i = 0; i < 3 * c.size(); i++) x[i] += sigma * rnd.nextGaussian();
        for (int i = 0; i < c.size(); i++) c.box().wrap(x, c.image(), i);
        return c;
    }

    private static double uniform(SplittableRandom rnd, double a) {
        return a * (2 * rnd.nextDouble() - 1);
    }
}
