package io.ionstream.engine.analysis.structure;

import io.ionstream.engine.analysis.live.LocalAtoms;

/**
 * Steinhardt bond-orientational order q_l of an atom over its {@code nnn} nearest neighbours
 * within the list radius, defined as LAMMPS {@code compute orientorder/atom} does:
 * q_l = sqrt(4π/(2l+1) Σ_m |q_lm|²), q_lm = (1/nnn) Σ_j Y_lm(r̂_ij), and 0 when fewer than
 * {@code nnn} neighbours are in range. By the addition theorem
 * Σ_m |Σ_j Y_lm(r̂_j)|² = (2l+1)/(4π) Σ_{j,k} P_l(r̂_j · r̂_k), so
 * q_l = sqrt(Σ_{j,k} P_l(cos θ_jk)) / nnn, with no spherical harmonics to evaluate.
 * Perfect fcc gives q4 = 0.19094, q6 = 0.57452.
 */
public final class Steinhardt {
    private final NearestNeighbors nn = new NearestNeighbors();
    private final int nnn;
    private double[] unit = new double[3 * 16];

    public Steinhardt(int nnn) {
        if (nnn < 1) throw new IllegalArgumentException("number of neighbours must be positive, got " + nnn);
        this.nnn = nnn;
    }

    /**
     * q_l for each l in {@code degrees} of local atom i over neighbours of the masked types within
     * {@code cutoff}, into {@code out}.
     */
    public void compute(LocalAtoms a, int i, boolean[] mask, double cutoff, int[] degrees, double[] out) {
        int found = nn.find(a, i, mask, Integer.MAX_VALUE);
        double c2 = cutoff * cutoff;
        int inRange = 0;
        while (inRange < found && nn.distance2(inRange) < c2) inRange++;
        if (inRange < nnn) {
            java.util.Arrays.fill(out, 0, degrees.length, 0.0);
            return;
        }
        if (unit.length < 3 * nnn) unit = new double[3 * nnn];
        for (int k = 0; k < nnn; k++) {
            int j = nn.index(k);
            double r = Math.sqrt(nn.distance2(k));
            for (int d = 0; d < 3; d++) unit[3 * k + d] = (a.x[3 * j + d] - a.x[3 * i + d]) / r;
        }
        for (int q = 0; q < degrees.length; q++) {
            int l = degrees[q];
            double s = 0;
            for (int j = 0; j < nnn; j++) {
                s += 1.0; // P_l(1)
                for (int k = j + 1; k < nnn; k++) {
                    double c = unit[3 * j] * unit[3 * k] + unit[3 * j + 1] * unit[3 * k + 1] + unit[3 * j + 2] * unit[3 * k + 2];
                    s += 2 * legendre(l, c);
                }
            }
            out[q] = Math.sqrt(Math.max(s, 0)) / nnn;
        }
    }

    /** Legendre polynomial P_l(x) by the three-term recurrence. */
    static double legendre(int l, double x) {
        if (l == 0) return 1;
        double p0 = 1, p1 = x;
        for (int n = 2; n <= l; n++) {
            double p2 = ((2 * n - 1) * x * p1 - (n - 1) * p0) / n;
            p0 = p1;
            p1 = p2;
        }
        return p1;
    }
}
