package io.ionstream.engine.learn.fit;

import java.util.Arrays;

/**
 * Limited-memory BFGS with a strong-Wolfe line search (Nocedal and Wright, Algorithms 7.4, 3.5
 * and 3.6, cubic interpolation in the zoom): minimises a smooth function given exact gradients.
 */
final class Lbfgs {
    /** f(x), with ∇f(x) written into {@code grad}. */
    interface Function {
        double value(double[] x, double[] grad);
    }

    /** Called after every accepted step. */
    interface Progress {
        void step(int iteration, double value, double gradientNorm);
    }

    /** The outcome: last value, iterations, function evaluations and why it stopped. */
    record Result(double value, int iterations, int evaluations, String stop) {}

    private static final double C1 = 1e-4, C2 = 0.9;
    private final int memory, n;
    // the curvature pairs survive between calls: a caller may move x in between (e.g. an exact solve of
    // some of the variables) and continue with the Hessian information gathered so far
    private final double[][] s, y;
    private final double[] rho, alpha;
    private int stored, head;

    Lbfgs(int memory, int n) {
        this.memory = memory;
        this.n = n;
        s = new double[memory][n];
        y = new double[memory][n];
        rho = new double[memory];
        alpha = new double[memory];
    }

    /**
     * Minimises from {@code x} (updated in place) for at most {@code maxIterations} steps; stops early
     * when the relative decrease of f over the last 10 steps falls below {@code tolerance}.
     */
    Result minimize(Function fn, double[] x, int maxIterations, double tolerance, Progress progress) {
        if (x.length != n) throw new IllegalArgumentException("expected " + n + " variables, got " + x.length);
        double[] g = new double[n], d = new double[n], xt = new double[n], gt = new double[n];
        double[] xb = new double[n], gb = new double[n];
        int[] evals = {0};
        Function counted = (p, gr) -> {
            evals[0]++;
            return fn.value(p, gr);
        };
        double f = counted.value(x, g);
        if (!Double.isFinite(f)) throw new IllegalStateException("the loss is not finite at the starting point");
        double[] history = new double[11];
        int it = 0;
        String stop = "iteration limit";
        while (it < maxIterations) {
            // two-loop recursion: d = -H g
            System.arraycopy(g, 0, d, 0, n);
            for (int k = 0; k < stored; k++) {
                int m = Math.floorMod(head - 1 - k, memory);
                alpha[m] = rho[m] * dot(s[m], d);
                axpy(-alpha[m], y[m], d);
            }
            double gamma = 1.0;
            if (stored > 0) {
                int m = Math.floorMod(head - 1, memory);
                gamma = dot(s[m], y[m]) / dot(y[m], y[m]);
            }
            for (int i = 0; i < n; i++) d[i] *= gamma;
            for (int k = stored - 1; k >= 0; k--) {
                int m = Math.floorMod(head - 1 - k, memory);
                double beta = rho[m] * dot(y[m], d);
                axpy(alpha[m] - beta, s[m], d);
            }
            for (int i = 0; i < n; i++) d[i] = -d[i];
            double dg = dot(d, g);
            if (!(dg < 0)) {
                // not a descent direction (numerical trouble): restart from steepest descent
                stored = 0;
                for (int i = 0; i < n; i++) d[i] = -g[i];
                dg = dot(d, g);
                if (!(dg < 0)) {
                    stop = "zero gradient";
                    break;
                }
            }
            double a0 = stored == 0 ? Math.min(1.0, 1.0 / Math.sqrt(-dg)) : 1.0;
            double fNew = lineSearch(counted, x, f, g, d, dg, a0, xt, gt, xb, gb);
            if (Double.isNaN(fNew)) {
                if (stored == 0) {
                    stop = "line search failed";
                    break;
                }
                stored = 0;
                continue;
            }
            // xb, gb hold the accepted point
            int m = head;
            for (int i = 0; i < n; i++) {
                s[m][i] = xb[i] - x[i];
                y[m][i] = gb[i] - g[i];
            }
            double sy = dot(s[m], y[m]);
            System.arraycopy(xb, 0, x, 0, n);
            System.arraycopy(gb, 0, g, 0, n);
            if (sy > 1e-12 * Math.sqrt(dot(s[m], s[m]) * dot(y[m], y[m]))) {
                rho[m] = 1.0 / sy;
                head = (head + 1) % memory;
                stored = Math.min(stored + 1, memory);
            }
            it++;
            f = fNew;
            if (progress != null) progress.step(it, f, Math.sqrt(dot(g, g)));
            history[it % history.length] = f;
            if (it >= history.length) {
                double old = history[(it + 1) % history.length];
                if (old - f <= tolerance * Math.max(Math.abs(f), 1e-300)) {
                    stop = "converged (relative decrease over 10 steps below " + tolerance + ")";
                    break;
                }
            }
        }
        return new Result(f, it, evals[0], stop);
    }

