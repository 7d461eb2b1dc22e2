package io.ionstream.engine.min;

import io.ionstream.engine.md.StepSums;
import io.ionstream.engine.system.AtomSystem;
import io.ionstream.engine.units.MetalUnits;
import java.util.Arrays;

/**
 * FIRE, the fast inertial relaxation engine (Bitzek et al. 2006), in the form of LAMMPS's
 * {@code min_style fire} (Guénolé et al. 2020: semi-implicit Euler, half step back on uphill
 * motion, delay before changing the time step): damped MD whose velocity is mixed towards the
 * force direction, accelerating while the power P = F·v stays positive and stopping dead when
 * it turns negative. Velocities are the atoms' own {@code v} (zeroed at the start; they keep
 * their last values at the end). With {@link BoxRelax#z} the cell length is one more
 * coordinate, with mass Σm/12 (the kinetic mass of a uniform strain about the centre).
 *
 * <p>One force evaluation per step: {@link #afterForces} sums F·v, v·v, F·F and the largest
 * velocity component; {@link #reduce} decides the time step, mixing and whether to restart and
 * writes them into {@code globals}; {@link #beforeForces} of the next step moves the atoms.
 */
public final class Fire extends Minimizer {
    private final double dt0, dtMax, dtMin, alpha0, alphaShrink, dtGrow, dtShrink;
    private final int delay;

    private static final int DT = BASE_LENGTH, ALPHA = DT + 1, LAST_NEGATIVE = DT + 2, MOVE = DT + 3, RESET = DT + 4,
        HALF_BACK = DT + 5, DTF = DT + 6, MIX_A = DT + 7, MIX_B = DT + 8, DTV = DT + 9, CELL_V = DT + 10, CELL_MASS = DT + 11,
        ENERGY_PREV = DT + 12, LENGTH = DT + 13;
    // stepper sums: F·v, v·v, F·F, Σm; maxima: largest |v| component
    private static final int S_FV = 0, S_VV = 1, S_FF = 2, S_MASS = 3, N_SUMS = 4;

    /**
     * FIRE with LAMMPS's defaults around the initial time step {@code dt} (ps): dtmax 10·dt,
     * dtmin 0.02·dt, α₀ 0.25, α shrink 0.99, dt grow 1.1, dt shrink 0.5, delay 20 steps.
     */
    public Fire(double dt, MinimizeSettings settings, BoxRelax relax) {
        super(settings, relax);
        if (!(dt > 0) || !Double.isFinite(dt)) throw new IllegalArgumentException("FIRE time step must be positive, got " + dt + " ps");
        this.dt0 = dt;
        this.dtMax = 10 * dt;
        this.dtMin = 0.02 * dt;
        this.alpha0 = 0.25;
        this.alphaShrink = 0.99;
        this.dtGrow = 1.1;
        this.dtShrink = 0.5;
        this.delay = 20;
    }

    public Fire(double dt, MinimizeSettings settings) {
        this(dt, settings, BoxRelax.none());
    }

    @Override public String name() { return relax.z() ? "fire+box/relax z" : "fire"; }
    @Override public int globalsLength() { return LENGTH; }

    @Override
    public void setup(StepSums total, AtomSystem sys, double[] g) {
        setupBase(total, sys, g);
        g[DT] = dt0;
        g[ALPHA] = alpha0;
        g[LAST_NEGATIVE] = 0;
        g[MOVE] = 0;
        g[RESET] = 1; // velocities start from rest
        g[MIX_A] = 1;
    }

    @Override
    public void beforeForces(AtomSystem local, double[] g) {
        double[] v = local.v(), x = local.x(), f = local.f(), mt = local.massByType();
        int[] type = local.type();
        int n3 = 3 * local.size();
        if (g[RESET] != 0) {
            double back = g[HALF_BACK];
            if (back != 0) for (int k = 0; k < n3; k++) x[k] -= back * v[k];
            Arrays.fill(v, 0, n3, 0.0);
        }
        if (g[MOVE] == 0) return;
        double dtf = g[DTF], a = g[MIX_A], b = g[MIX_B], dtv = g[DTV];
        for (int i = 0, k = 0; k < n3; i++, k += 3) {
            double c = dtf / mt[type[i]];
            for (int d = 0; d < 3; d++) {
                double vk = v[k + d] + c * f[k + d];
                vk = a * vk + b * f[k + d];
                v[k + d] = vk;
                x[k + d] += dtv * vk;
            }
        }
        applyCell(local, g);
    }

