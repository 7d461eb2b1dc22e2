package io.ionstream.engine.potential.mtp;

import java.util.Arrays;

/**
 * Evaluates MTP site energies for a batch of up to {@link #LANES} atoms: each site energy V_i, its
 * gradient with respect to every neighbour's relative position and, on request, its gradient with
 * respect to the coefficients (the row that extrapolation grades need). Mutable scratch space
 * sized on first use: one kernel per thread, no allocation in steady state.
 *
 * <p>Use: {@link #stage} each atom of the batch (pass 1), {@link #products} once, then
 * {@link #energy} and {@link #gradient} per atom (pass 2). See docs/architecture.md, "MTP kernel":
 * <ol>
 * <li>pass 1, per atom, over its neighbours: Chebyshev basis Q_β and Q'_β, the K radial functions
 * f_μ = Σ_β c·Q_β (each contracted once per neighbour, not once per moment as MLIP does), the
 * angular monomials A_s of the unit vector, and the basic moments M_b = Σ_j f_μ(r_j)·A_s(û_j);
 * per-neighbour quantities live in rows ({@code row·stride + j}) so the loops over neighbours run
 * with unit stride;</li>
 * <li>the product tree forward and the adjoints w = ∂V/∂M of every moment in one reverse sweep,
 * for all atoms of the batch at once: moment k of atom a sits at {@code k·LANES + a}, so each
 * product touches one cache line per operand and the lanes vectorise;</li>
 * <li>pass 2, per atom: α_s = Σ_b w_b f_μ and P_μ = Σ_b w_b A_s per neighbour; ∂V/∂r = Σ_μ f'_μ P_μ,
 * and α run back through the monomial tree gives the angular part; P_μ·Q_β summed over the
 * neighbours is the gradient with respect to the radial coefficients.</li>
 * </ol>
 */
final class MtpKernel {
    /** Atoms per batch. */
    static final int LANES = 8;

    private final MtpPlan p;
    private final int K, R, S;
    private final double[] moment, adjoint, weight;
    /** Radial-basis derivatives of the neighbour being staged. */
    private final double[] dqs;
    private final Lane[] lanes = new Lane[LANES];
    // pass-2 scratch, one atom at a time
    private double[] al = new double[0], pm = new double[0], g = new double[0], gr = new double[0];

    /** One atom's pass-1 results, kept for its pass 2. */
    private final class Lane {
        int ti, n, stride;
        double repulsion;
        double[] r = new double[0], ir = new double[0], u = new double[0], q = new double[0], f = new double[0];
        double[] df = new double[0], a = new double[0], rep = new double[0];
        int[] tj = new int[0];

        void ensure(int count) {
            int st = (count + 3) & ~3;
            if (st > r.length) {
                int cap = Math.max(st, r.length + (r.length >> 1) + 16);
                cap = (cap + 3) & ~3;
                r = new double[cap];
                ir = new double[cap];
                u = new double[3 * cap];
                q = new double[R * cap];
                f = new double[K * cap];
                df = new double[K * cap];
                a = new double[S * cap];
                rep = new double[cap];
                tj = new int[cap];
            }
            stride = st;
        }
    }

    MtpKernel(MtpPlan plan) {
        this.p = plan;
        this.K = plan.funcs;
        this.R = plan.basisSize;
        this.S = plan.monomials;
        moment = new double[plan.moments * LANES];
        adjoint = new double[plan.moments * LANES];
        weight = new double[plan.basicMoment.length];
        dqs = new double[R];
        for (int l = 0; l < LANES; l++) {
            lanes[l] = new Lane();
            lanes[l].ensure(64);
        }
    }

    /** Clears the batch's moments; call before staging its atoms. */
    void begin() {
        Arrays.fill(moment, 0.0);
    }

