package io.ionstream.engine.min;

import io.ionstream.engine.md.StepSums;
import io.ionstream.engine.system.AtomSystem;

/**
 * Polak-Ribière conjugate gradient (PR+, restarting along the force when β &lt; 0 or the new
 * direction would not descend) with a line search that needs one force evaluation per trial
 * point, like LAMMPS's {@code min_style cg}. Works on atom positions and, with
 * {@link BoxRelax#z}, on the cell length Lz.
 *
 * <p>Line search: the first trial moves the atom with the largest direction component by at most
 * {@code dmax} (and Lz by at most {@code vmax}·Lz); every trial yields energy and slope
 * dE/dα = −F·h. A trial that lowers the energy enough (Armijo, c₁ = 10⁻⁴) with |slope| ≤ 0.1 of
 * the initial slope ends the search (energy changes below 10⁻¹² relative count as round-off, so
 * close to the minimum the slopes decide); otherwise cubic interpolation inside the bracket, or
 * extrapolation (at most 4× and not beyond the dmax step) while the energy keeps falling. After
 * 12 trials the best point is taken; if no trial lowered the energy the direction is reset to
 * the force, and if even that fails the minimisation stops ({@link StopReason#LINE_SEARCH}).
 *
 * <p>Phases: {@link #afterForces} sums F·F, F·g (g the force at the line's base) and F·h, and the
 * largest |F| and |h| components; {@link #reduce} runs the search and writes the displacement
 * along h (and the new Lz) for {@link #beforeForces}, or β for {@link #finishStep} to build the
 * next direction h ← F + βh, g ← F. The per-atom h and g are extra arrays of the
 * {@link AtomSystem}, so they follow atoms through sorting and migration. Because the cell scales
 * atoms affinely about its centre, h is kept in the frame of the line's base cell and its z
 * component is stretched by Lz/Lz_base when applied.
 */
public final class ConjugateGradient extends Minimizer {
    /** Names of the per-atom arrays (search direction h, force at the line's base g). */
    public static final String DIRECTION = "cg.h", BASE_FORCE = "cg.g";

    private static final double C1 = 1e-4, C2 = 0.1;
    /** Relative size of round-off in a total energy: below it, energies are compared through slopes. */
    private static final double ENERGY_NOISE = 1e-12;
    private static final int MAX_TRIALS = 12;

    private static final int MODE = BASE_LENGTH, BASE_E = MODE + 1, BASE_SLOPE = MODE + 2, ALPHA = MODE + 3,
        LO_A = MODE + 4, LO_E = MODE + 5, LO_G = MODE + 6, HI_A = MODE + 7, HI_E = MODE + 8, HI_G = MODE + 9,
        HAS_HI = MODE + 10, TRIALS = MODE + 11, ALPHA_MAX = MODE + 12, PREV_ALPHA = MODE + 13, PREV_SLOPE = MODE + 14,
        GG = MODE + 15, MOVE = MODE + 16, SCALE_Z = MODE + 17, NEW_DIR = MODE + 18, BETA = MODE + 19, DIR_SCALE_Z = MODE + 20,
        ARRIVE = MODE + 21, STEEPEST = MODE + 22, LZ_BASE = MODE + 23, CELL_H = MODE + 24, CELL_G = MODE + 25,
        PREV_A = MODE + 26, PREV_G = MODE + 27, LENGTH = MODE + 28;
    private static final int PROBE = 0, LINE = 1;
    /** What to do on arriving at a point chosen after the search: accept it, restart along the force, or stop. */
    private static final int ARRIVE_NONE = 0, ARRIVE_ACCEPT = 1, ARRIVE_RESTART = 2, ARRIVE_STOP = 3;
    // stepper sums: F·F, F·g, F·h (h with its z component stretched); maxima: |F|, |h|
    private static final int S_FF = 0, S_FG = 1, S_FH = 2, N_SUMS = 3, M_F = 0, M_H = 1, N_MAX = 2;

    public ConjugateGradient(MinimizeSettings settings, BoxRelax relax) {
        super(settings, relax);
    }

