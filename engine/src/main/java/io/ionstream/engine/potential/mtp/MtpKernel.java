package io.ionstream.engine.potential.mtp;

import java.util.Arrays;

/**
 * Evaluates one atomic neighbourhood of an MTP: the site energy V_i, its gradient with respect to
 * every neighbour's relative position, and on request the gradient with respect to the
 * coefficients (the row that extrapolation grades need). Mutable scratch space sized on first
 * use: one kernel per thread, no allocation in steady state.
 *
 * <p>Two passes over the neighbours (see docs/architecture.md, "MTP kernel"):
 * <ol>
 * <li>per neighbour: the R Chebyshev basis values and derivatives, the K radial functions
 * f_μ and f'_μ (each contracted once), the angular monomials of the unit vector, and their
 * products accumulated into the basic moments; then the product tree forward, the energy, and the
 * tree in reverse (adjoints ∂V/∂M for every moment: one pass, whatever the number of moments);</li>
 * <li>per neighbour again: α_s = Σ w·f_μ and P_μ = Σ w·A_s over the basic moments (w their
 * adjoints) give ∂V/∂r = Σ_μ f'_μ·P_μ, and α run back through the monomial tree gives the angular
 * part; P_μ·Q_β is the coefficient gradient.</li>
 * </ol>
 */
final class MtpKernel {
    private final MtpPlan p;
    private final int K, R, S;
    private final double[] moment, adjoint;
    private final double[] alpha, pmu, scratchDQ;
    // per-neighbour staging: unit vector and distance, f, f', monomials, basis values
    private double[] nbU = new double[0], nbR = new double[0], nbF = new double[0], nbDF = new double[0];
    private double[] nbA = new double[0], nbQ = new double[0], nbRep = new double[0];
    private int[] nbT = new int[0];
    private int capacity;

    MtpKernel(MtpPlan plan) {
        this.p = plan;
        this.K = plan.funcs;
        this.R = plan.basisSize;
        this.S = plan.monomials;
        moment = new double[plan.moments];
        adjoint = new double[plan.moments];
        alpha = new double[S];
        pmu = new double[K];
        scratchDQ = new double[R];
        ensure(64);
    }

    private void ensure(int n) {
        if (n <= capacity) return;
        int cap = Math.max(n, capacity + (capacity >> 1) + 16);
        nbU = new double[3 * cap];
        nbR = new double[cap];
        nbF = new double[K * cap];
        nbDF = new double[K * cap];
        nbA = new double[S * cap];
        nbQ = new double[R * cap];
        nbRep = new double[cap];
        nbT = new int[cap];
        capacity = cap;
    }

