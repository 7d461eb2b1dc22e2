package io.ionstream.engine.fe.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * A small line plot (series of points with markers, optional log axes, legend) rendered as SVG
 * and as PNG through {@code javax.imageio}. Self-contained on purpose; no styling options
 * beyond what the FE studies need.
 */
public final class LinePlot {
    private static final int W = 720, H = 480, LEFT = 80, RIGHT = 190, TOP = 40, BOTTOM = 60;
    private static final String[] COLOURS = {"#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#e377c2", "#17becf", "#7f7f7f", "#bcbd22"};

    private record Series(String label, double[] x, double[] y, boolean dashed) {}

    private final String title, xLabel, yLabel;
    private final boolean logX, logY;
    private final List<Series> series = new ArrayList<>();

    public LinePlot(String title, String xLabel, String yLabel, boolean logX, boolean logY) {
        this.title = title;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
        this.logX = logX;
        this.logY = logY;
    }

    public LinePlot add(String label, double[] x, double[] y) { return add(label, x, y, false); }

    public LinePlot add(String label, double[] x, double[] y, boolean dashed) {
        if (x.length != y.length) throw new IllegalArgumentException("series '" + label + "': x and y differ in length");
        series.add(new Series(label, x.clone(), y.clone(), dashed));
        return this;
    }

    private double tx(double v) { return logX ? Math.log10(v) : v; }
    private double ty(double v) { return logY ? Math.log10(v) : v; }

    /** Data range in transformed coordinates: {xmin, xmax, ymin, ymax}. */
    private double[] range() {
        double[] r = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (Series s : series)
            for (int i = 0; i < s.x.length; i++) {
                double a = tx(s.x[i]), b = ty(s.y[i]);
                if (!Double.isFinite(a) || !Double.isFinite(b)) continue;
                r[0] = Math.min(r[0], a); r[1] = Math.max(r[1], a);
                r[2] = Math.min(r[2], b); r[3] = Math.max(r[3], b);
            }
        if (!Double.isFinite(r[0])) return new double[] {0, 1, 0, 1};
        for (int k = 0; k < 4; k += 2) {
            if (r[k + 1] - r[k] < 1e-12) { r[k] -= 0.5; r[k + 1] += 0.5; }
            double pad = 0.04 * (r[k + 1] - r[k]);
            r[k] -= pad; r[k + 1] += pad;
        }
        return r;
    }

