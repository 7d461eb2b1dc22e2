package io.ionstream.engine.analysis.sei;

/**
 * The stages of SEI growth (seed 004) from the reduced fraction α(t) and crystallinity c(t)
 * (both fractions of the total possible conversion): onset of crystallinity (first time c
 * reaches {@code onsetThreshold} and stays there), coalescence of the crystalline domains (the
 * maximum of the amorphous fraction α − c), and the plateau (from when α stays within
 * {@code plateauTolerance} of its final value, the mean of the last tenth of the run).
 * A stage that does not occur is reported as NaN time with {@code reached = false}.
 */
public record SeiStages(double onsetTime, boolean onsetReached, double coalescenceTime, double maxAmorphous,
                        double alphaAtCoalescence, double plateauTime, boolean plateauReached, double finalAlpha) {

    public static SeiStages detect(double[] t, double[] alpha, double[] c, double onsetThreshold, double plateauTolerance) {
        int n = t.length;
        if (n < 3 || alpha.length != n || c.length != n) {
            throw new IllegalArgumentException("stage detection needs at least 3 samples of time, α and crystallinity of equal length");
        }
        int onset = -1;
        for (int i = n - 1; i >= 0; i--) {
            if (c[i] >= onsetThreshold) onset = i;
            else break;
        }
        int coal = 0;
        for (int i = 1; i < n; i++) if (alpha[i] - c[i] > alpha[coal] - c[coal]) coal = i;
        int tail = Math.max(1, n / 10);
        double fin = 0;
        for (int i = n - tail; i < n; i++) fin += alpha[i] / tail;
        int plateau = -1;
        for (int i = n - 1; i >= 0; i--) {
            if (Math.abs(alpha[i] - fin) <= plateauTolerance) plateau = i;
            else break;
        }
        // a "plateau" that only covers the averaging tail is no plateau
        boolean plateauReached = plateau >= 0 && plateau < n - tail;
        return new SeiStages(onset >= 0 ? t[onset] : Double.NaN, onset >= 0, t[coal], alpha[coal] - c[coal], alpha[coal],
            plateauReached ? t[plateau] : Double.NaN, plateauReached, fin);
    }
}
