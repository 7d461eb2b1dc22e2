package io.ionstream.engine.analysis.diffusion;

/**
 * A mean-squared displacement curve: per lag, the MSD along x, y and z (Å², averaged over atoms
 * and, for an all-origin estimate, over time origins), the lag times (ps), the number of atoms
 * and of frames it came from, and the frame spacing.
 */
public record Msd(double[] time, double[] x, double[] y, double[] z, int atoms, int frames, double frameInterval,
                  boolean allOrigins) {

    public int lags() { return time.length; }

    /** Sum of the components that {@code p} uses. */
    public double[] projected(Projection p) {
        double[] out = new double[time.length];
        for (int m = 0; m < out.length; m++) {
            double s = 0;
            if (p.uses(0)) s += x[m];
            if (p.uses(1)) s += y[m];
            if (p.uses(2)) s += z[m];
            out[m] = s;
        }
        return out;
    }

    public double[] total() { return projected(Projection.XYZ); }
}