    /**
     * Pass 1 for the atom in lane {@code lane}: a central atom of MTP species {@code ti} with
     * {@code n} neighbours at relative positions {@code d[3j..3j+2]} (neighbour minus centre, each
     * shorter than the cut-off, none zero) of MTP species {@code tj[j]}.
     */
    void stage(int lane, int ti, int n, double[] d, int[] tj) {
        final Lane L = lanes[lane];
        L.ensure(n);
        L.ti = ti;
        L.n = n;
        final MtpPlan p = this.p;
        final int st = L.stride;
        final double rmin = p.minDist, rmax = p.maxDist, sc = p.scaling;
        final double mult = 2.0 / (rmax - rmin), inv = 1.0 / (rmax - rmin);
        final double[] r = L.r, ir = L.ir, u = L.u, q = L.q, f = L.f, df = L.df, a = L.a, rep = L.rep;
        final double[] radial = p.radial, dqs = this.dqs;
        final boolean repulsive = p.repulsive;
        double repulsion = 0;
        for (int j = 0; j < n; j++) {
            final double dx = d[3 * j], dy = d[3 * j + 1], dz = d[3 * j + 2];
            final double rj = Math.sqrt(dx * dx + dy * dy + dz * dz);
            final double irj = 1.0 / rj;
            r[j] = rj;
            ir[j] = irj;
            u[j] = dx * irj;
            u[st + j] = dy * irj;
            u[2 * st + j] = dz * irj;
            L.tj[j] = tj[j];
            double rr = rj, fl = 1.0, rp = 0;
            if (repulsive && rj <= rmin) {
                // MLIP: basis frozen at R_min (zero derivative), plus a steep pair repulsion below it
                rr = rmin;
                fl = 0.0;
                if (rj < rmin) {
                    double e = 1e4 * Math.exp(-10 * (rj - 1));
                    repulsion += e - 1e4 * Math.exp(-10 * (rmin - 1));
                    rp = -10 * e;
                }
            }
            rep[j] = rp;
            // Chebyshev basis times (R_cut - r)^2 (MLIP's RB_Calc), stored per neighbour
            final double x = (2 * rr - (rmin + rmax)) * inv, m = rr - rmax;
            final int q0 = j * R;
            double qm2 = sc * (m * m), dm2 = sc * (2 * m);
            q[q0] = qm2;
            dqs[0] = dm2;
            if (R > 1) {
                double qm1 = sc * (x * m * m), dm1 = sc * (mult * m * m + 2 * x * m);
                q[q0 + 1] = qm1;
                dqs[1] = dm1;
                for (int b = 2; b < R; b++) {
                    final double qb = 2 * x * qm1 - qm2, db = 2 * (mult * qm1 + x * dm1) - dm2;
                    q[q0 + b] = qb;
                    dqs[b] = db;
                    qm2 = qm1; qm1 = qb;
                    dm2 = dm1; dm1 = db;
                }
            }
            // the K radial functions: each contracted once per neighbour
            final int cb = (ti * p.species + tj[j]) * K * R;
            for (int mu = 0; mu < K; mu++) {
                double fv = 0, dv = 0;
                final int c0 = cb + mu * R;
                for (int b = 0; b < R; b++) {
                    final double c = radial[c0 + b];
                    fv += c * q[q0 + b];
                    dv += c * dqs[b];
                }
                f[mu * st + j] = fv;
                df[mu * st + j] = dv * fl;
            }
        }
        L.repulsion = repulsion;
        // angular monomials: each is its parent times one component of the unit vector
        final int[] parent = p.monoParent, axis = p.monoAxis;
        Arrays.fill(a, 0, n, 1.0);
        for (int m = 1; m < S; m++) {
            final int o = m * st, po = parent[m] * st, uo = axis[m] * st;
            for (int j = 0; j < n; j++) a[o + j] = a[po + j] * u[uo + j];
        }
        // basic moments: sums over neighbours in neighbour order (as MLIP), four at a time
        final double[] M = moment;
        final int[] bMom = p.basicMoment, bFun = p.basicFunc, bMono = p.basicMono;
        final int nb = bMom.length;
        int b = 0;
        for (; b + 3 < nb; b += 4) {
            final int f0 = bFun[b] * st, a0 = bMono[b] * st, f1 = bFun[b + 1] * st, a1 = bMono[b + 1] * st;
            final int f2 = bFun[b + 2] * st, a2 = bMono[b + 2] * st, f3 = bFun[b + 3] * st, a3 = bMono[b + 3] * st;
            double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
            for (int j = 0; j < n; j++) {
                s0 += f[f0 + j] * a[a0 + j];
                s1 += f[f1 + j] * a[a1 + j];
                s2 += f[f2 + j] * a[a2 + j];
                s3 += f[f3 + j] * a[a3 + j];
            }
            M[bMom[b] * LANES + lane] = s0;
            M[bMom[b + 1] * LANES + lane] = s1;
            M[bMom[b + 2] * LANES + lane] = s2;
            M[bMom[b + 3] * LANES + lane] = s3;
        }
        for (; b < nb; b++) {
            final int f0 = bFun[b] * st, a0 = bMono[b] * st;
            double s0 = 0;
            for (int j = 0; j < n; j++) s0 += f[f0 + j] * a[a0 + j];
            M[bMom[b] * LANES + lane] = s0;
        }
    }

