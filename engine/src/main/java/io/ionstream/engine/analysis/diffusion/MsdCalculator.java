package io.ionstream.engine.analysis.diffusion;

import io.ionstream.engine.analysis.trajectory.Trajectory;
import org.jtransforms.fft.DoubleFFT_1D;

/**
 * Mean-squared displacements from unwrapped trajectories.
 *
 * <p>All time origins in O(N log N) per atom and component (the FFT algorithm of Kneller et al.,
 * as in nMOLDYN/MDAnalysis/tidynamics): with r_k the position at frame k and N frames,
 * MSD(m) = 1/(N−m) Σ_k |r_{k+m} − r_k|² = S1(m) − 2 S2(m), where S2(m) = 1/(N−m) Σ_k r_k r_{k+m}
 * is an autocorrelation computed by zero-padded FFT and S1(m) = 1/(N−m) Σ_k (r_k² + r_{k+m}²)
 * follows from a running sum. Each series is centred on its mean first so that large unwrapped
 * coordinates do not cost precision in the difference S1 − 2 S2.
 *
 * <p>Drift removal subtracts the trajectory's drift-reference centre-of-mass displacement from
 * every position (LAMMPS {@code compute msd com yes} subtracts the group's centre of mass from
 * current and reference positions alike, which is the same thing).
 */
public final class MsdCalculator {
    private MsdCalculator() {}

    /** All-origin MSD of the given atoms (indices into the trajectory), lags 0 … frames−1. */
    public static Msd allOrigins(Trajectory t, int[] atoms, boolean removeDrift) {
        int n = t.frames();
        double dt = t.frameInterval();
        requireAtoms(atoms);
        int len = Integer.highestOneBit(Math.max(2 * n - 1, 1));
        if (len < 2 * n) len <<= 1;
        DoubleFFT_1D fft = new DoubleFFT_1D(len);
        double[] buf = new double[len];
        double[] series = new double[n];
        double[][] sum = new double[3][n];
        for (int a : atoms) {
            for (int c = 0; c < 3; c++) {
                double mean = 0;
                for (int k = 0; k < n; k++) {
                    series[k] = t.positions(k)[3 * a + c] - (removeDrift ? t.drift(k)[c] : 0);
                    mean += series[k];
                }
                mean /= n;
                for (int k = 0; k < n; k++) series[k] -= mean;
                accumulateAllOrigins(series, n, fft, buf, sum[c]);
            }
        }
        return result(sum, atoms.length, n, dt, true);
    }

    /** Adds the all-origin MSD of one scalar series into {@code out[0..n)}. */
    static void accumulateAllOrigins(double[] r, int n, DoubleFFT_1D fft, double[] buf, double[] out) {
        java.util.Arrays.fill(buf, 0);
        System.arraycopy(r, 0, buf, 0, n);
        fft.realForward(buf);
        int len = buf.length;
        // packed real spectrum: buf[0] = Re(0), buf[1] = Re(len/2), then (Re, Im) pairs
        buf[0] = buf[0] * buf[0];
        buf[1] = buf[1] * buf[1];
        for (int k = 2; k < len; k += 2) {
            buf[k] = buf[k] * buf[k] + buf[k + 1] * buf[k + 1];
            buf[k + 1] = 0;
        }
        fft.realInverse(buf, true);
        double q = 0;
        for (int k = 0; k < n; k++) q += 2 * r[k] * r[k];
        for (int m = 0; m < n; m++) {
            if (m > 0) q -= r[m - 1] * r[m - 1] + r[n - m] * r[n - m];
            double s1 = q / (n - m);
            double s2 = buf[m] / (n - m);
            out[m] += s1 - 2 * s2;
        }
    }

    /** MSD with the single origin frame 0 (what LAMMPS {@code compute msd} reports). */
    public static Msd singleOrigin(Trajectory t, int[] atoms, boolean removeDrift) {
        int n = t.frames();
        requireAtoms(atoms);
        double[][] sum = new double[3][n];
        double[] r0 = t.positions(0), d0 = t.drift(0);
        for (int k = 0; k < n; k++) {
            double[] r = t.positions(k), d = t.drift(k);
            for (int a : atoms) {
                for (int c = 0; c < 3; c++) {
                    double dx = r[3 * a + c] - r0[3 * a + c] - (removeDrift ? d[c] - d0[c] : 0);
                    sum[c][k] += dx * dx;
                }
            }
        }
        double dt = n >= 2 ? t.time(1) - t.time(0) : 0;
        double[] time = new double[n];
        for (int k = 0; k < n; k++) time[k] = t.time(k) - t.time(0);
        for (double[] s : sum) for (int k = 0; k < n; k++) s[k] /= atoms.length;
        return new Msd(time, sum[0], sum[1], sum[2], atoms.length, n, dt, false);
    }

    /** Brute-force all-origin MSD, O(N²): the reference the FFT version is tested against. */
    public static Msd allOriginsDirect(Trajectory t, int[] atoms, boolean removeDrift) {
        int n = t.frames();
        double dt = t.frameInterval();
        requireAtoms(atoms);
        double[][] sum = new double[3][n];
        for (int a : atoms) {
            for (int c = 0; c < 3; c++) {
                for (int m = 0; m < n; m++) {
                    double s = 0;
                    for (int k = 0; k + m < n; k++) {
                        double d = t.positions(k + m)[3 * a + c] - t.positions(k)[3 * a + c]
                            - (removeDrift ? t.drift(k + m)[c] - t.drift(k)[c] : 0);
                        s += d * d;
                    }
                    sum[c][m] += s / (n - m);
                }
            }
        }
        return result(sum, atoms.length, n, dt, true);
    }

    private static Msd result(double[][] sum, int atoms, int n, double dt, boolean allOrigins) {
        double[] time = new double[n];
        for (int m = 0; m < n; m++) time[m] = m * dt;
        for (double[] s : sum) {
            for (int m = 0; m < n; m++) s[m] /= atoms;
            s[0] = 0; // exactly, rather than FFT round-off
        }
        return new Msd(time, sum[0], sum[1], sum[2], atoms, n, dt, allOrigins);
    }

    private static void requireAtoms(int[] atoms) {
        if (atoms.length == 0) throw new IllegalArgumentException("no atoms selected for the MSD");
    }
}
