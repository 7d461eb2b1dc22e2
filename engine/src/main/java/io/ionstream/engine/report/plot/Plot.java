package io.ionstream.engine.report.plot;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A 2-D plot description: title, axis labels, linear or logarithmic axes, and series. Rendered
 * by {@link PlotRenderer} on a {@link Canvas}: SVG text or a PNG image ({@link #write}).
 */
public final class Plot {
    final String title, xLabel, yLabel;
    final boolean xLog, yLog;
    final List<Series> series = new ArrayList<>();

    public Plot(String title, String xLabel, String yLabel, boolean xLog, boolean yLog) {
        this.title = title;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
        this.xLog = xLog;
        this.yLog = yLog;
    }

    public Plot add(Series s) {
        series.add(s);
        return this;
    }

    public List<Series> series() { return List.copyOf(series); }

    /** The plot as an SVG document. */
    public String svg(int width, int height) {
        SvgCanvas c = new SvgCanvas(width, height);
        new PlotRenderer().render(this, c, width, height);
        return c.document();
    }

    /** Writes {@code base}.svg and {@code base}.png (creating the folder); returns the two files. */
    public List<Path> writeSvgAndPng(Path base, int width, int height) {
        try {
            if (base.getParent() != null) java.nio.file.Files.createDirectories(base.getParent());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot create " + base.getParent() + ": " + e.getMessage(), e);
        }
        Path svg = Path.of(base + ".svg"), png = Path.of(base + ".png");
        write(svg, width, height);
        write(png, width, height);
        return List.of(svg, png);
    }

    /** Writes SVG or PNG by the file's extension (.svg, .png). */
    public void write(Path file, int width, int height) {
        String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (n.endsWith(".svg")) {
            try {
                java.nio.file.Files.writeString(file, svg(width, height));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
            }
        } else if (n.endsWith(".png")) {
            RasterCanvas c = new RasterCanvas(width, height);
            new PlotRenderer().render(this, c, width, height);
            c.writePng(file);
        } else {
            throw new IllegalArgumentException("plot file " + file + " must end in .svg or .png");
        }
    }
}
