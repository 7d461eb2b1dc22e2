package io.ionstream.engine.potential.kspace;

import io.ionstream.engine.system.AtomSystem;
import io.ionstream.engine.system.Box;
import io.ionstream.engine.units.MetalUnits;

/**
 * The Ewald splitting parameter α and the error estimates that size the reciprocal sum, chosen
 * for a requested relative accuracy the way LAMMPS's {@code kspace_style ewald <accuracy>} does
 * (Kolafa &amp; Perram's RMS force error estimates):
 *
 * <ul>
 *   <li>the accuracy is relative to the force between two unit charges 1 Å apart, so the
 *       absolute RMS force error target is δ = accuracy · qqr2e (eV/Å);</li>
 *   <li>α from the real-space estimate δ ≈ 2 Q² exp(−α² r_c²) / √(N r_c V), with Q² = qqr2e Σ q²:
 *       α = √(−ln(δ √(N r_c V) / 2Q²)) / r_c (or (1.35 − 0.15 ln δ)/r_c when that logarithm would be
 *       positive);</li>
 *   <li>per cell dimension L the smallest k_max whose reciprocal-space estimate
 *       2Q²α/L · √(1/(π k_max N)) · exp(−π² k_max² / (α² L²)) is at most δ.</li>
 * </ul>
 *
 * α stays fixed for a run, the k-vectors follow the box ({@link Ewald} re-sizes them when the
 * box changes), as in LAMMPS. Like LAMMPS the estimates use the edge lengths lx, ly, lz even for
 * triclinic cells.
 */
public final class EwaldParameters {
    private final double alpha;
    private final double relativeAccuracy;
    private final double realSpaceCutoff;
    private final long natoms;
    private final double q2;

    private EwaldParameters(double alpha, double relativeAccuracy, double realSpaceCutoff, long natoms, double q2) {
        this.alpha = alpha;
        this.relativeAccuracy = relativeAccuracy;
        this.realSpaceCutoff = realSpaceCutoff;
        this.natoms = natoms;
        this.q2 = q2;
    }

    /** α and k-space sizing for {@code sys} (its atom count, charges and cell) at the given accuracy. */
    public static EwaldParameters forAccuracy(AtomSystem sys, double relativeAccuracy, double realSpaceCutoff) {
        return forAccuracy(sys.size(), sumOfSquaredCharges(sys), sys.box(), relativeAccuracy, realSpaceCutoff);
    }

    /**
     * The same from global numbers (a domain-decomposed run knows them from one reduction):
     * total atom count, Σ q² (e²), and the cell.
     */
    public static EwaldParameters forAccuracy(long natoms, double sumQSquared, Box box, double relativeAccuracy,
                                              double realSpaceCutoff) {
        checkCommon(natoms, sumQSquared, relativeAccuracy, realSpaceCutoff);
        double q2 = sumQSquared * MetalUnits.QQR2E;
        double accuracy = relativeAccuracy * MetalUnits.QQR2E;
        double g = accuracy * Math.sqrt(natoms * realSpaceCutoff * box.lx() * box.ly() * box.lz()) / (2.0 * q2);
        double alpha = g >= 1.0 ? (1.35 - 0.15 * Math.log(accuracy)) / realSpaceCutoff
            : Math.sqrt(-Math.log(g)) / realSpaceCutoff;
        return new EwaldParameters(alpha, relativeAccuracy, realSpaceCutoff, natoms, q2);
    }

    /** A given α (Å⁻¹) with the k-space sized for the requested accuracy at that α. */
    public static EwaldParameters withAlpha(AtomSystem sys, double alpha, double relativeAccuracy,
                                            double realSpaceCutoff) {
        double sq = sumOfSquaredCharges(sys);
        checkCommon(sys.size(), sq, relativeAccuracy, realSpaceCutoff);
        if (!(alpha > 0) || !Double.isFinite(alpha)) {
            throw new IllegalArgumentException("ewald: alpha must be positive (1/Å), got " + alpha);
        }
        return new EwaldParameters(alpha, relativeAccuracy, realSpaceCutoff, sys.size(), sq * MetalUnits.QQR2E);
    }

    private static void checkCommon(long natoms, double sumQSquared, double relativeAccuracy, double rc) {
        if (!(relativeAccuracy > 0) || !(relativeAccuracy < 1)) {
            throw new IllegalArgumentException("ewald: relative accuracy must be in (0, 1), got " + relativeAccuracy);
        }
        if (!(rc > 0) || !Double.isFinite(rc)) {
            throw new IllegalArgumentException("ewald: real-space cut-off must be positive, got " + rc);
        }
        if (natoms < 1) throw new IllegalArgumentException("ewald: the system has no atoms");
        if (!(sumQSquared > 0) || !Double.isFinite(sumQSquared)) {
            throw new IllegalArgumentException("ewald: the system carries no charges (sum of q^2 = " + sumQSquared
                + "); Ewald summation needs charged atoms");
        }
    }

    private static double sumOfSquaredCharges(AtomSystem sys) {
        double s = 0;
        double[] q = sys.q();
        for (int i = 0; i < sys.size(); i++) s += q[i] * q[i];
        return s;
    }

    /** The splitting parameter α (Å⁻¹): real space erfc(αr)/r, reciprocal space exp(−k²/4α²)/k². */
    public double alpha() { return alpha; }

    public double relativeAccuracy() { return relativeAccuracy; }

    /** Target RMS force error (eV/Å): the relative accuracy times the force of two unit charges at 1 Å. */
    public double absoluteAccuracy() { return relativeAccuracy * MetalUnits.QQR2E; }

    public double realSpaceCutoff() { return realSpaceCutoff; }

    /** Estimated RMS reciprocal-space force error (eV/Å) with {@code kmax} vectors along a cell length {@code l}. */
    public double kSpaceError(int kmax, double l) {
        return 2.0 * q2 * alpha / l * Math.sqrt(1.0 / (Math.PI * kmax * natoms))
            * Math.exp(-Math.PI * Math.PI * kmax * kmax / (alpha * alpha * l * l));
    }

    /** Estimated RMS real-space force error (eV/Å) for the cell {@code box}. */
    public double realSpaceError(Box box) {
        return 2.0 * q2 / Math.sqrt(natoms * realSpaceCutoff * box.lx() * box.ly() * box.lz())
            * Math.exp(-alpha * alpha * realSpaceCutoff * realSpaceCutoff);
    }

    /** Smallest k_max along a cell length {@code l} that meets the accuracy. */
    public int kmax(double l) {
        double target = absoluteAccuracy();
        int k = 1;
        while (kSpaceError(k, l) > target) {
            k++;
            if (k > 100_000) throw new IllegalStateException("ewald: k-space cannot reach accuracy " + relativeAccuracy);
        }
        return k;
    }

    /** The matching real-space pair term ({@code coul/long}). */
    public CoulLong realSpace() { return new CoulLong(alpha, realSpaceCutoff); }

    /** The matching reciprocal-space term. */
    public Ewald kSpace() { return new Ewald(this); }

    @Override
    public String toString() {
        return String.format("ewald(alpha=%.10g 1/Å, accuracy=%.3g, r_c=%.4g Å)", alpha, relativeAccuracy,
            realSpaceCutoff);
    }
}
