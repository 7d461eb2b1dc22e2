package io.ionstream.engine.learn.fit;

import java.util.Arrays;

/**
 * The per-site computations of MTP training, for one thread (scratch grown on first use, nothing
 * allocated afterwards). With θ the coefficient vector (radial, species, moments; MLIP's order)
 * and a site i with neighbours j at d_j:
 * <ul>
 * <li>{@link #site}: V_i and ∂V_i/∂d_j (forward through radial functions, monomials, basic moments
 * and products; adjoints w = ∂V/∂M backwards);</li>
 * <li>{@link #gradient}: ∂/∂θ of Φ_i = e·V_i − D_δ V_i, where D_δ V_i = Σ_j ∂V_i/∂d_j·δ_j is the
 * directional derivative along given neighbour displacements δ_j. Summed over sites with
 * e = ∂L/∂E and δ_j = ρ_owner(j) − ρ_i + U·d_j (ρ = ∂L/∂F, U from ∂L/∂W) this is the exact
 * gradient of a loss in energies, forces and stresses. It is computed by a tangent (forward)
 * sweep along δ and one reverse sweep through both the values and the tangents, about three
 * site evaluations, instead of one gradient per force component;</li>
 * <li>{@link #design}: the scalar moments and their derivatives ∂M_l/∂d_j, the rows of the linear
 * least-squares problem in the species and moment coefficients, by forward differentiation of
 * the products with respect to the basic moments.</li>
 * </ul>
 */
final class TrainingKernel {
    private final TrainingPlan p;
    private final int K, R, S, NB, L, NM;
    private final double[] m, w, dm, mb, dmb;
    private double[] jac;
    private int cap;
    private double[] f, df, a, u, da, dr, ir;
    private final double[] pf, pd;

    TrainingKernel(TrainingPlan plan) {
        p = plan;
        K = plan.funcs;
        R = plan.basisSize;
        S = plan.monomials;
        NB = plan.basicMoment.length;
        L = plan.scalars;
        NM = plan.moments;
        m = new double[NM];
        w = new double[NM];
        dm = new double[NM];
        mb = new double[NM];
        dmb = new double[NM];
        pf = new double[K];
        pd = new double[K];
        ensure(64);
    }

    private void ensure(int n) {
        if (n <= cap) return;
        cap = Math.max(n, cap * 2);
        f = new double[K * cap];
        df = new double[K * cap];
        a = new double[S * cap];
        da = new double[S * cap];
        u = new double[3 * cap];
        dr = new double[cap];
        ir = new double[cap];
    }

    /** Radial functions, monomials, basic moments and products of site i. Returns the neighbour count. */
    private int forward(TrainingSet.Config c, int i, double[] theta, double scaling) {
        final int ti = c.type[i], k0 = c.off[i], n = c.off[i + 1] - k0;
        ensure(n);
        final int st = cap;
        for (int j = 0; j < n; j++) {
            final int k = k0 + j;
            final double rj = c.r[k], inv = 1.0 / rj;
            ir[j] = inv;
            u[j] = c.d[3 * k] * inv;
            u[st + j] = c.d[3 * k + 1] * inv;
            u[2 * st + j] = c.d[3 * k + 2] * inv;
            final int cb = p.radialOffset(ti, c.nbType[k], 0), qo = k * R;
            for (int mu = 0; mu < K; mu++) {
                double fv = 0, dv = 0;
                final int co = cb + mu * R;
                for (int b = 0; b < R; b++) {
                    fv += theta[co + b] * c.q[qo + b];
                    dv += theta[co + b] * c.dq[qo + b];
                }
                f[mu * st + j] = scaling * fv;
                df[mu * st + j] = scaling * dv;
            }
        }
        Arrays.fill(a, 0, n, 1.0);
        for (int s = 1; s < S; s++) {
            final int o = s * st, po = p.monoParent[s] * st, uo = p.monoAxis[s] * st;
            for (int j = 0; j < n; j++) a[o + j] = a[po + j] * u[uo + j];
        }
        Arrays.fill(m, 0.0);
        for (int b = 0; b < NB; b++) {
            final int fo = p.basicFunc[b] * st, ao = p.basicMono[b] * st;
            double s = 0;
            for (int j = 0; j < n; j++) s += f[fo + j] * a[ao + j];
            m[p.basicMoment[b]] = s;
        }
        final int[] P = p.timesP, Q = p.timesQ, T = p.timesK;
        final double[] mult = p.timesM;
        for (int t = 0; t < T.length; t++) m[T[t]] += mult[t] * m[P[t]] * m[Q[t]];
        return n;
    }

