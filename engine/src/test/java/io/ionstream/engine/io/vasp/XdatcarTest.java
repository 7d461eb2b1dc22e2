package io.ionstream.engine.io.vasp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ionstream.engine.SharedData;
import io.ionstream.engine.io.FormatException;
import io.ionstream.engine.io.TrajectoryFiles;
import io.ionstream.engine.io.TrajectoryFrame;
import io.ionstream.engine.io.TrajectoryReader;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class XdatcarTest {
    @TempDir
    Path dir;

    /** Morgan's AIMD XDATCAR (real VASP output): checked against a separate plain reading of the text. */
    @Test
    void readsRealVaspOutputFrameByFrame() throws Exception {
        Path file = SharedData.file("external-trajectories/morgan-argyrodite-aimd/Li6PS5Cl_50p_run1_actual_XDATCAR.gz");
        List<String> lines = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.UTF_8))) {
            String s;
            while ((s = r.readLine()) != null) lines.add(s);
        }
        String[] names = lines.get(5).strip().split("\\s+");
        String[] counts = lines.get(6).strip().split("\\s+");
        int atoms = 0;
        for (String c : counts) atoms += Integer.parseInt(c);
        List<Integer> configLines = new ArrayList<>();
        for (int k = 0; k < lines.size(); k++) if (lines.get(k).startsWith("Direct configuration=")) configLines.add(k);

        int frames = 0;
        try (TrajectoryReader r = TrajectoryFiles.open(file)) {
            TrajectoryFrame f;
            double[] s = new double[3];
            while ((f = r.next()) != null) {
                int at = configLines.get(frames);
                assertEquals(Long.parseLong(lines.get(at).substring(lines.get(at).indexOf('=') + 1).strip()), f.step());
                assertEquals(atoms, f.atoms());
                assertFalse(f.unwrapped());
                assertTrue(Double.isNaN(f.time()));
                assertArrayEquals(names, f.species().symbols());
                if (frames % 25 == 0) {
                    // fractional coordinates survive the rotation into the LAMMPS frame
                    for (int i = 0; i < atoms; i += 37) {
                        String[] raw = lines.get(at + 1 + i).strip().split("\\s+");
                        f.box().toFractional(f.x()[3 * i], f.x()[3 * i + 1], f.x()[3 * i + 2], s, 0);
                        for (int d = 0; d < 3; d++) assertEquals(Double.parseDouble(raw[d]), s[d], 1e-12, "frame " + frames + " atom " + i);
                    }
                    int block = 0, left = Integer.parseInt(counts[0]);
                    for (int i = 0; i < atoms; i++) {
                        while (left == 0) left = Integer.parseInt(counts[++block]);
                        left--;
                        assertEquals(names[block], f.species().symbol(f.type()[i]));
                        assertEquals(i + 1, f.id()[i]);
                    }
                }
                frames++;
            }
        }
        assertEquals(configLines.size(), frames);
        // the header's cell, from the text: |a|, and the volume as a triple product
        double[][] lat = new double[3][3];
        for (int k = 0; k < 3; k++) {
            String[] raw = lines.get(2 + k).strip().split("\\s+");
            for (int d = 0; d < 3; d++) lat[k][d] = Double.parseDouble(raw[d]) * Double.parseDouble(lines.get(1).strip());
        }
        double vol = lat[0][0] * (lat[1][1] * lat[2][2] - lat[1][2] * lat[2][1]) - lat[0][1] * (lat[1][0] * lat[2][2] - lat[1][2] * lat[2][0])
            + lat[0][2] * (lat[1][0] * lat[2][1] - lat[1][1] * lat[2][0]);
        try (TrajectoryReader r = TrajectoryFiles.open(file)) {
            TrajectoryFrame f = r.next();
            assertEquals(vol, f.box().volume(), 1e-9 * vol);
            assertEquals(Math.sqrt(lat[0][0] * lat[0][0] + lat[0][1] * lat[0][1] + lat[0][2] * lat[0][2]), f.box().lx(), 1e-12);
        }
    }

    @Test
    void variableCellFilesRepeatTheHeader() {
        String h1 = "run\n1.0\n4 0 0\n0 4 0\n0 0 4\nLi S\n1 1\n";
        String h2 = "run\n1.0\n4.4 0 0\n0.2 4 0\n0 0 3.6\nLi S\n1 1\n";
        String text = h1 + "Direct configuration=     1\n0.5 0.5 0.5\n0 0 0\n" + h2 + "Direct configuration=     2\n0.5 0.5 0.5\n0.1 0 0\n";
        try (XdatcarReader r = new XdatcarReader(new BufferedReader(new StringReader(text)), "XDATCAR", null)) {
            TrajectoryFrame a = r.next(), b = r.next();
            assertNull(r.next());
            assertArrayEquals(new double[] {2, 2, 2, 0, 0, 0}, a.x(), 1e-15);
            assertEquals(4.4, b.box().lx(), 0.0);
            assertEquals(0.2, b.box().xy(), 0.0);
            assertArrayEquals(new double[] {2.3, 2, 1.8, 0.44, 0, 0}, b.x(), 1e-15);
            assertEquals(2, b.step());
        }
    }

    @Test
    void malformedInputNamesLineAndProblem() {
        String h1 = "run\n1.0\n4 0 0\n0 4 0\n0 0 4\nLi S\n1 1\n";
        assertError(h1 + "Direct configuration=     1\n0.5 0.5 0.5\n", 10, "end of file");
        assertError(h1 + "Direct configuration=     1\n0.5 0.5 0.5\n0 0 0\nrun\n1.0\n4 0 0\n0 4 0\n0 0 4\nLi S\n2 1\n"
            + "Direct configuration= 2\n0 0 0\n0 0 0\n0 0 0\n", 11, "differ");
        assertError(h1 + "Direct configuration=\n0.5 0.5 0.5\n0 0 0\n", 8, "no number");
        assertError("", 1, "empty");
    }

    private static void assertError(String text, int line, String words) {
        FormatException e = assertThrows(FormatException.class, () -> {
            try (XdatcarReader r = new XdatcarReader(new BufferedReader(new StringReader(text)), "XDATCAR", null)) {
                while (r.next() != null) {
                    // read to the end
                }
            }
        });
        assertEquals(line, e.line(), e.getMessage());
        assertTrue(e.getMessage().contains(words), e.getMessage());
    }
}
