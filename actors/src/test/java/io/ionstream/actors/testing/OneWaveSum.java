package io.ionstream.actors.testing;

import io.ionstream.engine.potential.ForceContext;
import io.ionstream.engine.potential.ForceOutput;
import io.ionstream.engine.potential.GlobalSumTerm;
import io.ionstream.engine.potential.NeighborMode;
import io.ionstream.engine.system.Box;
import io.ionstream.engine.system.SpeciesTable;

/**
 * A global-sum test term shaped like one wave of an Ewald sum along a (orthorhombic cells):
 * E = K (C² + S²) with C = Σ q_i cos θ_i, S = Σ q_i sin θ_i, θ_i = 2π (x_i − xlo)/lx. It depends
 * on every atom of the system at once, so a decomposed run needs the extra reduction round.
 * (It is invariant under affine cell deformation, so its virial is zero.)
 */
public final class OneWaveSum implements GlobalSumTerm {
    private final double k;
    private final double[] sums = new double[2];

    public OneWaveSum(double k) { this.k = k; }

    @Override public String name() { return "test/one-wave"; }
    @Override public double cutoff() { return 0; }
    @Override public NeighborMode neighborMode() { return NeighborMode.NONE; }
    @Override public void validate(SpeciesTable species) {}

    @Override
    public int prepare(Box box) {
        if (!box.isOrthorhombic()) throw new IllegalArgumentException("test/one-wave needs an orthorhombic cell");
        return 2;
    }

    @Override
    public void partialSums(ForceContext ctx, double[] out) {
        double c = 0, s = 0, w = 2 * Math.PI / ctx.box.lx();
        for (int i = 0; i < ctx.nlocal; i++) {
            double t = w * (ctx.x[3 * i] - ctx.box.xlo());
            c += ctx.q[i] * Math.cos(t);
            s += ctx.q[i] * Math.sin(t);
        }
        out[0] = c;
        out[1] = s;
    }

    @Override
    public void applyForces(ForceContext ctx, double[] totals, ForceOutput out) {
        double c = totals[0], s = totals[1], w = 2 * Math.PI / ctx.box.lx();
        for (int i = 0; i < ctx.nlocal; i++) {
            double t = w * (ctx.x[3 * i] - ctx.box.xlo());
            // dE/dx_i = 2K (C dC/dx_i + S dS/dx_i), dC/dx_i = -q w sin t, dS/dx_i = q w cos t
            out.f[3 * i] -= 2 * k * ctx.q[i] * w * (-c * Math.sin(t) + s * Math.cos(t));
        }
    }

    @Override
    public void addEnergyAndVirial(double[] totals, ForceOutput out) {
        out.energy += k * (totals[0] * totals[0] + totals[1] * totals[1]);
    }

    @Override
    public void compute(ForceContext ctx, ForceOutput out) {
        prepare(ctx.box);
        partialSums(ctx, sums);
        applyForces(ctx, sums, out);
        addEnergyAndVirial(sums, out);
    }
}