    @Override
    public void afterForces(AtomSystem local, double[] g, StepSums partial) {
        partial.ensureStepper(N_SUMS, 1);
        double[] v = local.v(), f = local.f(), mt = local.massByType();
        int[] type = local.type();
        double fv = 0, vv = 0, ff = 0, mass = 0, vmax = 0;
        for (int i = 0, n = local.size(), k = 0; i < n; i++, k += 3) {
            mass += mt[type[i]];
            for (int d = 0; d < 3; d++) {
                fv += f[k + d] * v[k + d];
                vv += v[k + d] * v[k + d];
                ff += f[k + d] * f[k + d];
                vmax = Math.max(vmax, Math.abs(v[k + d]));
            }
        }
        partial.stepper[S_FV] += fv;
        partial.stepper[S_VV] += vv;
        partial.stepper[S_FF] += ff;
        partial.stepper[S_MASS] += mass;
        partial.stepperMax[0] = Math.max(partial.stepperMax[0], vmax);
        countAtoms(local, partial);
    }

    @Override
    public void reduce(StepSums total, double[] g) {
        double fc = cellForce(total, g);
        g[CELL_FORCE] = fc;
        double[] s = total.stepper;
        double ff = s[S_FF] + fc * fc;
        boolean first = g[EVALS] == 0;
        if (first && relax.z()) g[CELL_MASS] = s[S_MASS] / 12.0;
        g[MOVE] = 0;
        g[RESET] = 0;
        double ePrev = g[ENERGY];
        if (record(total, g, ff)) return;
        // the energy test waits for the delay after the last restart, as LAMMPS does
        if (!first && iterationDone(g, ePrev, g[ITER] - g[LAST_NEGATIVE] > delay)) return;
        long it = (long) g[ITER];
        double vc = g[CELL_V];
        double p = s[S_FV] + fc * vc, vv = s[S_VV] + vc * vc;
        double a = 1, b = 0;
        if (first) {
            g[RESET] = 1;
            g[HALF_BACK] = 0;
            vc = 0;
        } else if (p > 0) {
            if (it - g[LAST_NEGATIVE] > delay) {
                g[DT] = Math.min(g[DT] * dtGrow, dtMax);
                g[ALPHA] *= alphaShrink;
            }
            a = 1 - g[ALPHA];
            b = ff > 1e-20 ? g[ALPHA] * Math.sqrt(vv / ff) : 0;
        } else {
            g[LAST_NEGATIVE] = it;
            if (it > delay && g[DT] * dtShrink >= dtMin) g[DT] *= dtShrink;
            g[ALPHA] = alpha0;
            g[RESET] = 1;
            g[HALF_BACK] = 0.5 * g[DTV];
            if (relax.z()) setCellLengthZ(g, cellLengthZ(g) - 0.5 * g[DTV] * vc);
            vc = 0;
        }
        // no atom (and no cell length, relatively) moves further than the limits in one step
        double vmax = g[RESET] != 0 ? 0 : total.stepperMax[0];
        double dtv = g[DT];
        if (dtv * vmax > settings.dmax()) dtv = settings.dmax() / vmax;
        if (relax.z() && Math.abs(vc) > 0 && dtv * Math.abs(vc) > relax.vmax() * cellLengthZ(g)) {
            dtv = relax.vmax() * cellLengthZ(g) / Math.abs(vc);
        }
        g[DTV] = dtv;
        g[DTF] = dtv * MetalUnits.FTM2V;
        g[MIX_A] = a;
        g[MIX_B] = b;
        g[MOVE] = 1;
        if (relax.z()) {
            vc += dtv * MetalUnits.FTM2V * fc / g[CELL_MASS];
            vc = a * vc + b * fc;
            g[CELL_V] = vc;
            setCellLengthZ(g, cellLengthZ(g) + dtv * vc);
        }
    }

    private double cellLength(double[] g) {
        return cellLengthZ(g);
    }

    @Override
    public void finishStep(AtomSystem local, double[] g) {}
}