    public ConjugateGradient(MinimizeSettings settings) {
        this(settings, BoxRelax.none());
    }

    @Override public String name() { return relax.z() ? "cg+box/relax z" : "cg"; }
    @Override public int globalsLength() { return LENGTH; }

    @Override
    public void setup(StepSums total, AtomSystem sys, double[] g) {
        setupBase(total, sys, g);
        g[MODE] = PROBE;
        g[SCALE_Z] = 1.0;
        g[DIR_SCALE_Z] = 1.0;
        g[LZ_BASE] = cellLengthZ(g);
    }

    // ---------------------------------------------------------------- local phases

    @Override
    public void beforeForces(AtomSystem local, double[] g) {
        applyCell(local, g);
        double da = g[MOVE];
        if (da == 0) return;
        double[] x = local.x(), h = local.perAtom(DIRECTION, 3);
        double sz = g[SCALE_Z];
        for (int k = 0, n3 = 3 * local.size(); k < n3; k += 3) {
            x[k] += da * h[k];
            x[k + 1] += da * h[k + 1];
            x[k + 2] += da * sz * h[k + 2];
        }
    }

    @Override
    public void afterForces(AtomSystem local, double[] g, StepSums partial) {
        partial.ensureStepper(N_SUMS, N_MAX);
        double[] f = local.f(), h = local.perAtom(DIRECTION, 3), base = local.perAtom(BASE_FORCE, 3);
        double sz = g[SCALE_Z];
        double ff = 0, fg = 0, fh = 0, fmax = 0, hmax = 0;
        for (int k = 0, n3 = 3 * local.size(); k < n3; k += 3) {
            for (int d = 0; d < 3; d++) {
                double fk = f[k + d];
                ff += fk * fk;
                fg += fk * base[k + d];
                fmax = Math.max(fmax, Math.abs(fk));
                hmax = Math.max(hmax, Math.abs(h[k + d]));
            }
            fh += f[k] * h[k] + f[k + 1] * h[k + 1] + f[k + 2] * sz * h[k + 2];
        }
        partial.stepper[S_FF] += ff;
        partial.stepper[S_FG] += fg;
        partial.stepper[S_FH] += fh;
        partial.stepperMax[M_F] = Math.max(partial.stepperMax[M_F], fmax);
        partial.stepperMax[M_H] = Math.max(partial.stepperMax[M_H], hmax);
        countAtoms(local, partial);
    }

    @Override
    public void finishStep(AtomSystem local, double[] g) {
        if (g[NEW_DIR] == 0) return;
        double[] f = local.f(), h = local.perAtom(DIRECTION, 3), base = local.perAtom(BASE_FORCE, 3);
        double beta = g[BETA], sz = g[DIR_SCALE_Z];
        for (int k = 0, n3 = 3 * local.size(); k < n3; k += 3) {
            h[k] = f[k] + beta * h[k];
            h[k + 1] = f[k + 1] + beta * h[k + 1];
            h[k + 2] = f[k + 2] + beta * sz * h[k + 2];
            base[k] = f[k];
            base[k + 1] = f[k + 1];
            base[k + 2] = f[k + 2];
        }
    }

    // ---------------------------------------------------------------- the search

