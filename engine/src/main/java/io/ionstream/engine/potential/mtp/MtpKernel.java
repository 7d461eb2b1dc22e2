package io.ionstream.engine.potential.mtp;

import java.util.Arrays;

/**
 * Evaluates one atomic neighbourhood of an MTP: the site energy V_i, its gradient with respect to
 * every neighbour's relative position and, on request, its gradient with respect to the
 * coefficients (the row that extrapolation grades need). Mutable scratch space sized on first
 * use: one kernel per thread, no allocation in steady state.
 *
 * <p>Per-neighbour quantities live in rows indexed by neighbour ({@code row·stride + j}), so the
 * inner loops run over the neighbours with unit stride and the JIT can vectorise them. Two passes
 * (see docs/architecture.md, "MTP kernel"):
 * <ol>
 * <li>Chebyshev basis Q_β and Q'_β, the K radial functions f_μ = Σ_β c·Q_β (each contracted once
 * per neighbour, not once per moment as MLIP does), the angular monomials A_s of the unit vector,
 * and the basic moments M_b = Σ_j f_μ(r_j)·A_s(û_j); the product tree forward, the energy, and
 * the adjoints w = ∂V/∂M of every moment in one reverse sweep;</li>
 * <li>α_s = Σ_b w_b f_μ and P_μ = Σ_b w_b A_s per neighbour; ∂V/∂r = Σ_μ f'_μ P_μ, and α run back
 * through the monomial tree gives the angular part; P_μ·Q_β summed over neighbours is the
 * gradient with respect to the radial coefficients.</li>
 * </ol>
 */
final class MtpKernel {
    private final MtpPlan p;
    private final int K, R, S;
    private final double[] moment, adjoint, weight;
    private int stride;
    // rows over neighbours: r, 1/r, unit vector (3), Chebyshev (R) and derivatives (R), f (K), f' (K),
    // monomials (S), their adjoints (S), P (K), angular gradient (3), radial derivative, repulsion
    private double[] r = new double[0], ir = new double[0], u = new double[0], q = new double[0];
    private double[] f = new double[0], df = new double[0], a = new double[0], al = new double[0], pm = new double[0];
    private double[] g = new double[0], gr = new double[0], rep = new double[0];
    private final double[] dqScratch;

    MtpKernel(MtpPlan plan) {
        this.p = plan;
        this.K = plan.funcs;
        this.R = plan.basisSize;
        this.S = plan.monomials;
        moment = new double[plan.moments];
        adjoint = new double[plan.moments];
        weight = new double[plan.basicMoment.length];
        dqScratch = new double[R];
        ensure(64);
    }

    private void ensure(int n) {
        int st = (n + 3) & ~3;
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
            al = new double[S * cap];
            pm = new double[K * cap];
            g = new double[3 * cap];
            gr = new double[cap];
            rep = new double[cap];
        }
        stride = st;
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
        final int st = stride;
        final double rmin = p.minDist, rmax = p.maxDist, sc = p.scaling;
        final double mult = 2.0 / (rmax - rmin), inv = 1.0 / (rmax - rmin);
        final double[] r = this.r, ir = this.ir, u = this.u, q = this.q, f = this.f, df = this.df, a = this.a;

