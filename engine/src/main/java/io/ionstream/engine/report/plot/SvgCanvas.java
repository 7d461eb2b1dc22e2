package io.ionstream.engine.report.plot;

import java.util.Locale;

/** A {@link Canvas} that writes SVG 1.1 text. */
public final class SvgCanvas implements Canvas {
    private final StringBuilder sb = new StringBuilder();
    private final int width, height;

    public SvgCanvas(int width, int height) {
        this.width = width;
        this.height = height;
    }

    @Override
    public void line(double x1, double y1, double x2, double y2, String colour, double w, boolean dashed) {
        sb.append(String.format(Locale.ROOT, "<line x1=\"%.2f\" y1=\"%.2f\" x2=\"%.2f\" y2=\"%.2f\" stroke=\"%s\" stroke-width=\"%.2f\"%s/>%n",
            x1, y1, x2, y2, colour, w, dashed ? " stroke-dasharray=\"6,4\"" : ""));
    }

    @Override
    public void polyline(double[] x, double[] y, int n, String colour, double w, boolean dashed) {
        sb.append("<polyline fill=\"none\" stroke=\"").append(colour).append("\" stroke-width=\"")
            .append(String.format(Locale.ROOT, "%.2f", w)).append('"').append(dashed ? " stroke-dasharray=\"6,4\"" : "")
            .append(" points=\"");
        for (int i = 0; i < n; i++) sb.append(String.format(Locale.ROOT, "%.2f,%.2f ", x[i], y[i]));
        sb.append("\"/>\n");
    }

    @Override
    public void circle(double x, double y, double r, String colour) {
        sb.append(String.format(Locale.ROOT, "<circle cx=\"%.2f\" cy=\"%.2f\" r=\"%.2f\" fill=\"%s\"/>%n", x, y, r, colour));
    }

    @Override
    public void text(double x, double y, String s, double size, Anchor anchor, boolean vertical) {
        String a = switch (anchor) {
            case START -> "start";
            case MIDDLE -> "middle";
            case END -> "end";
        };
        sb.append(String.format(Locale.ROOT, "<text x=\"%.2f\" y=\"%.2f\" font-family=\"DejaVu Sans, Arial, sans-serif\" font-size=\"%.1f\" text-anchor=\"%s\"%s>",
            x, y, size, a, vertical ? String.format(Locale.ROOT, " transform=\"rotate(-90 %.2f %.2f)\"", x, y) : ""));
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                default -> sb.append(ch);
            }
        }
        sb.append("</text>\n");
    }

    public String document() {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + width
            + "\" height=\"" + height + "\" viewBox=\"0 0 " + width + " " + height + "\">\n"
            + "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n" + sb + "</svg>\n";
    }
}
