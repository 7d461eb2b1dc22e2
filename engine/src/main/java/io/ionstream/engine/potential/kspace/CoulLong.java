package io.ionstream.engine.potential.kspace;

import io.ionstream.engine.potential.Erfc;
import io.ionstream.engine.potential.ForceContext;
import io.ionstream.engine.potential.ForceOutput;
import io.ionstream.engine.potential.NeighborMode;
import io.ionstream.engine.potential.Potential;
import io.ionstream.engine.system.SpeciesTable;
import io.ionstream.engine.units.MetalUnits;

/**
 * The real-space part of an Ewald sum, as the Coulomb half of LAMMPS's {@code buck/coul/long}
 * (or {@code coul/long}): E_ij = q_i q_j erfc(α r)/r for r &lt; r_c. Pair it with the
 * {@link Ewald} term of the same α ({@link EwaldParameters#realSpace()}). Unlike LAMMPS, which
 * interpolates erfc from a table (or a 1e-7 polynomial), erfc is evaluated to double precision
 * here, so the real-space part does not limit the accuracy of the sum.
 */
public final class CoulLong implements Potential {
    private static final double TWO_OVER_SQRT_PI = 2.0 / Math.sqrt(Math.PI);

    private final double alpha, cutoff, cutsq;

    public CoulLong(double alpha, double cutoff) {
        if (!(alpha > 0) || !Double.isFinite(alpha)) {
            throw new IllegalArgumentException("coul/long: alpha must be positive (1/Å), got " + alpha);
        }
        if (!(cutoff > 0) || !Double.isFinite(cutoff)) {
            throw new IllegalArgumentException("coul/long: cut-off must be positive, got " + cutoff);
        }
        this.alpha = alpha;
        this.cutoff = cutoff;
        this.cutsq = cutoff * cutoff;
    }

    public double alpha() { return alpha; }

    @Override public String name() { return "coul/long"; }
    @Override public double cutoff() { return cutoff; }
    @Override public NeighborMode neighborMode() { return NeighborMode.HALF; }

    /** Every species interacts through its charge: nothing can be missing. */
    @Override public void validate(SpeciesTable species) {}

    @Override
    public void compute(ForceContext ctx, ForceOutput out) {
        final double[] x = ctx.x, q = ctx.q, f = out.f, eatom = out.eatom;
        final int[] off = ctx.half.offsets(), nb = ctx.half.neighbors();
        final double qqrd2e = MetalUnits.QQR2E, alpha = this.alpha, cutsq = this.cutsq;
        double energy = 0;
        for (int i = 0, nlocal = ctx.nlocal; i < nlocal; i++) {
            final double qi = qqrd2e * q[i];
            if (qi == 0.0) continue;
            final double xi = x[3 * i], yi = x[3 * i + 1], zi = x[3 * i + 2];
            double fxi = 0, fyi = 0, fzi = 0;
            for (int p = off[i], end = off[i + 1]; p < end; p++) {
                final int j = nb[p];
                final double dx = xi - x[3 * j], dy = yi - x[3 * j + 1], dz = zi - x[3 * j + 2];
                final double rsq = dx * dx + dy * dy + dz * dz;
                if (rsq < cutsq && q[j] != 0.0) {
                    final double r = Math.sqrt(rsq);
                    final double grij = alpha * r;
                    final double expm2 = Math.exp(-grij * grij);
                    final double erfc = Erfc.erfcScaled(grij) * expm2;
                    final double prefactor = qi * q[j] / r;
                    final double fpair = prefactor * (erfc + TWO_OVER_SQRT_PI * grij * expm2) / rsq;
                    fxi += dx * fpair;
                    fyi += dy * fpair;
                    fzi += dz * fpair;
                    f[3 * j] -= dx * fpair;
                    f[3 * j + 1] -= dy * fpair;
                    f[3 * j + 2] -= dz * fpair;
                    final double e = prefactor * erfc;
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