    /**
     * Site energy of a central atom of MTP species {@code ti} with {@code n} neighbours at relative
     * positions {@code d[3j..3j+2]} (neighbour minus centre, each shorter than the cut-off, none
     * zero) of MTP species {@code tj[j]}. Writes ∂V/∂d_j into {@code grad[3j..]} and, when
     * {@code row} is non-null, the compact coefficient gradient into {@code row[rowOffset ..
     * rowOffset + compactRow)}: the radial block of species {@code ti} (C·K·R), 1 for its species
     * coefficient, then the scalar moments.
     */
    double site(int ti, int n, double[] d, int[] tj, double[] grad, double[] row, int rowOffset) {
        ensure(n);
        final MtpPlan p = this.p;
        final double[] M = moment;
        Arrays.fill(M, 0.0);
        final double rmin = p.minDist, rmax = p.maxDist, s = p.scaling;
        final double mult = 2.0 / (rmax - rmin);
        final double[] radial = p.radial;
        final int blockStride = K * R;
        final int tiBase = ti * p.species;
        final int[] bMom = p.basicMoment, bFun = p.basicFunc, bMono = p.basicMono;
        final int nb = bMom.length;
        final int[] parent = p.monoParent, axis = p.monoAxis;
        double repulsion = 0;

        // ---- pass 1: radial functions, monomials, basic moments ----
        for (int j = 0; j < n; j++) {
            final double dx = d[3 * j], dy = d[3 * j + 1], dz = d[3 * j + 2];
            final double r = Math.sqrt(dx * dx + dy * dy + dz * dz);
            final double ir = 1.0 / r;
            final int u3 = 3 * j;
            nbU[u3] = dx * ir;
            nbU[u3 + 1] = dy * ir;
            nbU[u3 + 2] = dz * ir;
            nbR[j] = r;
            nbT[j] = tj[j];

            // Chebyshev basis with the (R_cut - r)^2 envelope, as MLIP's RB_Calc
            double rr = r;
            boolean flat = false;
            double rep = 0;
            if (p.repulsive && r < rmin) {
                rr = rmin;
                flat = true;
                double e = 1e4 * Math.exp(-10 * (r - 1));
                repulsion += e - 1e4 * Math.exp(-10 * (rmin - 1));
                rep = -10 * e;
            } else if (p.repulsive && r == rmin) {
                flat = true;
            }
            nbRep[j] = rep;
            final double ksi = (2 * rr - (rmin + rmax)) / (rmax - rmin);
            final double rm = rr - rmax;
            final int q0 = R * j;
            final double[] Q = nbQ;
            double qPrev2 = s * (rm * rm), dPrev2 = s * (2 * rm);
            Q[q0] = qPrev2;
            double[] dQ = scratchDQ;
            dQ[0] = dPrev2;
            if (R > 1) {
                double qPrev = s * (ksi * rm * rm), dPrev = s * (mult * rm * rm + 2 * ksi * rm);
                Q[q0 + 1] = qPrev;
                dQ[1] = dPrev;
                for (int b = 2; b < R; b++) {
                    double q = 2 * ksi * qPrev - qPrev2;
                    double dq = 2 * (mult * qPrev + ksi * dPrev) - dPrev2;
                    Q[q0 + b] = q;
                    dQ[b] = dq;
                    qPrev2 = qPrev; qPrev = q;
                    dPrev2 = dPrev; dPrev = dq;
                }
            }
            if (flat) Arrays.fill(dQ, 0, R, 0.0);

            // K radial functions, each contracted once per neighbour
            final int cBase = (tiBase + tj[j]) * blockStride;
            final int f0 = K * j;
            for (int mu = 0; mu < K; mu++) {
                double f = 0, df = 0;
                final int c0 = cBase + mu * R;
                for (int b = 0; b < R; b++) {
                    double c = radial[c0 + b];
                    f += c * Q[q0 + b];
                    df += c * dQ[b];
                }
                nbF[f0 + mu] = f;
                nbDF[f0 + mu] = df;
            }

            // angular monomials of the unit vector: each is its parent times one component
            final int a0 = S * j;
            final double[] A = nbA;
            A[a0] = 1.0;
            for (int m = 1; m < S; m++) A[a0 + m] = A[a0 + parent[m]] * nbU[u3 + axis[m]];

            for (int b = 0; b < nb; b++) M[bMom[b]] += nbF[f0 + bFun[b]] * A[a0 + bMono[b]];
        }

        // ---- products forward, energy, adjoints backward ----
        final int[] tp = p.timesP, tq = p.timesQ, tk = p.timesK;
        final double[] tm = p.timesM;
        final int nt = tp.length;
        for (int t = 0; t < nt; t++) M[tk[t]] += tm[t] * M[tp[t]] * M[tq[t]];
        final int[] map = p.mapping;
        final double[] mc = p.momentCoeffs;
        double v = p.speciesCoeffs[ti];
        for (int l = 0; l < map.length; l++) v += mc[l] * M[map[l]];
        v += repulsion;

        final double[] adj = adjoint;
        Arrays.fill(adj, 0.0);
        for (int l = 0; l < map.length; l++) adj[map[l]] += mc[l];
        for (int t = nt - 1; t >= 0; t--) {
            double a = tm[t] * adj[tk[t]];
            adj[tp[t]] += a * M[tq[t]];
            adj[tq[t]] += a * M[tp[t]];
        }

        // ---- pass 2: forces (and the coefficient gradient) ----
        final double[] al = alpha, P = pmu;
        final boolean wantRow = row != null;
        final int rowRadial = p.species * K * R;
        if (wantRow) Arrays.fill(row, rowOffset, rowOffset + rowRadial, 0.0);
        for (int j = 0; j < n; j++) {
            Arrays.fill(al, 0.0);
            Arrays.fill(P, 0.0);
            final int f0 = K * j, a0 = S * j, u3 = 3 * j;
            for (int b = 0; b < nb; b++) {
                final double w = adj[bMom[b]];
                final int mu = bFun[b], m = bMono[b];
                al[m] += w * nbF[f0 + mu];
                P[mu] += w * nbA[a0 + m];
            }
            double gr = nbRep[j];
            for (int mu = 0; mu < K; mu++) gr += nbDF[f0 + mu] * P[mu];
            // α back through the monomial tree: the gradient of Σ α_s A_s with respect to the unit vector
            double gx = 0, gy = 0, gz = 0;
            final double ux = nbU[u3], uy = nbU[u3 + 1], uz = nbU[u3 + 2];
            for (int m = S - 1; m >= 1; m--) {
                final double a = al[m];
                final int par = parent[m];
                final double ap = nbA[a0 + par];
                switch (axis[m]) {
                    case 0 -> { al[par] += a * ux; gx += a * ap; }
                    case 1 -> { al[par] += a * uy; gy += a * ap; }
                    default -> { al[par] += a * uz; gz += a * ap; }
                }
            }
            // d(u)/d(d) = (I - u u^T) / r
            final double ir = 1.0 / nbR[j];
            final double ug = ux * gx + uy * gy + uz * gz;
            grad[u3] = gr * ux + (gx - ug * ux) * ir;
            grad[u3 + 1] = gr * uy + (gy - ug * uy) * ir;
            grad[u3 + 2] = gr * uz + (gz - ug * uz) * ir;
            if (wantRow) {
                final int o = rowOffset + nbT[j] * K * R, q0 = R * j;
                for (int mu = 0; mu < K; mu++) {
                    final double pm = P[mu];
                    for (int b = 0; b < R; b++) row[o + mu * R + b] += pm * nbQ[q0 + b];
                }
            }
        }
        if (wantRow) {
            row[rowOffset + rowRadial] = 1.0;
            for (int l = 0; l < map.length; l++) row[rowOffset + rowRadial + 1 + l] = M[map[l]];
        }
        return v;
    }
}