    private static double[] ticks(double lo, double hi, boolean log) {
        List<Double> t = new ArrayList<>();
        if (log) {
            for (double e = Math.ceil(lo); e <= hi; e++) t.add(e);
            if (t.size() < 2) t = linear(lo, hi);
        } else {
            t = linear(lo, hi);
        }
        return t.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static List<Double> linear(double lo, double hi) {
        double raw = (hi - lo) / 6, mag = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = raw / mag < 2 ? 2 * mag : raw / mag < 5 ? 5 * mag : 10 * mag;
        List<Double> t = new ArrayList<>();
        for (double v = Math.ceil(lo / step) * step; v <= hi + 1e-9 * step; v += step) t.add(Math.abs(v) < 1e-12 * step ? 0 : v);
        return t;
    }

    private String tickLabel(double v, boolean log) {
        if (log) return Math.abs(v - Math.rint(v)) < 1e-9 ? "1e" + (long) Math.rint(v) : String.format(Locale.ROOT, "%.3g", Math.pow(10, v));
        return String.format(Locale.ROOT, "%.4g", v);
    }

    public String svg() {
        double[] r = range();
        double pw = W - LEFT - RIGHT, ph = H - TOP - BOTTOM;
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\" font-size=\"12\">%n", W, H));
        s.append(String.format(Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"white\"/>%n", W, H));
        s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"24\" font-size=\"15\">%s</text>%n", LEFT, esc(title)));
        s.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%.0f\" height=\"%.0f\" fill=\"none\" stroke=\"black\"/>%n", LEFT, TOP, pw, ph));
        for (double t : ticks(r[0], r[1], logX)) {
            double px = LEFT + (t - r[0]) / (r[1] - r[0]) * pw;
            s.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%.0f\" stroke=\"#ddd\"/>%n", px, TOP, px, TOP + ph));
            s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.0f\" text-anchor=\"middle\">%s</text>%n", px, TOP + ph + 18, tickLabel(t, logX)));
        }
        for (double t : ticks(r[2], r[3], logY)) {
            double py = TOP + ph - (t - r[2]) / (r[3] - r[2]) * ph;
            s.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%.0f\" y2=\"%.1f\" stroke=\"#ddd\"/>%n", LEFT, py, LEFT + pw, py));
            s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>%n", LEFT - 6, py + 4, tickLabel(t, logY)));
        }
        s.append(String.format(Locale.ROOT, "<text x=\"%.0f\" y=\"%d\" text-anchor=\"middle\">%s</text>%n", LEFT + pw / 2, H - 14, esc(xLabel)));
        s.append(String.format(Locale.ROOT, "<text x=\"18\" y=\"%.0f\" text-anchor=\"middle\" transform=\"rotate(-90 18 %.0f)\">%s</text>%n", TOP + ph / 2, TOP + ph / 2, esc(yLabel)));
        for (int k = 0; k < series.size(); k++) {
            Series se = series.get(k);
            String col = COLOURS[k % COLOURS.length];
            StringBuilder pts = new StringBuilder();
            for (int i = 0; i < se.x.length; i++) {
                double a = tx(se.x[i]), b = ty(se.y[i]);
                if (!Double.isFinite(a) || !Double.isFinite(b)) continue;
                double px = LEFT + (a - r[0]) / (r[1] - r[0]) * pw, py = TOP + ph - (b - r[2]) / (r[3] - r[2]) * ph;
                pts.append(String.format(Locale.ROOT, "%.1f,%.1f ", px, py));
                s.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"2.5\" fill=\"%s\"/>%n", px, py, col));
            }
            s.append(String.format(Locale.ROOT, "<polyline points=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"1.5\"%s/>%n", pts.toString().trim(), col,
                se.dashed ? " stroke-dasharray=\"5,4\"" : ""));
            double ly = TOP + 14 + 18 * k;
            s.append(String.format(Locale.ROOT, "<line x1=\"%.0f\" y1=\"%.0f\" x2=\"%.0f\" y2=\"%.0f\" stroke=\"%s\" stroke-width=\"2\"/>%n", LEFT + pw + 12, ly, LEFT + pw + 34, ly, col));
            s.append(String.format(Locale.ROOT, "<text x=\"%.0f\" y=\"%.0f\">%s</text>%n", LEFT + pw + 40, ly + 4, esc(se.label)));
        }
        s.append("</svg>\n");
        return s.toString();
    }

    private static String esc(String t) {
        return t.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    public BufferedImage image() {
        System.setProperty("java.awt.headless", "true");
        double[] r = range();
        double pw = W - LEFT - RIGHT, ph = H - TOP - BOTTOM;
        BufferedImage img = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, W, H);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        for (double t : ticks(r[0], r[1], logX)) {
            int px = (int) Math.round(LEFT + (t - r[0]) / (r[1] - r[0]) * pw);
            g.setColor(new Color(0xdd, 0xdd, 0xdd));
            g.drawLine(px, TOP, px, (int) (TOP + ph));
            g.setColor(Color.BLACK);
            String lab = tickLabel(t, logX);
            g.drawString(lab, px - g.getFontMetrics().stringWidth(lab) / 2, (int) (TOP + ph + 18));
        }
        for (double t : ticks(r[2], r[3], logY)) {
            int py = (int) Math.round(TOP + ph - (t - r[2]) / (r[3] - r[2]) * ph);
            g.setColor(new Color(0xdd, 0xdd, 0xdd));
            g.drawLine(LEFT, py, (int) (LEFT + pw), py);
            g.setColor(Color.BLACK);
            String lab = tickLabel(t, logY);
            g.drawString(lab, LEFT - 6 - g.getFontMetrics().stringWidth(lab), py + 4);
        }
        g.setColor(Color.BLACK);
        g.drawRect(LEFT, TOP, (int) pw, (int) ph);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 15));
        g.drawString(title, LEFT, 24);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        g.drawString(xLabel, (int) (LEFT + pw / 2 - g.getFontMetrics().stringWidth(xLabel) / 2), H - 14);
        Graphics2D gy = (Graphics2D) g.create();
        gy.rotate(-Math.PI / 2);
        gy.drawString(yLabel, (int) (-(TOP + ph / 2) - g.getFontMetrics().stringWidth(yLabel) / 2), 22);
        gy.dispose();
        for (int k = 0; k < series.size(); k++) {
            Series se = series.get(k);
            Color col = Color.decode(COLOURS[k % COLOURS.length]);
            g.setColor(col);
            g.setStroke(se.dashed ? new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1, new float[] {5, 4}, 0) : new BasicStroke(1.5f));
            Path2D.Double path = new Path2D.Double();
            boolean first = true;
            for (int i = 0; i < se.x.length; i++) {
                double a = tx(se.x[i]), b = ty(se.y[i]);
                if (!Double.isFinite(a) || !Double.isFinite(b)) continue;
                double px = LEFT + (a - r[0]) / (r[1] - r[0]) * pw, py = TOP + ph - (b - r[2]) / (r[3] - r[2]) * ph;
                if (first) path.moveTo(px, py); else path.lineTo(px, py);
                first = false;
                g.fillOval((int) px - 2, (int) py - 2, 5, 5);
            }
            g.draw(path);
            int ly = TOP + 14 + 18 * k;
            g.setStroke(new BasicStroke(2f));
            g.drawLine((int) (LEFT + pw + 12), ly, (int) (LEFT + pw + 34), ly);
            g.setColor(Color.BLACK);
            g.drawString(se.label, (int) (LEFT + pw + 40), ly + 4);
        }
        g.dispose();
        return img;
    }

    /** Writes {@code base}.svg and {@code base}.png; returns the two paths. */
    public List<Path> write(Path base) throws IOException {
        if (base.getParent() != null) Files.createDirectories(base.getParent());
        Path svg = Path.of(base + ".svg"), png = Path.of(base + ".png");
        Files.writeString(svg, svg(), StandardCharsets.UTF_8);
        ImageIO.write(image(), "png", png.toFile());
        return List.of(svg, png);
    }
}