    /** V_i; ∂V_i/∂d_j into {@code g[3j..3j+2]}. */
    double site(TrainingSet.Config c, int i, double[] theta, double scaling, double[] g) {
        final int n = forward(c, i, theta, scaling), st = cap;
        final int mo = p.momentOffset();
        double v = theta[p.speciesOffset() + c.type[i]];
        Arrays.fill(w, 0.0);
        for (int l = 0; l < L; l++) {
            v += theta[mo + l] * m[p.mapping[l]];
            w[p.mapping[l]] += theta[mo + l];
        }
        final int[] P = p.timesP, Q = p.timesQ, T = p.timesK;
        final double[] mult = p.timesM;
        for (int t = T.length - 1; t >= 0; t--) {
            final double wk = w[T[t]];
            if (wk == 0) continue;
            w[P[t]] += mult[t] * wk * m[Q[t]];
            w[Q[t]] += mult[t] * wk * m[P[t]];
        }
        for (int j = 0; j < n; j++) {
            double gr = 0, gx = 0, gy = 0, gz = 0;
            for (int b = 0; b < NB; b++) {
                final double wb = w[p.basicMoment[b]];
                if (wb == 0) continue;
                final int mu = p.basicFunc[b], s = p.basicMono[b];
                gr += wb * df[mu * st + j] * a[s * st + j];
                final double fb = wb * f[mu * st + j];
                if (p.pow[3 * s] > 0) gx += fb * p.pow[3 * s] * a[p.lower[3 * s] * st + j];
                if (p.pow[3 * s + 1] > 0) gy += fb * p.pow[3 * s + 1] * a[p.lower[3 * s + 1] * st + j];
                if (p.pow[3 * s + 2] > 0) gz += fb * p.pow[3 * s + 2] * a[p.lower[3 * s + 2] * st + j];
            }
            final double ux = u[j], uy = u[st + j], uz = u[2 * st + j], ug = ux * gx + uy * gy + uz * gz, inv = ir[j];
            g[3 * j] = gr * ux + (gx - ug * ux) * inv;
            g[3 * j + 1] = gr * uy + (gy - ug * uy) * inv;
            g[3 * j + 2] = gr * uz + (gz - ug * uz) * inv;
        }
        return v;
    }

    /**
     * Adds ∂/∂θ (e·V_i − Σ_j ∂V_i/∂d_j·δ_j) to {@code grad}, with {@code delta[3j..3j+2]} = δ_j for
     * the neighbours of site i (in neighbour order).
     */
    void gradient(TrainingSet.Config c, int i, double[] theta, double scaling, double e, double[] delta, double[] grad) {
        final int n = forward(c, i, theta, scaling), st = cap;
        final int ti = c.type[i], k0 = c.off[i];
        // tangent of the geometry: δr = û·δ, δû = (δ − û δr)/r, δA_s = Σ_a pow_a A_lower_a δu_a
        Arrays.fill(da, 0, n, 0.0);
        for (int j = 0; j < n; j++) {
            final double ux = u[j], uy = u[st + j], uz = u[2 * st + j];
            final double dx = delta[3 * j], dy = delta[3 * j + 1], dz = delta[3 * j + 2];
            final double drj = ux * dx + uy * dy + uz * dz, inv = ir[j];
            dr[j] = drj;
            final double dux = (dx - ux * drj) * inv, duy = (dy - uy * drj) * inv, duz = (dz - uz * drj) * inv;
            for (int s = 1; s < S; s++) {
                double t = 0;
                if (p.pow[3 * s] > 0) t += p.pow[3 * s] * a[p.lower[3 * s] * st + j] * dux;
                if (p.pow[3 * s + 1] > 0) t += p.pow[3 * s + 1] * a[p.lower[3 * s + 1] * st + j] * duy;
                if (p.pow[3 * s + 2] > 0) t += p.pow[3 * s + 2] * a[p.lower[3 * s + 2] * st + j] * duz;
                da[s * st + j] = t;
            }
        }
        Arrays.fill(dm, 0.0);
        for (int b = 0; b < NB; b++) {
            final int fo = p.basicFunc[b] * st, ao = p.basicMono[b] * st;
            double s = 0;
            for (int j = 0; j < n; j++) s += df[fo + j] * dr[j] * a[ao + j] + f[fo + j] * da[ao + j];
            dm[p.basicMoment[b]] = s;
        }
        final int[] P = p.timesP, Q = p.timesQ, T = p.timesK;
        final double[] mult = p.timesM;
        for (int t = 0; t < T.length; t++) dm[T[t]] += mult[t] * (dm[P[t]] * m[Q[t]] + m[P[t]] * dm[Q[t]]);

        final int so = p.speciesOffset(), mo = p.momentOffset();
        grad[so + ti] += e;
        Arrays.fill(mb, 0.0);
        Arrays.fill(dmb, 0.0);
        for (int l = 0; l < L; l++) {
            final int k = p.mapping[l];
            grad[mo + l] += e * m[k] - dm[k];
            mb[k] += e * theta[mo + l];
            dmb[k] -= theta[mo + l];
        }
        for (int t = T.length - 1; t >= 0; t--) {
            final int k = T[t];
            final double bk = mb[k], dbk = dmb[k];
            if (bk == 0 && dbk == 0) continue;
            final int pp = P[t], qq = Q[t];
            final double mm = mult[t];
            mb[pp] += mm * (bk * m[qq] + dbk * dm[qq]);
            mb[qq] += mm * (bk * m[pp] + dbk * dm[pp]);
            dmb[pp] += mm * dbk * m[qq];
            dmb[qq] += mm * dbk * m[pp];
        }
        for (int j = 0; j < n; j++) {
            Arrays.fill(pf, 0.0);
            Arrays.fill(pd, 0.0);
            for (int b = 0; b < NB; b++) {
                final int bm = p.basicMoment[b];
                final double x = mb[bm], y = dmb[bm];
                if (x == 0 && y == 0) continue;
                final int mu = p.basicFunc[b], ao = p.basicMono[b] * st + j;
                pf[mu] += x * a[ao] + y * da[ao];
                pd[mu] += y * a[ao];
            }
            final int k = k0 + j, qo = k * R, cb = p.radialOffset(ti, c.nbType[k], 0);
            final double drj = dr[j];
            for (int mu = 0; mu < K; mu++) {
                final double x = scaling * pf[mu], y = scaling * pd[mu] * drj;
                if (x == 0 && y == 0) continue;
                final int co = cb + mu * R;
                for (int b = 0; b < R; b++) grad[co + b] += x * c.q[qo + b] + y * c.dq[qo + b];
            }
        }
    }