    /**
     * Strong-Wolfe line search along d from x; the accepted point and gradient go into xb, gb.
     * Returns its value, or NaN when no acceptable point was found.
     */
    private static double lineSearch(Function fn, double[] x, double f0, double[] g0, double[] d, double dg0, double a0,
                                     double[] xt, double[] gt, double[] xb, double[] gb) {
        double aPrev = 0, fPrev = f0, dPrev = dg0;
        double a = a0;
        double bestF = f0;
        boolean best = false;
        for (int i = 0; i < 30; i++) {
            double fa = evaluate(fn, x, d, a, xt, gt);
            double da = dot(gt, d);
            if (Double.isFinite(fa) && fa < bestF) {
                bestF = fa;
                best = true;
                System.arraycopy(xt, 0, xb, 0, x.length);
                System.arraycopy(gt, 0, gb, 0, x.length);
            }
            if (!Double.isFinite(fa) || fa > f0 + C1 * a * dg0 || (i > 0 && fa >= fPrev)) {
                return zoom(fn, x, f0, dg0, d, aPrev, fPrev, dPrev, a, fa, da, xt, gt, xb, gb, best ? bestF : Double.NaN);
            }
            if (Math.abs(da) <= -C2 * dg0) return accept(fa, xt, gt, xb, gb);
            if (da >= 0) return zoom(fn, x, f0, dg0, d, a, fa, da, aPrev, fPrev, dPrev, xt, gt, xb, gb, fa);
            aPrev = a;
            fPrev = fa;
            dPrev = da;
            a *= 2;
        }
        return best ? bestF : Double.NaN;
    }

    private static double zoom(Function fn, double[] x, double f0, double dg0, double[] d, double lo, double fLo, double dLo,
                               double hi, double fHi, double dHi, double[] xt, double[] gt, double[] xb, double[] gb,
                               double bestSoFar) {
        double best = bestSoFar;
        double bestF = Double.isNaN(best) ? f0 : best;
        for (int i = 0; i < 30; i++) {
            double a = cubic(lo, fLo, dLo, hi, fHi, dHi);
            double w = Math.abs(hi - lo);
            double left = Math.min(lo, hi), right = Math.max(lo, hi);
            if (!(a > left + 0.1 * w && a < right - 0.1 * w)) a = 0.5 * (lo + hi);
            double fa = evaluate(fn, x, d, a, xt, gt);
            double da = dot(gt, d);
            if (Double.isFinite(fa) && fa < bestF) {
                bestF = fa;
                best = fa;
                System.arraycopy(xt, 0, xb, 0, x.length);
                System.arraycopy(gt, 0, gb, 0, x.length);
            }
            if (!Double.isFinite(fa) || fa > f0 + C1 * a * dg0 || fa >= fLo) {
                hi = a;
                fHi = fa;
                dHi = da;
            } else {
                if (Math.abs(da) <= -C2 * dg0) return accept(fa, xt, gt, xb, gb);
                if (da * (hi - lo) >= 0) {
                    hi = lo;
                    fHi = fLo;
                    dHi = dLo;
                }
                lo = a;
                fLo = fa;
                dLo = da;
            }
            if (Math.abs(hi - lo) < 1e-14 * Math.max(1, Math.abs(lo))) break;
        }
        // no strong-Wolfe point: accept the best decrease found, if any
        return best;
    }

    private static double accept(double fa, double[] xt, double[] gt, double[] xb, double[] gb) {
        System.arraycopy(xt, 0, xb, 0, xt.length);
        System.arraycopy(gt, 0, gb, 0, gt.length);
        return fa;
    }

    /** Minimiser of the cubic through (a, fa, da) and (b, fb, db); NaN when it has none. */
    private static double cubic(double a, double fa, double da, double b, double fb, double db) {
        if (!Double.isFinite(fb)) return Double.NaN;
        double d1 = da + db - 3 * (fa - fb) / (a - b);
        double disc = d1 * d1 - da * db;
        if (disc < 0) return Double.NaN;
        double d2 = Math.copySign(Math.sqrt(disc), b - a);
        return b - (b - a) * (db + d2 - d1) / (db - da + 2 * d2);
    }

    private static double evaluate(Function fn, double[] x, double[] d, double a, double[] xt, double[] gt) {
        for (int i = 0; i < x.length; i++) xt[i] = x[i] + a * d[i];
        Arrays.fill(gt, 0.0);
        return fn.value(xt, gt);
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += a[i] * b[i];
        return s;
    }

    private static void axpy(double a, double[] x, double[] y) {
        for (int i = 0; i < y.length; i++) y[i] += a * x[i];
    }
}
