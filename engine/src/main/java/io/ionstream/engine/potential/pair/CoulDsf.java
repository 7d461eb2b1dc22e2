package io.ionstream.engine.potential.pair;

import io.ionstream.engine.potential.Erfc;
import io.ionstream.engine.potential.ForceContext;
import io.ionstream.engine.potential.ForceOutput;
import io.ionstream.engine.potential.NeighborMode;
import io.ionstream.engine.potential.Potential;
import io.ionstream.engine.system.SpeciesTable;
import io.ionstream.engine.units.MetalUnits;

/**
 * Damped shifted-force Coulomb (Fennell &amp; Gezelter, J. Chem. Phys. 124, 234104 (2006)) as
 * LAMMPS {@code pair_style coul/dsf α r_c}: the erfc-damped Coulomb pair energy shifted so that
 * both energy and force vanish at r_c,
 * E_ij = q_i q_j [erfc(αr)/r − erfc(αr_c)/r_c + (erfc(αr_c)/r_c² + 2α/√π exp(−α²r_c²)/r_c)(r − r_c)],
 * plus a self energy −(erfc(αr_c)/(2r_c) + α/√π) q_i² per atom, which LAMMPS books on the atom
 * itself, so per-atom energies include it.
 *
 * <p>Exactly as LAMMPS, the shift constants use the exact erfc while the pair loop uses the
 * Abramowitz–Stegun 7.1.26 polynomial for erfc(αr) (absolute error below 1.5e-7): that polynomial
 * is part of what LAMMPS's coul/dsf computes, and keeping it makes our numbers LAMMPS's to
 * round-off. Charges come from {@link ForceContext#q}; all species interact.
 */
public final class CoulDsf implements Potential {
    // Abramowitz & Stegun 7.1.26
    private static final double P = 0.3275911;
    private static final double A1 = 0.254829592, A2 = -0.284496736, A3 = 1.421413741, A4 = -1.453152027,
        A5 = 1.061405429;
    private static final double SQRT_PI = Math.sqrt(Math.PI);

    private final double alpha, cutoff, cutsq, fShift, eShift;

    /** Damping α (Å⁻¹, ≥ 0; 0 gives the undamped shifted-force Coulomb) and cut-off r_c (Å). */
    public CoulDsf(double alpha, double cutoff) {
        if (!(alpha >= 0) || !Double.isFinite(alpha)) {
            throw new IllegalArgumentException("coul/dsf: damping alpha must be >= 0 (1/Å), got " + alpha);
        }
        if (!(cutoff > 0) || !Double.isFinite(cutoff)) {
            throw new IllegalArgumentException("coul/dsf: cut-off must be positive, got " + cutoff);
        }
        this.alpha = alpha;
        this.cutoff = cutoff;
        this.cutsq = cutoff * cutoff;
        double erfcc = Erfc.erfc(alpha * cutoff);
        double erfcd = Math.exp(-alpha * alpha * cutsq);
        this.fShift = -(erfcc / cutsq + 2.0 / SQRT_PI * alpha * erfcd / cutoff);
        this.eShift = erfcc / cutoff - fShift * cutoff;
    }

    public double alpha() { return alpha; }

    @Override public String name() { return "coul/dsf"; }
    @Override public double cutoff() { return cutoff; }
    @Override public NeighborMode neighborMode() { return NeighborMode.HALF; }

    /** Every species interacts through its charge: nothing can be missing. */
    @Override public void validate(SpeciesTable species) {}

    @Override
    public void compute(ForceContext ctx, ForceOutput out) {
        final double[] x = ctx.x, q = ctx.q, f = out.f, eatom = out.eatom;
        final int[] off = ctx.half.offsets(), nb = ctx.half.neighbors();
        final double qqrd2e = MetalUnits.QQR2E;
        final double alpha = this.alpha, a2 = alpha * alpha, cutsq = this.cutsq, fShift = this.fShift,
            eShift = this.eShift;
        final double twoAlphaOverSqrtPi = 2.0 * alpha / SQRT_PI;
        final double selfFactor = -(0.5 * eShift + alpha / SQRT_PI) * qqrd2e;
        double energy = 0;
        for (int i = 0, nlocal = ctx.nlocal; i < nlocal; i++) {
            final double qi = q[i];
            final double xi = x[3 * i], yi = x[3 * i + 1], zi = x[3 * i + 2];
            final double eself = selfFactor * qi * qi;
            energy += eself;
            if (eatom != null) eatom[i] += eself;
            double fxi = 0, fyi = 0, fzi = 0;
            for (int p = off[i], end = off[i + 1]; p < end; p++) {
                final int j = nb[p];
                final double dx = xi - x[3 * j], dy = yi - x[3 * j + 1], dz = zi - x[3 * j + 2];
                final double rsq = dx * dx + dy * dy + dz * dz;
                if (rsq < cutsq) {
                    final double r = Math.sqrt(rsq);
                    final double prefactor = qqrd2e * qi * q[j] / r;
                    final double erfcd = Math.exp(-a2 * rsq);
                    final double t = 1.0 / (1.0 + P * alpha * r);
                    final double erfcc = t * (A1 + t * (A2 + t * (A3 + t * (A4 + t * A5)))) * erfcd;
                    final double forcecoul = prefactor * (erfcc / r + twoAlphaOverSqrtPi * erfcd + r * fShift) * r;
                    final double fpair = forcecoul / rsq;
                    fxi += dx * fpair;
                    fyi += dy * fpair;
                    fzi += dz * fpair;
                    f[3 * j] -= dx * fpair;
                    f[3 * j + 1] -= dy * fpair;
                    f[3 * j + 2] -= dz * fpair;
                    final double e = prefactor * (erfcc - r * eShift - rsq * fShift);
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
