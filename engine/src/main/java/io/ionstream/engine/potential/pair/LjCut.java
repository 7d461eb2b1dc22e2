package io.ionstream.engine.potential.pair;

import io.ionstream.engine.potential.ForceContext;
import io.ionstream.engine.potential.ForceOutput;
import io.ionstream.engine.potential.NeighborMode;
import io.ionstream.engine.potential.Potential;
import io.ionstream.engine.system.SpeciesTable;

/**
 * Lennard-Jones 12-6 truncated at a cut-off without shift, as LAMMPS {@code pair_style lj/cut}:
 * E = 4ε[(σ/r)¹² − (σ/r)⁶] for r &lt; r_c. Coefficients per type pair; unset mixed pairs follow
 * LAMMPS's default geometric mixing.
 */
public final class LjCut implements Potential {
    private final int ntypes;
    private final double cutGlobal;
    private final double[] epsilon, sigma, cut;
    private final boolean[] set;
    // derived per type pair (flattened ntypes x ntypes): 48εσ¹², 24εσ⁶, 4εσ¹², 4εσ⁶, r_c²
    private double[] lj1, lj2, lj3, lj4, cutsq;
    private double maxCut;
    // scratch rows of the kernel: neighbours inside the cut-off of the current atom
    private int[] rowJ = new int[0], rowK = new int[0];
    private double[] rowRsq = new double[0];

    public LjCut(int ntypes, double cutoff) {
        if (ntypes < 1) throw new IllegalArgumentException("lj/cut: need at least one type");
        if (!(cutoff > 0)) throw new IllegalArgumentException("lj/cut: cut-off must be positive, got " + cutoff);
        this.ntypes = ntypes;
        this.cutGlobal = cutoff;
        epsilon = new double[ntypes * ntypes];
        sigma = new double[ntypes * ntypes];
        cut = new double[ntypes * ntypes];
        set = new boolean[ntypes * ntypes];
    }

    /** Coefficients for types i and j (0-based) with the global cut-off. */
    public LjCut coeff(int i, int j, double eps, double sig) {
        return coeff(i, j, eps, sig, cutGlobal);
    }

    public LjCut coeff(int i, int j, double eps, double sig, double rc) {
        check(i); check(j);
        if (!(eps >= 0) || !(sig > 0) || !(rc > 0)) {
            throw new IllegalArgumentException("lj/cut coefficients for types " + i + "," + j
                + " need epsilon >= 0, sigma > 0, cut-off > 0; got " + eps + ", " + sig + ", " + rc);
        }
        for (int[] p : new int[][] {{i, j}, {j, i}}) {
            int k = p[0] * ntypes + p[1];
            epsilon[k] = eps; sigma[k] = sig; cut[k] = rc; set[k] = true;
        }
        lj1 = null;
        return this;
    }

    private void check(int t) {
        if (t < 0 || t >= ntypes) throw new IllegalArgumentException("lj/cut: type " + t + " outside 0.." + (ntypes - 1));
    }

    private void derive() {
        int nn = ntypes * ntypes;
        lj1 = new double[nn]; lj2 = new double[nn]; lj3 = new double[nn]; lj4 = new double[nn]; cutsq = new double[nn];
        maxCut = 0;
        for (int i = 0; i < ntypes; i++) {
            for (int j = 0; j < ntypes; j++) {
                int k = i * ntypes + j;
                double eps, sig, rc;
                if (set[k]) {
                    eps = epsilon[k]; sig = sigma[k]; rc = cut[k];
                } else {
                    int ii = i * ntypes + i, jj = j * ntypes + j;
                    if (!set[ii] || !set[jj]) continue; // reported by validate()
                    eps = Math.sqrt(epsilon[ii] * epsilon[jj]);
                    sig = Math.sqrt(sigma[ii] * sigma[jj]);
                    rc = Math.sqrt(cut[ii] * cut[jj]);
                }
                double s6 = Math.pow(sig, 6.0), s12 = s6 * s6;
                lj1[k] = 48.0 * eps * s12;
                lj2[k] = 24.0 * eps * s6;
                lj3[k] = 4.0 * eps * s12;
                lj4[k] = 4.0 * eps * s6;
                cutsq[k] = rc * rc;
                maxCut = Math.max(maxCut, rc);
            }
        }
    }

    @Override public String name() { return "lj/cut"; }

    @Override
    public double cutoff() {
        if (lj1 == null) derive();
        return Math.max(maxCut, 0) > 0 ? maxCut : cutGlobal;
    }

    @Override public NeighborMode neighborMode() { return NeighborMode.HALF; }

    @Override
    public void validate(SpeciesTable species) {
        if (species.size() > ntypes) {
            throw new IllegalArgumentException("lj/cut has coefficients for " + ntypes + " types but the system has "
                + species.size() + " species (" + species + ")");
        }
        for (int i = 0; i < species.size(); i++) {
            for (int j = i; j < species.size(); j++) {
                boolean ok = set[i * ntypes + j] || (set[i * ntypes + i] && set[j * ntypes + j]);
                if (!ok) {
                    throw new IllegalArgumentException("lj/cut: no coefficients for the pair " + species.symbol(i) + "-"
                        + species.symbol(j) + " (types " + i + "," + j + ")");
                }
            }
        }
        if (lj1 == null) derive();
    }