    @Override
    public void reduce(StepSums total, double[] g) {
        g[MOVE] = 0;
        g[NEW_DIR] = 0;
        double fc = cellForce(total, g);
        g[CELL_FORCE] = fc;
        double ff = total.stepper[S_FF] + fc * fc;
        if (record(total, g, ff)) return;
        double e = g[ENERGY];
        if (g[MODE] == PROBE) {
            g[MODE] = LINE;
            newDirection(total, g, ff, 0.0, -ff, fc, false);
            return;
        }
        double a = g[ALPHA];
        double slope = -(total.stepper[S_FH] + fc * g[CELL_H]);
        g[TRIALS] += 1;
        switch ((int) g[ARRIVE]) {
            case ARRIVE_ACCEPT -> {
                accept(total, g, ff, fc, slope);
                return;
            }
            case ARRIVE_RESTART -> {
                // back at the line's base: search along the force instead
                newDirection(total, g, ff, 0.0, -ff, fc, false);
                return;
            }
            case ARRIVE_STOP -> {
                stop(g, StopReason.LINE_SEARCH);
                return;
            }
            default -> { }
        }
        double next;
        // near a minimum energy differences sink into round-off: within that noise the slope decides
        double noise = ENERGY_NOISE * Math.abs(g[BASE_E]) + 1e-15;
        boolean worse = e > g[BASE_E] + C1 * a * g[BASE_SLOPE] + noise;
        if (worse || e > g[LO_E] + noise) {
            setHi(g, a, e, slope);
            next = interpolate(g);
        } else if (Math.abs(slope) <= C2 * Math.abs(g[BASE_SLOPE])) {
            accept(total, g, ff, fc, slope);
            return;
        } else if (g[HAS_HI] != 0) {
            if (slope * (g[HI_A] - g[LO_A]) >= 0) setHi(g, g[LO_A], g[LO_E], g[LO_G]);
            setLo(g, a, e, slope);
            next = interpolate(g);
        } else if (slope >= 0) {
            setHi(g, g[LO_A], g[LO_E], g[LO_G]);
            setLo(g, a, e, slope);
            next = interpolate(g);
        } else if (a >= g[ALPHA_MAX] * (1 - 1e-12)) {
            // still downhill at the largest allowed step: take it
            setLo(g, a, e, slope);
            accept(total, g, ff, fc, slope);
            return;
        } else {
            setLo(g, a, e, slope);
            next = extrapolate(g, a, slope);
        }
        g[PREV_A] = a;
        g[PREV_G] = slope;
        boolean collapsed = g[HAS_HI] != 0
            && Math.abs(g[HI_A] - g[LO_A]) <= 1e-12 * Math.max(Math.abs(g[HI_A]), Math.abs(g[LO_A]));
        if (g[TRIALS] >= MAX_TRIALS || collapsed || !(next > 0) || !Double.isFinite(next)) {
            giveUp(total, g, ff, fc, slope);
            return;
        }
        moveTo(g, next);
    }

    /** The search ran out of trials: take the best point, or restart along the force, or stop. */
    private void giveUp(StepSums total, double[] g, double ff, double fc, double slope) {
        if (g[LO_A] > 0) {
            if (g[LO_A] == g[ALPHA]) {
                accept(total, g, ff, fc, slope);
            } else {
                moveTo(g, g[LO_A]);
                g[ARRIVE] = ARRIVE_ACCEPT;
            }
        } else {
            // no trial lowered the energy; along the force too means a minimum to round-off
            moveTo(g, 0.0);
            g[ARRIVE] = g[STEEPEST] != 0 ? ARRIVE_STOP : ARRIVE_RESTART;
        }
    }

    /** The line search succeeded at the current point: test convergence, then start the next line. */
    private void accept(StepSums total, double[] g, double ff, double fc, double slope) {
        if (iterationDone(g, g[BASE_E], true)) return;
        double fg = total.stepper[S_FG] + fc * g[CELL_G];
        double beta = Math.max(0.0, (ff - fg) / g[GG]);
        // new slope: −F·(F + βh) = −(F·F − β·slope); not downhill means restart along the force
        double slope0 = -(ff - beta * slope);
        if (!(slope0 < 0)) {
            beta = 0;
            slope0 = -ff;
        }
        g[PREV_ALPHA] = g[ALPHA];
        g[PREV_SLOPE] = g[BASE_SLOPE];
        newDirection(total, g, ff, beta, slope0, fc, true);
    }