        // ---- pass 1 ----
        double repulsion = 0;
        final boolean repulsive = p.repulsive;
        final double[] radial = p.radial, dqs = dqScratch;
        for (int j = 0; j < n; j++) {
            final double dx = d[3 * j], dy = d[3 * j + 1], dz = d[3 * j + 2];
            final double rj = Math.sqrt(dx * dx + dy * dy + dz * dz);
            final double irj = 1.0 / rj;
            r[j] = rj;
            ir[j] = irj;
            u[j] = dx * irj;
            u[st + j] = dy * irj;
            u[2 * st + j] = dz * irj;
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
        // angular monomials: each is its parent times one component of the unit vector
        final int[] parent = p.monoParent, axis = p.monoAxis;
        Arrays.fill(a, 0, n, 1.0);
        for (int m = 1; m < S; m++) {
            final int o = m * st, po = parent[m] * st, uo = axis[m] * st;
            for (int j = 0; j < n; j++) a[o + j] = a[po + j] * u[uo + j];
        }
        // basic moments: sums over neighbours in neighbour order (as MLIP), four at a time
        final double[] M = moment;
        Arrays.fill(M, 0.0);
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
            M[bMom[b]] = s0;
            M[bMom[b + 1]] = s1;
            M[bMom[b + 2]] = s2;
            M[bMom[b + 3]] = s3;
        }
        for (; b < nb; b++) {
            final int f0 = bFun[b] * st, a0 = bMono[b] * st;
            double s0 = 0;
            for (int j = 0; j < n; j++) s0 += f[f0 + j] * a[a0 + j];
            M[bMom[b]] = s0;
        }

        // ---- products forward (grouped by target), energy, adjoints (transposed) ----
        final int[] fwdTarget = p.fwdTarget, fwdStart = p.fwdStart, fwdP = p.fwdP, fwdQ = p.fwdQ;
        final double[] fwdM = p.fwdM;
        for (int gi = 0; gi < fwdTarget.length; gi++) {
            final int k = fwdTarget[gi];
            // in file order, as MLIP adds them
            double acc = M[k];
            for (int e = fwdStart[gi], end = fwdStart[gi + 1]; e < end; e++) acc += fwdM[e] * M[fwdP[e]] * M[fwdQ[e]];
            M[k] = acc;
        }
        final int[] map = p.mapping;
        final double[] mc = p.momentCoeffs;
        double v = p.speciesCoeffs[ti];
        for (int l = 0; l < map.length; l++) v += mc[l] * M[map[l]];
        v += repulsion;

        final double[] adj = adjoint, seed = p.seed;
        final int[] bwdMoment = p.bwdMoment, bwdStart = p.bwdStart, bwdK = p.bwdK, bwdOther = p.bwdOther;
        final double[] bwdM = p.bwdM;
        for (int h = 0; h < bwdMoment.length; h++) {
            final int k = bwdMoment[h];
            // two interleaved partial sums so that the adds do not wait on each other
            double acc0 = seed[k], acc1 = 0;
            int e = bwdStart[h];
            final int end = bwdStart[h + 1];
            for (; e + 1 < end; e += 2) {
                acc0 += bwdM[e] * adj[bwdK[e]] * M[bwdOther[e]];
                acc1 += bwdM[e + 1] * adj[bwdK[e + 1]] * M[bwdOther[e + 1]];
            }
            if (e < end) acc0 += bwdM[e] * adj[bwdK[e]] * M[bwdOther[e]];
            adj[k] = acc0 + acc1;
        }
        final double[] w = weight;
        for (int i = 0; i < nb; i++) w[i] = adj[bMom[i]];

        // ---- pass 2 ----
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
        System.arraycopy(rep, 0, gr, 0, n);
        for (int mu = 0; mu < K; mu++) {
            final int o = mu * st;
            for (int j = 0; j < n; j++) gr[j] += df[o + j] * pm[o + j];
        }
        // α back through the monomial tree: gradient of Σ_s α_s A_s with respect to the unit vector
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
            Arrays.fill(row, rowOffset, rowOffset + rowRadial, 0.0);
            for (int j = 0; j < n; j++) {
                final int o = rowOffset + tj[j] * K * R;
                for (int mu = 0; mu < K; mu++) {
                    final double pv = pm[mu * st + j];
                    for (int bq = 0; bq < R; bq++) row[o + mu * R + bq] += pv * q[j * R + bq];
                }
            }
            row[rowOffset + rowRadial] = 1.0;
            for (int l = 0; l < map.length; l++) row[rowOffset + rowRadial + 1 + l] = M[map[l]];
        }
        return v;
    }
}
