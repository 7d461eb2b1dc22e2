package io.ionstream.engine.report.plot;

/** The drawing primitives a plot needs, in pixel coordinates (origin top left). */
public interface Canvas {
    enum Anchor { START, MIDDLE, END }

    void line(double x1, double y1, double x2, double y2, String colour, double width, boolean dashed);

    void polyline(double[] x, double[] y, int n, String colour, double width, boolean dashed);

    void circle(double x, double y, double r, String colour);

    /** Text with its baseline at y; {@code vertical} rotates it by −90° about (x, y). */
    void text(double x, double y, String s, double size, Anchor anchor, boolean vertical);
}
