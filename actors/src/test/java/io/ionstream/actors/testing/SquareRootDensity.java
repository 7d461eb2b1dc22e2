package io.ionstream.actors.testing;

import io.ionstream.engine.potential.ForceContext;
import io.ionstream.engine.potential.ForceOutput;
import io.ionstream.engine.potential.NeighborMode;
import io.ionstream.engine.potential.Potential;
import io.ionstream.engine.system.SpeciesTable;

/**
 * A many-body test potential on a full list, shaped like the MTP and EAM (a site energy of each
 * local atom from all its neighbours, forces on neighbours that may be ghosts):
 * E_i = −A·sqrt(ρ_i), ρ_i = Σ_j (1 − r/r_c)⁴ (a Finnis-Sinclair-like embedding), plus a pair
 * repulsion B·(1 − r/r_c)⁶ counted once per ordered pair with a factor ½.
 */
public final class SquareRootDensity implements Potential {
    private final double a, b, rc;

    public SquareRootDensity(double a, double b, double rc) {
        this.a = a;
        this.b = b;
        this.rc = rc;
    }

    @Override public String name() { return "test/sqrt-density"; }
    @Override public double cutoff() { return rc; }
    @Override public NeighborMode neighborMode() { return NeighborMode.FULL; }
    @Override public void validate(SpeciesTable species) {}

    @Override
    public void compute(ForceContext ctx, ForceOutput out) {
        double[] x = ctx.x, f = out.f;
        int[] off = ctx.full.offsets(), nb = ctx.full.neighbors();
        double e = 0, rc2 = rc * rc;
        for (int i = 0; i < ctx.nlocal; i++) {
            double xi = x[3 * i], yi = x[3 * i + 1], zi = x[3 * i + 2];
            double rho = 0;
            for (int p = off[i]; p < off[i + 1]; p++) {
                int j = nb[p];
                double dx = x[3 * j] - xi, dy = x[3 * j + 1] - yi, dz = x[3 * j + 2] - zi;
                double r2 = dx * dx + dy * dy + dz * dz;
                if (r2 >= rc2) continue;
                double s = 1 - Math.sqrt(r2) / rc;
                rho += s * s * s * s;
            }
            if (rho <= 0) continue;
            double sq = Math.sqrt(rho);
            e += -a * sq;
            double dEdRho = -0.5 * a / sq;
            for (int p = off[i]; p < off[i + 1]; p++) {
                int j = nb[p];
                double dx = x[3 * j] - xi, dy = x[3 * j + 1] - yi, dz = x[3 * j + 2] - zi;
                double r2 = dx * dx + dy * dy + dz * dz;
                if (r2 >= rc2) continue;
                double r = Math.sqrt(r2), s = 1 - r / rc;
                double s3 = s * s * s;
                e += 0.5 * b * s3 * s3;
                // dE/dr for this (i, j): embedding through ρ_i plus half the pair term
                double dEdr = dEdRho * (-4 * s3 / rc) + 0.5 * b * (-6 * s3 * s * s / rc);
                double fx = dEdr * dx / r, fy = dEdr * dy / r, fz = dEdr * dz / r;
                // r = |x_j − x_i|: force on j is −dE/dx_j, on i the opposite
                f[3 * j] -= fx; f[3 * j + 1] -= fy; f[3 * j + 2] -= fz;
                f[3 * i] += fx; f[3 * i + 1] += fy; f[3 * i + 2] += fz;
            }
        }
        out.energy += e;
    }
}
