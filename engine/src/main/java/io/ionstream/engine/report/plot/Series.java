package io.ionstream.engine.report.plot;

/**
 * One data set of a {@link Plot}: points (x, y) with optional symmetric y errors, drawn as a line,
 * markers or both, as a dashed line with markers (a second family of curves, e.g. another model),
 * or as a grey dashed guide line that does not set the axis ranges.
 */
public record Series(String name, double[] x, double[] y, double[] yError, Style style) {
    public enum Style { LINE, MARKERS, LINE_AND_MARKERS, DASHED, GUIDE }

    public Series {
        if (x.length != y.length) throw new IllegalArgumentException("series '" + name + "': " + x.length + " x but " + y.length + " y");
        if (yError != null && yError.length != y.length) throw new IllegalArgumentException("series '" + name + "': error bars do not match the points");
    }

    public static Series line(String name, double[] x, double[] y) { return new Series(name, x, y, null, Style.LINE); }

    public static Series lineAndMarkers(String name, double[] x, double[] y) {
        return new Series(name, x, y, null, Style.LINE_AND_MARKERS);
    }

    public static Series dashed(String name, double[] x, double[] y) { return new Series(name, x, y, null, Style.DASHED); }

    public static Series markers(String name, double[] x, double[] y, double[] yError) {
        return new Series(name, x, y, yError, Style.MARKERS);
    }

    /** A dashed guide y = y0 (x/x0)^slope between x = a and x = b (a slope-1 guide on a log-log MSD plot). */
    public static Series powerGuide(String name, double slope, double x0, double y0, double a, double b) {
        return new Series(name, new double[] {a, b}, new double[] {y0 * Math.pow(a / x0, slope), y0 * Math.pow(b / x0, slope)},
            null, Style.GUIDE);
    }
}
