package io.ionstream.engine.potential.pair;

import io.ionstream.engine.potential.ForceContext;
import io.ionstream.engine.potential.ForceOutput;
import io.ionstream.engine.potential.NeighborMode;
import io.ionstream.engine.potential.Potential;
import io.ionstream.engine.system.SpeciesTable;

/**
 * Buckingham exp-6 repulsion and dispersion truncated at a cut-off without shift, as LAMMPS
 * {@code pair_style buck}: E = A exp(−r/ρ) − C/r⁶ for r &lt; r_c. Like LAMMPS there is no mixing
 * rule: every type pair present in a system needs its own coefficients.
 */
public final class Buckingham implements Potential {
    private final int ntypes;
    private final double cutGlobal;
    private final double[] a, rho, c, cut;
    private final boolean[] set;
    // derived per type pair (flattened ntypes x ntypes): A/ρ, 6C, A, C, 1/ρ, r_c²
    private double[] buck1, buck2, aa, cc, rhoinv, cutsq;
    private double maxCut;

    public Buckingham(int ntypes, double cutoff) {
        if (ntypes < 1) throw new IllegalArgumentException("buck: need at least one type");
        if (!(cutoff > 0) || !Double.isFinite(cutoff)) {
            throw new IllegalArgumentException("buck: cut-off must be positive, got " + cutoff);
        }
        this.ntypes = ntypes;
        this.cutGlobal = cutoff;
        int nn = ntypes * ntypes;
        a = new double[nn];
        rho = new double[nn];
        c = new double[nn];
        cut = new double[nn];
        set = new boolean[nn];
    }

    /** Coefficients A (eV), ρ (Å), C (eV·Å⁶) for types i and j (0-based) with the global cut-off. */
    public Buckingham coeff(int i, int j, double a, double rho, double c) {
        return coeff(i, j, a, rho, c, cutGlobal);
    }

    public Buckingham coeff(int i, int j, double a, double rho, double c, double rc) {
        check(i);
        check(j);
        if (!Double.isFinite(a) || !(rho > 0) || !Double.isFinite(rho) || !Double.isFinite(c)
            || !(rc > 0) || !Double.isFinite(rc)) {
            throw new IllegalArgumentException("buck coefficients for types " + i + "," + j
                + " need finite A and C, rho > 0 and cut-off > 0; got A=" + a + ", rho=" + rho + ", C=" + c
                + ", cut-off=" + rc);
        }
        for (int k : new int[] {i * ntypes + j, j * ntypes + i}) {
            this.a[k] = a;
            this.rho[k] = rho;
            this.c[k] = c;
            cut[k] = rc;
            set[k] = true;
        }
        buck1 = null;
        return this;
    }

    private void check(int t) {
        if (t < 0 || t >= ntypes) throw new IllegalArgumentException("buck: type " + t + " outside 0.." + (ntypes - 1));
    }

    private void derive() {
        int nn = ntypes * ntypes;
        buck1 = new double[nn];
        buck2 = new double[nn];
        aa = new double[nn];
        cc = new double[nn];
        rhoinv = new double[nn];
        cutsq = new double[nn];
        maxCut = 0;
        for (int k = 0; k < nn; k++) {
            if (!set[k]) continue; // reported by validate()
            rhoinv[k] = 1.0 / rho[k];
            buck1[k] = a[k] / rho[k];
            buck2[k] = 6.0 * c[k];
            aa[k] = a[k];
            cc[k] = c[k];
            cutsq[k] = cut[k] * cut[k];
            maxCut = Math.max(maxCut, cut[k]);
        }
    }

    @Override public String name() { return "buck"; }

    @Override
    public double cutoff() {
        if (buck1 == null) derive();
        return maxCut > 0 ? maxCut : cutGlobal;
    }

    @Override public NeighborMode neighborMode() { return NeighborMode.HALF; }

    @Override
    public void validate(SpeciesTable species) {
        if (species.size() > ntypes) {
            throw new IllegalArgumentException("buck has coefficients for " + ntypes + " types but the system has "
                + species.size() + " species (" + species + ")");
        }
        for (int i = 0; i < species.size(); i++) {
            for (int j = i; j < species.size(); j++) {
                if (!set[i * ntypes + j]) {
                    throw new IllegalArgumentException("buck: no coefficients for the pair " + species.symbol(i) + "-"
                        + species.symbol(j) + " (types " + i + "," + j + "); Buckingham has no mixing rule");
                }
            }
        }
        if (buck1 == null) derive();
    }

    @Override
    public void compute(ForceContext ctx, ForceOutput out) {
        if (buck1 == null) derive();
        final double[] x = ctx.x, f = out.f, eatom = out.eatom;
        final int[] type = ctx.type;
        final int[] off = ctx.half.offsets(), nb = ctx.half.neighbors();
        final double[] buck1 = this.buck1, buck2 = this.buck2, aa = this.aa, cc = this.cc, rhoinv = this.rhoinv,
            cutsq = this.cutsq;
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
                    final double r = Math.sqrt(rsq);
                    final double rexp = Math.exp(-r * rhoinv[k]);
                    final double fpair = (buck1[k] * r * rexp - buck2[k] * r6inv) * r2inv;
                    fxi += dx * fpair;
                    fyi += dy * fpair;
                    fzi += dz * fpair;
                    f[3 * j] -= dx * fpair;
                    f[3 * j + 1] -= dy * fpair;
                    f[3 * j + 2] -= dz * fpair;
                    final double e = aa[k] * rexp - cc[k] * r6inv;
                    energy += e;
                    if (eatom != null) {
                        eatom[i] += 0.5 * e;
                        eatom[j] += 0.5 * e;
                    }
                }
            }
            f[3 * i] += fxi;
            f[3 * i + 1] += fyi;
            f[3 * i + 2] += fzi;
        }
        out.energy += energy;
    }
}
