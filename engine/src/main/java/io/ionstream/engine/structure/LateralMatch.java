package io.ionstream.engine.structure;

/**
 * Lateral commensuration of two slabs with rectangular in-plane periods: the substrate (the
 * electrolyte, kept exact) repeats n1 × n2 times, the overlayer (the metal, strained) m1 × m2
 * times, and the overlayer's strain is ε = n·p / (m·q) − 1 per direction.
 *
 * @param n1 substrate repeats along x
 * @param n2 substrate repeats along y
 * @param m1 overlayer repeats along x
 * @param m2 overlayer repeats along y
 * @param strainX strain applied to the overlayer along x
 * @param strainY strain applied to the overlayer along y
 * @param area    in-plane area (Å²) of the matched cell
 */
public record LateralMatch(int n1, int n2, int m1, int m2, double strainX, double strainY, double area) {

    /** The largest strain magnitude of the two directions. */
    public double maxStrain() { return Math.max(Math.abs(strainX), Math.abs(strainY)); }

    /** For fixed substrate repeats, the overlayer repeats with the smallest strain in each direction. */
    public static LateralMatch forSubstrate(int n1, int n2, double px, double py, double qx, double qy) {
        if (n1 < 1 || n2 < 1) throw new IllegalArgumentException("substrate repeats must be positive, got " + n1 + "×" + n2);
        int m1 = best(n1 * px, qx), m2 = best(n2 * py, qy);
        return new LateralMatch(n1, n2, m1, m2, n1 * px / (m1 * qx) - 1, n2 * py / (m2 * qy) - 1, n1 * px * n2 * py);
    }

    /**
     * Searches substrate repeats with area at most {@code maxArea} for the smallest
     * {@link #maxStrain()}; ties go to the larger area (closer to what was asked for).
     */
    public static LateralMatch search(double px, double py, double qx, double qy, double maxArea) {
        LateralMatch best = null;
        int max1 = (int) Math.floor(maxArea / (px * py));
        for (int n1 = 1; n1 <= max1; n1++) {
            for (int n2 = 1; n1 * px * n2 * py <= maxArea * (1 + 1e-12); n2++) {
                LateralMatch m = forSubstrate(n1, n2, px, py, qx, qy);
                if (best == null || m.maxStrain() < best.maxStrain() - 1e-12
                    || (Math.abs(m.maxStrain() - best.maxStrain()) <= 1e-12 && m.area() > best.area())) {
                    best = m;
                }
            }
        }
        if (best == null) throw new IllegalArgumentException("area " + maxArea + " Å² is smaller than one substrate cell (" + px * py + " Å²)");
        return best;
    }

    private static int best(double length, double q) {
        int lo = Math.max(1, (int) Math.floor(length / q)), hi = lo + 1;
        return Math.abs(length / (lo * q) - 1) <= Math.abs(length / (hi * q) - 1) ? lo : hi;
    }
}
