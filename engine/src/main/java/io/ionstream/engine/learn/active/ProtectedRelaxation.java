package io.ionstream.engine.learn.active;

import io.ionstream.engine.neighbor.NeighborSettings;
import io.ionstream.engine.potential.ForceEngine;
import io.ionstream.engine.potential.ForceField;
import io.ionstream.engine.potential.Potential;
import io.ionstream.engine.system.AtomSystem;

/**
 * Relaxes the atoms of a local cell outside its protected inner cube while the protected atoms
 * (the sampled neighbourhood) stay fixed: the relaxation step of local active learning, which
 * heals the contacts the cut created across the new boundaries. FIRE (Bitzek et al. 2006) on the
 * free atoms with a step cap; stops when the largest free force is below {@code fmax} or after
 * {@code maxSteps}. Works on a copy.
 */
public final class ProtectedRelaxation {
    /** The relaxed cell, the largest remaining force on a free atom (eV/Å) and the steps taken. */
    public record Result(AtomSystem cell, double maxForce, int steps) {}

    private ProtectedRelaxation() {}

    public static Result relax(AtomSystem cell, boolean[] fixed, Potential potential, double fmax, int maxSteps) {
        AtomSystem s = cell.copy();
        int n = s.size();
        ForceEngine engine = new ForceEngine(s, ForceField.of(potential), new NeighborSettings(0.5, 1, 0, true, 0));
        double dt = 0.05, alpha = 0.1, dtMax = 0.2, maxStep = 0.1;
        int positive = 0, step = 0;
        double[] v = new double[3 * n];
        double worst = Double.POSITIVE_INFINITY;
        // positions are moved by us, not by an integrator: keep the engine's order fixed (no sorting: sortEvery 0)
        for (step = 0; step < maxSteps; step++) {
            engine.compute();
            double[] f = s.f();
            worst = 0;
            double pf = 0, vv = 0, ff = 0;
            for (int i = 0; i < n; i++) {
                if (fixed[i]) continue;
                for (int d = 0; d < 3; d++) {
                    double fi = f[3 * i + d];
                    worst = Math.max(worst, Math.abs(fi));
                    pf += fi * v[3 * i + d];
                    vv += v[3 * i + d] * v[3 * i + d];
                    ff += fi * fi;
                }
            }
            if (worst < fmax) break;
            if (pf > 0) {
                double scale = Math.sqrt(vv / Math.max(ff, 1e-300));
                for (int k = 0; k < 3 * n; k++) v[k] = (1 - alpha) * v[k] + alpha * scale * f[k];
                if (++positive > 5) {
                    dt = Math.min(dt * 1.1, dtMax);
                    alpha *= 0.99;
                }
            } else {
                java.util.Arrays.fill(v, 0.0);
                positive = 0;
                dt *= 0.5;
                alpha = 0.1;
            }
            double[] x = s.x();
            for (int i = 0; i < n; i++) {
                if (fixed[i]) {
                    v[3 * i] = v[3 * i + 1] = v[3 * i + 2] = 0;
                    continue;
                }
                double dx = 0, dy = 0, dz = 0;
                v[3 * i] += dt * f[3 * i];
                v[3 * i + 1] += dt * f[3 * i + 1];
                v[3 * i + 2] += dt * f[3 * i + 2];
                dx = dt * v[3 * i];
                dy = dt * v[3 * i + 1];
                dz = dt * v[3 * i + 2];
                double len = Math.sqrt(dx * dx + dy * dy + dz * dz);
                if (len > maxStep) {
                    dx *= maxStep / len;
                    dy *= maxStep / len;
                    dz *= maxStep / len;
                }
                x[3 * i] += dx;
                x[3 * i + 1] += dy;
                x[3 * i + 2] += dz;
            }
        }
        return new Result(s, worst, step);
    }
}
