package io.ionstream.engine.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ionstream.engine.report.plot.Plot;
import io.ionstream.engine.report.plot.Series;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportTest {

    @Test
    void tableWritesCsvAndJsonWithMissingValues() {
        Table t = new Table().column("t_ps", new double[] {0, 0.5, 1}).column("msd_A2", new double[] {0, 1.25, Double.NaN});
        assertEquals("t_ps,msd_A2\n0,0\n0.5,1.25\n1,\n", t.csv());
        assertEquals("{\n  \"t_ps\": [0, 0.5, 1],\n  \"msd_A2\": [0, 1.25, null]\n}\n", t.json());
    }

    private static Plot msdPlot() {
        double[] t = new double[50], m = new double[50];
        for (int i = 0; i < 50; i++) {
            t[i] = 0.1 * (i + 1);
            m[i] = 6 * 0.3 * t[i] + 0.5;
        }
        return new Plot("MSD of Li", "t (ps)", "MSD (Å²)", true, true).add(Series.line("Li total", t, m))
            .add(Series.powerGuide("slope 1", 1, 1, 3, 0.1, 5));
    }

    @Test
    void svgHasAxesSeriesAndLegend() {
        String svg = msdPlot().svg(640, 480);
        assertTrue(svg.startsWith("<?xml") && svg.contains("<svg"));
        assertTrue(svg.contains("Li total") && svg.contains("slope 1") && svg.contains("MSD (Å²)"));
        assertTrue(svg.contains("stroke-dasharray"), "the guide is dashed");
        assertTrue(svg.contains(">0.1</text>") && svg.contains(">1</text>"), "decade ticks on the logarithmic time axis");
    }

    @Test
    void pngIsWrittenAndReadable(@TempDir Path dir) throws Exception {
        Path png = dir.resolve("msd.png");
        msdPlot().write(png, 640, 480);
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(640, img.getWidth());
        assertEquals(480, img.getHeight());
        int coloured = 0;
        for (int y = 0; y < 480; y += 2) for (int x = 0; x < 640; x += 2) if ((img.getRGB(x, y) & 0xffffff) != 0xffffff) coloured++;
        assertTrue(coloured > 500, "something was drawn (" + coloured + " pixels)");
        Path svg = dir.resolve("msd.svg");
        msdPlot().write(svg, 640, 480);
        assertTrue(Files.readString(svg).contains("<polyline"));
    }

    /** A second family of curves: coloured, dashed, with markers; titles are escaped in SVG; both files written. */
    @Test
    void dashedSeriesAndSvgPlusPng(@TempDir Path dir) throws Exception {
        Plot p = new Plot("D <map>", "D_GB/D_bulk", "D/D_bulk", true, true)
            .add(Series.lineAndMarkers("d = 10 nm", new double[] {0.01, 1, 100}, new double[] {0.1, 1, 20}))
            .add(Series.dashed("d = 1 µm", new double[] {0.01, 1, 100}, new double[] {0.9, 1, 1.2}));
        List<Path> files = p.writeSvgAndPng(dir.resolve("sub").resolve("map"), 720, 480);
        var doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(files.get(0).toFile());
        assertEquals("svg", doc.getDocumentElement().getNodeName());
        assertEquals(2, doc.getElementsByTagName("polyline").getLength());
        String svg = Files.readString(files.get(0));
        assertTrue(svg.contains("D &lt;map&gt;"));
        assertTrue(svg.contains("stroke-dasharray"), "the second series is dashed");
        assertEquals(6, doc.getElementsByTagName("circle").getLength(), "markers on both series");
        assertEquals(720, ImageIO.read(files.get(1).toFile()).getWidth());
    }
}
