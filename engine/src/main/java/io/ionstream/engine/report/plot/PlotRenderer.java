package io.ionstream.engine.report.plot;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Lays out a {@link Plot} on a {@link Canvas}: frame, ticks ("nice" linear steps or decades on
 * log axes), labels, series (non-positive values are skipped on log axes), error bars and a
 * legend in the top-left corner.
 */
public final class PlotRenderer {
    private static final String[] COLOURS = {"#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf"};
    private static final double LEFT = 80, RIGHT = 20, TOP = 40, BOTTOM = 60;

    public void render(Plot p, Canvas c, int width, int height) {
        double[] xr = range(p, true), yr = range(p, false);
        double pw = width - LEFT - RIGHT, ph = height - TOP - BOTTOM;
        Axis xa = new Axis(xr[0], xr[1], p.xLog, LEFT, LEFT + pw);
        Axis ya = new Axis(yr[0], yr[1], p.yLog, TOP + ph, TOP);
        c.text(width / 2.0, TOP / 2 + 6, p.title, 16, Canvas.Anchor.MIDDLE, false);
        // frame
        c.line(LEFT, TOP, LEFT + pw, TOP, "#000000", 1, false);
        c.line(LEFT, TOP + ph, LEFT + pw, TOP + ph, "#000000", 1, false);
        c.line(LEFT, TOP, LEFT, TOP + ph, "#000000", 1, false);
        c.line(LEFT + pw, TOP, LEFT + pw, TOP + ph, "#000000", 1, false);
        for (double t : xa.ticks()) {
            double px = xa.map(t);
            c.line(px, TOP + ph, px, TOP + ph - 5, "#000000", 1, false);
            c.text(px, TOP + ph + 18, label(t), 11, Canvas.Anchor.MIDDLE, false);
        }
        for (double t : ya.ticks()) {
            double py = ya.map(t);
            c.line(LEFT, py, LEFT + 5, py, "#000000", 1, false);
            c.text(LEFT - 6, py + 4, label(t), 11, Canvas.Anchor.END, false);
        }
        c.text(LEFT + pw / 2, height - 15, p.xLabel, 13, Canvas.Anchor.MIDDLE, false);
        c.text(20, TOP + ph / 2, p.yLabel, 13, Canvas.Anchor.MIDDLE, true);
        int k = 0;
        for (Series s : p.series) {
            String colour = s.style() == Series.Style.GUIDE ? "#555555" : COLOURS[k++ % COLOURS.length];
            double[] px = new double[s.x().length], py = new double[s.x().length];
            int n = 0;
            for (int i = 0; i < s.x().length; i++) {
                if (!xa.valid(s.x()[i]) || !ya.valid(s.y()[i])) continue;
                px[n] = clamp(xa.map(s.x()[i]), LEFT, LEFT + pw);
                py[n] = clamp(ya.map(s.y()[i]), TOP, TOP + ph);
                if (s.yError() != null && s.yError()[i] > 0) {
                    double lo = s.y()[i] - s.yError()[i], hi = s.y()[i] + s.yError()[i];
                    double plo = ya.valid(lo) ? clamp(ya.map(lo), TOP, TOP + ph) : TOP + ph;
                    c.line(px[n], plo, px[n], clamp(ya.map(hi), TOP, TOP + ph), colour, 1, false);
                }
                n++;
            }
            boolean lines = s.style() != Series.Style.MARKERS;
            boolean dashed = s.style() == Series.Style.GUIDE || s.style() == Series.Style.DASHED;
            if (lines) c.polyline(px, py, n, colour, s.style() == Series.Style.GUIDE ? 1.2 : 1.8, dashed);
            if (s.style() == Series.Style.MARKERS || s.style() == Series.Style.LINE_AND_MARKERS || s.style() == Series.Style.DASHED) {
                for (int i = 0; i < n; i++) c.circle(px[i], py[i], 3.5, colour);
            }
            double ly = TOP + 18 + 16 * (p.series.indexOf(s));
            c.line(LEFT + 10, ly - 4, LEFT + 30, ly - 4, colour, 2, dashed);
            c.text(LEFT + 36, ly, s.name(), 11, Canvas.Anchor.START, false);
        }
    }

    private static double clamp(double v, double a, double b) { return Math.max(a, Math.min(b, v)); }

    private static double[] range(Plot p, boolean x) {
        double lo = Double.MAX_VALUE, hi = -Double.MAX_VALUE;
        boolean log = x ? p.xLog : p.yLog;
        for (Series s : p.series) {
            if (s.style() == Series.Style.GUIDE) continue;
            double[] v = x ? s.x() : s.y();
            for (int i = 0; i < v.length; i++) {
                double lower = v[i], upper = v[i];
                if (!x && s.yError() != null) {
                    lower = v[i] - s.yError()[i];
                    upper = v[i] + s.yError()[i];
                    if (log && !(lower > 0)) lower = v[i];
                }
                if (!Double.isFinite(lower) || (log && !(lower > 0))) continue;
                lo = Math.min(lo, lower);
                hi = Math.max(hi, upper);
            }
        }
        if (lo == Double.MAX_VALUE) return log ? new double[] {1, 10} : new double[] {0, 1};
        if (hi == lo) {
            double d = log ? lo : Math.max(Math.abs(lo) * 0.1, 1e-12);
            return log ? new double[] {lo / 2, hi * 2} : new double[] {lo - d, hi + d};
        }
        if (log) return new double[] {lo, hi};
        double pad = 0.05 * (hi - lo);
        return new double[] {lo - pad, hi + pad};
    }

    static String label(double v) {
        if (v == 0) return "0";
        double a = Math.abs(v);
        if (a >= 1e-3 && a < 1e5) {
            String s = String.format(Locale.ROOT, "%.6g", v);
            if (s.contains(".")) s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
            return s;
        }
        return String.format(Locale.ROOT, "%.0e", v);
    }

    /** One axis: data range to pixels, linear or logarithmic. */
    static final class Axis {
        final double lo, hi, p0, p1;
        final boolean log;

        Axis(double lo, double hi, boolean log, double p0, double p1) {
            this.log = log;
            this.lo = log ? Math.log10(lo) : lo;
            this.hi = log ? Math.log10(hi) : hi;
            this.p0 = p0;
            this.p1 = p1;
        }

        boolean valid(double v) { return Double.isFinite(v) && (!log || v > 0); }

        double map(double v) {
            double u = log ? Math.log10(v) : v;
            return p0 + (u - lo) / (hi - lo) * (p1 - p0);
        }

        List<Double> ticks() {
            List<Double> t = new ArrayList<>();
            if (log) {
                for (int e = (int) Math.ceil(lo - 1e-9); e <= Math.floor(hi + 1e-9); e++) t.add(Math.pow(10, e));
                if (t.size() < 2) { // less than a decade: fall back to linear ticks in the range
                    return linear(Math.pow(10, lo), Math.pow(10, hi));
                }
                return t;
            }
            return linear(lo, hi);
        }

        private static List<Double> linear(double lo, double hi) {
            double raw = (hi - lo) / 6, mag = Math.pow(10, Math.floor(Math.log10(raw))), f = raw / mag;
            double step = (f < 1.5 ? 1 : f < 3 ? 2 : f < 7 ? 5 : 10) * mag;
            List<Double> t = new ArrayList<>();
            for (double v = Math.ceil(lo / step) * step; v <= hi + 1e-9 * step; v += step) t.add(Math.abs(v) < 1e-12 * step ? 0 : v);
            return t;
        }
    }
}
