package io.ionstream.engine.fe.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LinePlotTest {
    @TempDir Path dir;

    @Test
    void writesWellFormedSvgAndAReadablePng() throws Exception {
        LinePlot p = new LinePlot("D <map>", "D_GB/D_bulk", "D/D_bulk", true, true)
            .add("d = 10 nm", new double[] {0.01, 1, 100}, new double[] {0.1, 1, 20})
            .add("d = 1 µm", new double[] {0.01, 1, 100}, new double[] {0.9, 1, 1.2}, true);
        List<Path> files = p.write(dir.resolve("plot"));
        var doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(files.get(0).toFile());
        assertEquals("svg", doc.getDocumentElement().getNodeName());
        assertEquals(2, doc.getElementsByTagName("polyline").getLength());
        assertTrue(Files.readString(files.get(0)).contains("D &lt;map&gt;"));
        BufferedImage img = ImageIO.read(files.get(1).toFile());
        assertEquals(720, img.getWidth());
    }

    @Test
    void csvKeepsFullPrecision() throws Exception {
        Path f = dir.resolve("t.csv");
        new CsvTable("a", "b").row(1.0 / 3, "x,y").write(f);
        assertEquals("a,b\n0.3333333333,x;y\n", Files.readString(f));
    }
}