    @Override
    public void compute(ForceContext ctx, ForceOutput out) {
        if (lj1 == null) derive();
        out.energy += out.eatom == null ? kernel(ctx, out.f) : kernelPerAtom(ctx, out.f, out.eatom);
    }

    /**
     * The hot loop, in two passes per atom: first the distances to all list neighbours, keeping
     * (branch-free) those inside the cut-off in a scratch row, then forces for those only. The
     * in/out test is close to a coin flip for a Verlet list with skin, so a branch on it would be
     * mispredicted half the time; the compacted second pass has no such branch.
     */
    private double kernel(ForceContext ctx, double[] f) {
        final double[] x = ctx.x;
        final int[] type = ctx.type;
        final int[] off = ctx.half.offsets(), nb = ctx.half.neighbors();
        final double[] lj1 = this.lj1, lj2 = this.lj2, lj3 = this.lj3, lj4 = this.lj4, cutsq = this.cutsq;
        final int nt = ntypes;
        double energy = 0;
        for (int i = 0, nlocal = ctx.nlocal; i < nlocal; i++) {
            final int i3 = 3 * i;
            final double xi = x[i3], yi = x[i3 + 1], zi = x[i3 + 2];
            final int ti = type[i] * nt;
            final int begin = off[i], end = off[i + 1];
            if (end - begin > rowJ.length) growRows(end - begin);
            final int[] rj = rowJ, rk = rowK;
            final double[] rr = rowRsq;
            int m = 0;
            for (int p = begin; p < end; p++) {
                final int j = nb[p];
                final int j3 = 3 * j;
                final double dx = xi - x[j3], dy = yi - x[j3 + 1], dz = zi - x[j3 + 2];
                final double rsq = dx * dx + dy * dy + dz * dz;
                final int k = ti + type[j];
                rj[m] = j3;
                rk[m] = k;
                rr[m] = rsq;
                m += rsq < cutsq[k] ? 1 : 0;
            }
            double fxi = 0, fyi = 0, fzi = 0;
            for (int q = 0; q < m; q++) {
                final int j3 = rj[q], k = rk[q];
                final double dx = xi - x[j3], dy = yi - x[j3 + 1], dz = zi - x[j3 + 2];
                final double r2inv = 1.0 / rr[q];
                final double r6inv = r2inv * r2inv * r2inv;
                final double fpair = r6inv * (lj1[k] * r6inv - lj2[k]) * r2inv;
                fxi += dx * fpair;
                fyi += dy * fpair;
                fzi += dz * fpair;
                f[j3] -= dx * fpair;
                f[j3 + 1] -= dy * fpair;
                f[j3 + 2] -= dz * fpair;
                energy += r6inv * (lj3[k] * r6inv - lj4[k]);
            }
            f[i3] += fxi;
            f[i3 + 1] += fyi;
            f[i3 + 2] += fzi;
        }
        return energy;
    }

    /** The same with per-atom energies (half of each pair energy to each atom). */
    private double kernelPerAtom(ForceContext ctx, double[] f, double[] eatom) {
        final double[] x = ctx.x;
        final int[] type = ctx.type;
        final int[] off = ctx.half.offsets(), nb = ctx.half.neighbors();
        final int nt = ntypes;
        double energy = 0;
        for (int i = 0, nlocal = ctx.nlocal; i < nlocal; i++) {
            final double xi = x[3 * i], yi = x[3 * i + 1], zi = x[3 * i + 2];
            final int ti = type[i] * nt;
            double fxi = 0, fyi = 0, fzi = 0;
            for (int p = off[i], end = off[i + 1]; p < end; p++) {
                final int j = nb[p];
                final double dx = xi - x[3 * j], dy = yi - x[3 * j + 1], dz = zi - x[3 * j + 2];
                final double rsq = dx * dx + dy * dy + dz * dz;
                final int k = ti + type[j];
                if (rsq < cutsq[k]) {
                    final double r2inv = 1.0 / rsq;
                    final double r6inv = r2inv * r2inv * r2inv;
                    final double fpair = r6inv * (lj1[k] * r6inv - lj2[k]) * r2inv;
                    fxi += dx * fpair;
                    fyi += dy * fpair;
                    fzi += dz * fpair;
                    f[3 * j] -= dx * fpair;
                    f[3 * j + 1] -= dy * fpair;
                    f[3 * j + 2] -= dz * fpair;
                    final double e = r6inv * (lj3[k] * r6inv - lj4[k]);
                    energy += e;
                    eatom[i] += 0.5 * e;
                    eatom[j] += 0.5 * e;
                }
            }
            f[3 * i] += fxi;
            f[3 * i + 1] += fyi;
            f[3 * i + 2] += fzi;
        }
        return energy;
    }

    private void growRows(int n) {
        int cap = n + (n >> 1) + 16;
        rowJ = new int[cap];
        rowK = new int[cap];
        rowRsq = new double[cap];
    }
}