    /** The product tree forward and the adjoints of every moment, for all lanes of the batch. */
    void products() {
        final MtpPlan p = this.p;
        final double[] M = moment;
        final int[] fwdTarget = p.fwdTarget, fwdStart = p.fwdStart, fwdP = p.fwdP, fwdQ = p.fwdQ;
        final double[] fwdM = p.fwdM;
        // grouped by target, in file order within a group: each lane adds exactly as MLIP does
        for (int gi = 0; gi < fwdTarget.length; gi++) {
            final int k = fwdTarget[gi] * LANES;
            // the eight lanes accumulate in registers: independent chains, one store per group
            double s0 = M[k], s1 = M[k + 1], s2 = M[k + 2], s3 = M[k + 3];
            double s4 = M[k + 4], s5 = M[k + 5], s6 = M[k + 6], s7 = M[k + 7];
            for (int e = fwdStart[gi], end = fwdStart[gi + 1]; e < end; e++) {
                final double m = fwdM[e];
                final int pp = fwdP[e] * LANES, qq = fwdQ[e] * LANES;
                s0 += m * M[pp] * M[qq];
                s1 += m * M[pp + 1] * M[qq + 1];
                s2 += m * M[pp + 2] * M[qq + 2];
                s3 += m * M[pp + 3] * M[qq + 3];
                s4 += m * M[pp + 4] * M[qq + 4];
                s5 += m * M[pp + 5] * M[qq + 5];
                s6 += m * M[pp + 6] * M[qq + 6];
                s7 += m * M[pp + 7] * M[qq + 7];
            }
            M[k] = s0; M[k + 1] = s1; M[k + 2] = s2; M[k + 3] = s3;
            M[k + 4] = s4; M[k + 5] = s5; M[k + 6] = s6; M[k + 7] = s7;
        }
        final double[] adj = adjoint, seed = p.seed;
        final int[] bwdMoment = p.bwdMoment, bwdStart = p.bwdStart, bwdK = p.bwdK, bwdOther = p.bwdOther;
        final double[] bwdM = p.bwdM;
        for (int h = 0; h < bwdMoment.length; h++) {
            final int k = bwdMoment[h] * LANES;
            final double sd = seed[bwdMoment[h]];
            double s0 = sd, s1 = sd, s2 = sd, s3 = sd, s4 = sd, s5 = sd, s6 = sd, s7 = sd;
            for (int e = bwdStart[h], end = bwdStart[h + 1]; e < end; e++) {
                final double m = bwdM[e];
                final int kk = bwdK[e] * LANES, oo = bwdOther[e] * LANES;
                s0 += m * adj[kk] * M[oo];
                s1 += m * adj[kk + 1] * M[oo + 1];
                s2 += m * adj[kk + 2] * M[oo + 2];
                s3 += m * adj[kk + 3] * M[oo + 3];
                s4 += m * adj[kk + 4] * M[oo + 4];
                s5 += m * adj[kk + 5] * M[oo + 5];
                s6 += m * adj[kk + 6] * M[oo + 6];
                s7 += m * adj[kk + 7] * M[oo + 7];
            }
            adj[k] = s0; adj[k + 1] = s1; adj[k + 2] = s2; adj[k + 3] = s3;
            adj[k + 4] = s4; adj[k + 5] = s5; adj[k + 6] = s6; adj[k + 7] = s7;
        }
    }

    /** Site energy of the atom in {@code lane} (after {@link #products}). */
    double energy(int lane) {
        final int[] map = p.mapping;
        final double[] mc = p.momentCoeffs, M = moment;
        final Lane L = lanes[lane];
        double v = p.speciesCoeffs[L.ti];
        for (int l = 0; l < map.length; l++) v += mc[l] * M[map[l] * LANES + lane];
        return v + L.repulsion;
    }