    /**
     * The scalar moments of site i into {@code scalars[0..L)} and their gradients ∂M_l/∂d_j into
     * {@code g[(l·n + j)·3 + a]} (n = the site's neighbour count, returned).
     */
    int design(TrainingSet.Config c, int i, double[] theta, double scaling, double[] scalars, double[] g) {
        final int n = forward(c, i, theta, scaling), st = cap;
        for (int l = 0; l < L; l++) scalars[l] = m[p.mapping[l]];
        if (jac == null) jac = new double[NM * NB];
        final double[] J = jac;
        Arrays.fill(J, 0.0);
        for (int b = 0; b < NB; b++) J[p.basicMoment[b] * NB + b] = 1.0;
        final int[] P = p.timesP, Q = p.timesQ, T = p.timesK;
        final double[] mult = p.timesM;
        for (int t = 0; t < T.length; t++) {
            final int ko = T[t] * NB, po = P[t] * NB, qo = Q[t] * NB;
            final double mp = mult[t] * m[P[t]], mq = mult[t] * m[Q[t]];
            for (int b = 0; b < NB; b++) J[ko + b] += mq * J[po + b] + mp * J[qo + b];
        }
        if (rho.length < NB) {
            rho = new double[NB];
            gax = new double[NB];
            gay = new double[NB];
            gaz = new double[NB];
        }
        for (int j = 0; j < n; j++) {
            for (int b = 0; b < NB; b++) {
                final int mu = p.basicFunc[b], s = p.basicMono[b];
                rho[b] = df[mu * st + j] * a[s * st + j];
                final double fb = f[mu * st + j];
                gax[b] = p.pow[3 * s] > 0 ? fb * p.pow[3 * s] * a[p.lower[3 * s] * st + j] : 0;
                gay[b] = p.pow[3 * s + 1] > 0 ? fb * p.pow[3 * s + 1] * a[p.lower[3 * s + 1] * st + j] : 0;
                gaz[b] = p.pow[3 * s + 2] > 0 ? fb * p.pow[3 * s + 2] * a[p.lower[3 * s + 2] * st + j] : 0;
            }
            final double ux = u[j], uy = u[st + j], uz = u[2 * st + j], inv = ir[j];
            for (int l = 0; l < L; l++) {
                final int jo = p.mapping[l] * NB;
                double sr = 0, sx = 0, sy = 0, sz = 0;
                for (int b = 0; b < NB; b++) {
                    final double jb = J[jo + b];
                    sr += jb * rho[b];
                    sx += jb * gax[b];
                    sy += jb * gay[b];
                    sz += jb * gaz[b];
                }
                final double ug = ux * sx + uy * sy + uz * sz;
                final int o = (l * n + j) * 3;
                g[o] = sr * ux + (sx - ug * ux) * inv;
                g[o + 1] = sr * uy + (sy - ug * uy) * inv;
                g[o + 2] = sr * uz + (sz - ug * uz) * inv;
            }
        }
        return n;
    }

    private double[] rho = new double[0], gax = new double[0], gay = new double[0], gaz = new double[0];
}