    /**
     * Starts a line at the current point along h ← F + β h with initial slope {@code slope0},
     * the first trial step limited by dmax (bounding |h|∞ by |F|∞ + β|h_old|∞) and vmax, and,
     * with {@code useHistory}, guessed from the previous line (α_prev·slope_prev/slope0).
     */
    private void newDirection(StepSums total, double[] g, double ff, double beta, double slope0, double fc, boolean useHistory) {
        double sz = g[SCALE_Z];
        g[NEW_DIR] = 1;
        g[BETA] = beta;
        g[DIR_SCALE_Z] = sz;
        g[STEEPEST] = beta == 0 ? 1 : 0;
        g[ARRIVE] = ARRIVE_NONE;
        double hc = fc + beta * g[CELL_H];
        g[CELL_H] = hc;
        g[CELL_G] = fc;
        g[GG] = ff;
        g[LZ_BASE] = cellLengthZ(g);
        g[SCALE_Z] = 1.0;
        g[ALPHA] = 0;
        g[BASE_E] = g[ENERGY];
        g[BASE_SLOPE] = slope0;
        setLo(g, 0, g[BASE_E], slope0);
        g[HAS_HI] = 0;
        g[TRIALS] = 0;
        g[PREV_A] = 0;
        g[PREV_G] = slope0;
        double hmax = total.stepperMax[M_F] + beta * Math.max(1.0, sz) * total.stepperMax[M_H];
        double amax = hmax > 0 ? settings.dmax() / hmax : Double.POSITIVE_INFINITY;
        if (relax.z() && hc != 0) amax = Math.min(amax, relax.vmax() * cellLengthZ(g) / Math.abs(hc));
        if (!Double.isFinite(amax) || !(slope0 < 0)) {
            // no force at all
            stop(g, StopReason.FORCE);
            return;
        }
        g[ALPHA_MAX] = amax;
        double first = amax;
        if (useHistory && g[PREV_ALPHA] > 0 && g[PREV_SLOPE] < 0) {
            first = Math.min(amax, g[PREV_ALPHA] * g[PREV_SLOPE] / slope0);
        }
        moveTo(g, first);
    }

    /** Schedules the move from the current α to {@code target} along h (and the matching Lz). */
    private void moveTo(double[] g, double target) {
        g[MOVE] = target - g[ALPHA];
        g[ALPHA] = target;
        if (relax.z()) {
            setCellLengthZ(g, g[LZ_BASE] + target * g[CELL_H]);
            g[SCALE_Z] = cellLengthZ(g) / g[LZ_BASE];
        }
    }

    private static void setLo(double[] g, double a, double e, double s) {
        g[LO_A] = a;
        g[LO_E] = e;
        g[LO_G] = s;
    }

    private static void setHi(double[] g, double a, double e, double s) {
        g[HI_A] = a;
        g[HI_E] = e;
        g[HI_G] = s;
        g[HAS_HI] = 1;
    }

    /** Minimiser of the cubic through the bracket ends, kept 10 % inside the bracket. */
    private static double interpolate(double[] g) {
        double a0 = g[LO_A], f0 = g[LO_E], g0 = g[LO_G], a1 = g[HI_A], f1 = g[HI_E], g1 = g[HI_G];
        double lo = Math.min(a0, a1), hi = Math.max(a0, a1), w = hi - lo;
        double t = cubicMinimum(a0, f0, g0, a1, f1, g1);
        if (!Double.isFinite(t)) t = 0.5 * (a0 + a1);
        return Math.min(Math.max(t, lo + 0.1 * w), hi - 0.1 * w);
    }

    /** Still going downhill with no bracket: secant on the slope, between 1.1× and 4× the step, at most the dmax step. */
    private static double extrapolate(double[] g, double a, double slope) {
        double ap = g[PREV_A], gp = g[PREV_G];
        double t = slope > gp ? a - slope * (a - ap) / (slope - gp) : 4 * a;
        t = Math.min(Math.max(t, 1.1 * a), 4 * a);
        return Math.min(t, g[ALPHA_MAX]);
    }

    /** Nocedal and Wright (3.59): the minimum of the cubic matching values and slopes at a0 and a1. */
    static double cubicMinimum(double a0, double f0, double g0, double a1, double f1, double g1) {
        double d1 = g0 + g1 - 3 * (f0 - f1) / (a0 - a1);
        double disc = d1 * d1 - g0 * g1;
        if (!(disc >= 0)) return Double.NaN;
        double d2 = Math.signum(a1 - a0) * Math.sqrt(disc);
        double den = g1 - g0 + 2 * d2;
        if (den == 0) return Double.NaN;
        return a1 - (a1 - a0) * (g1 + d2 - d1) / den;
    }
}