    /**
     * Pass 2 for the atom in {@code lane}: ∂V/∂d_j into {@code grad[3j..]} and, when {@code row} is
     * non-null, the compact coefficient gradient into {@code row[rowOffset .. rowOffset +
     * compactRow)}: the radial block of the atom's species (C·K·R), 1 for its species coefficient,
     * then the scalar moments.
     */
    void gradient(int lane, double[] grad, double[] row, int rowOffset) {
        final Lane L = lanes[lane];
        final MtpPlan p = this.p;
        final int n = L.n, st = L.stride;
        if (al.length < S * st) {
            int cap = Math.max(st, al.length / Math.max(S, 1) + 16);
            al = new double[S * cap];
            pm = new double[K * cap];
            g = new double[3 * cap];
            gr = new double[cap];
        }
        final double[] u = L.u, f = L.f, df = L.df, a = L.a, ir = L.ir;
        final int[] bMom = p.basicMoment, bFun = p.basicFunc, bMono = p.basicMono;
        final int nb = bMom.length;
        final double[] w = weight, adj = adjoint;
        for (int i = 0; i < nb; i++) w[i] = adj[bMom[i] * LANES + lane];

        // α_s(j) = Σ_{b: mono s} w_b f_μb(j): every monomial row is assigned (zero when no basic uses it)
        final double[] al = this.al, pm = this.pm;
        final int[] monoStart = p.monoStart, monoBasics = p.monoBasics, funcStart = p.funcStart, funcBasics = p.funcBasics;
        for (int m = 0; m < S; m++) {
            final int o = m * st;
            final int s0 = monoStart[m], s1 = monoStart[m + 1];
            if (s0 == s1) {
                Arrays.fill(al, o, o + n, 0.0);
                continue;
            }
            {
                final int bb = monoBasics[s0];
                final double wb = w[bb];
                final int fo = bFun[bb] * st;
                for (int j = 0; j < n; j++) al[o + j] = wb * f[fo + j];
            }
            for (int e = s0 + 1; e < s1; e++) {
                final int bb = monoBasics[e];
                final double wb = w[bb];
                final int fo = bFun[bb] * st;
                for (int j = 0; j < n; j++) al[o + j] += wb * f[fo + j];
            }
        }
        // P_μ(j) = Σ_{b: function μ} w_b A_sb(j)
        for (int mu = 0; mu < K; mu++) {
            final int o = mu * st;
            Arrays.fill(pm, o, o + n, 0.0);
            for (int e = funcStart[mu], end = funcStart[mu + 1]; e < end; e++) {
                final int bb = funcBasics[e];
                final double wb = w[bb];
                final int ao = bMono[bb] * st;
                for (int j = 0; j < n; j++) pm[o + j] += wb * a[ao + j];
            }
        }
        // radial derivative: Σ_μ f'_μ P_μ (+ repulsion)
        final double[] gr = this.gr, g = this.g;
        System.arraycopy(L.rep, 0, gr, 0, n);
        for (int mu = 0; mu < K; mu++) {
            final int o = mu * st;
            for (int j = 0; j < n; j++) gr[j] += df[o + j] * pm[o + j];
        }
        // α back through the monomial tree: gradient of Σ_s α_s A_s with respect to the unit vector
        final int[] parent = p.monoParent, axis = p.monoAxis;
        Arrays.fill(g, 0, 3 * st, 0.0);
        for (int m = S - 1; m >= 1; m--) {
            final int o = m * st, po = parent[m] * st, uo = axis[m] * st;
            for (int j = 0; j < n; j++) {
                final double am = al[o + j];
                al[po + j] += am * u[uo + j];
                g[uo + j] += am * a[po + j];
            }
        }
        // d(û)/d(d) = (I - û ûᵀ)/r
        for (int j = 0; j < n; j++) {
            final double ux = u[j], uy = u[st + j], uz = u[2 * st + j];
            final double gx = g[j], gy = g[st + j], gz = g[2 * st + j];
            final double ug = ux * gx + uy * gy + uz * gz, i = ir[j], radialPart = gr[j];
            grad[3 * j] = radialPart * ux + (gx - ug * ux) * i;
            grad[3 * j + 1] = radialPart * uy + (gy - ug * uy) * i;
            grad[3 * j + 2] = radialPart * uz + (gz - ug * uz) * i;
        }
        if (row != null) {
            final int rowRadial = p.species * K * R;
            final double[] q = L.q;
            final int[] tj = L.tj;
            Arrays.fill(row, rowOffset, rowOffset + rowRadial, 0.0);
            for (int j = 0; j < n; j++) {
                final int o = rowOffset + tj[j] * K * R;
                for (int mu = 0; mu < K; mu++) {
                    final double pv = pm[mu * st + j];
                    for (int bq = 0; bq < R; bq++) row[o + mu * R + bq] += pv * q[j * R + bq];
                }
            }
            row[rowOffset + rowRadial] = 1.0;
            final int[] map = p.mapping;
            for (int l = 0; l < map.length; l++) row[rowOffset + rowRadial + 1 + l] = moment[map[l] * LANES + lane];
        }
    }
}
