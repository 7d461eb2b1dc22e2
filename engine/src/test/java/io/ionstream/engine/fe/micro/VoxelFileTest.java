package io.ionstream.engine.fe.micro;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ionstream.engine.io.FormatException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VoxelFileTest {
    @TempDir Path dir;

    @Test
    void roundTripWithSeedsRawAndGzip() throws Exception {
        Polycrystal pc = PolycrystalBuilder.generate(new PolycrystalSpec(9, 20, 30, Seeding.HALTON, 4, 0), 2);
        for (boolean gz : new boolean[] {false, true}) {
            Path f = dir.resolve(gz ? "m.vox.gz" : "m.vox");
            VoxelFile.write(pc, f, gz);
            VoxelFile.Contents c = VoxelFile.read(f);
            assertEquals(20, c.grid());
            assertEquals(pc.voxelNm(), c.voxelNm(), 1e-15);
            assertArrayEquals(pc.labels(), c.labels());
            Polycrystal back = c.toPolycrystal(f.toString(), 2);
            for (int v = 0; v < pc.labels().length; v++) assertEquals(pc.boundaryDistance(v), back.boundaryDistance(v), 1e-5f);
        }
        assertTrue(Files.size(dir.resolve("m.vox.gz")) < Files.size(dir.resolve("m.vox")));
    }

    @Test
    void labelsOnlyFileUsesFittedPlanes() throws Exception {
        Polycrystal pc = PolycrystalBuilder.generate(new PolycrystalSpec(6, 24, 30, Seeding.LLOYD, 2, 4), 2);
        Polycrystal labelsOnly = PolycrystalBuilder.fromLabels(pc.labels(), 24, 6, pc.cellNm(), 2, "labels");
        Path f = dir.resolve("l.vox");
        VoxelFile.write(labelsOnly, f, false);
        VoxelFile.Contents c = VoxelFile.read(f);
        assertNull(c.seeds());
        assertEquals(labelsOnly.facets().size(), c.toPolycrystal(f.toString(), 1).facets().size());
    }

    @Test
    void badFilesAreReportedWithLineAndProblem() throws Exception {
        Path bad = dir.resolve("bad.vox");
        Files.writeString(bad, "hello\n");
        FormatException e = assertThrows(FormatException.class, () -> VoxelFile.read(bad));
        assertEquals(1, e.line());

        Files.writeString(bad, VoxelFile.MAGIC + "\ngrid 2 2 3\n");
        e = assertThrows(FormatException.class, () -> VoxelFile.read(bad));
        assertTrue(e.getMessage().contains("cubic"), e.getMessage());

        byte[] header = (VoxelFile.MAGIC + "\ngrid 2 2 2\nvoxel_nm 1\ngrains 2\nencoding uint8\ndata\n").getBytes(StandardCharsets.US_ASCII);
        byte[] truncated = java.util.Arrays.copyOf(header, header.length + 5);
        Files.write(bad, truncated);
        e = assertThrows(FormatException.class, () -> VoxelFile.read(bad));
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());

        byte[] outOfRange = java.util.Arrays.copyOf(header, header.length + 8);
        outOfRange[header.length + 3] = 7;
        Files.write(bad, outOfRange);
        e = assertThrows(FormatException.class, () -> VoxelFile.read(bad));
        assertTrue(e.getMessage().contains("voxel 3 has grain id 7"), e.getMessage());
    }
}
