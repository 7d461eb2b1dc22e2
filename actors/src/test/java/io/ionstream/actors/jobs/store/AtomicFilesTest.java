package io.ionstream.actors.jobs.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A replaced file is either the old or the new content; a failed write leaves the old one and no temporary. */
class AtomicFilesTest {
    @TempDir Path dir;

    @Test
    void replacesAtomicallyAndCleansUp() throws IOException {
        Path f = dir.resolve("job.pb");
        AtomicFiles.write(f, new byte[] {1, 2, 3});
        AtomicFiles.write(f, new byte[] {4, 5});
        assertArrayEquals(new byte[] {4, 5}, Files.readAllBytes(f));
        IOException e = assertThrows(IOException.class, () -> AtomicFiles.write(f, out -> {
            out.write(new byte[] {9, 9, 9});
            throw new IOException("disk full");
        }));
        assertEquals("disk full", e.getMessage());
        assertArrayEquals(new byte[] {4, 5}, Files.readAllBytes(f), "the old content stays when a write fails");
        try (var s = Files.list(dir)) {
            assertEquals(1, s.count(), "no temporary file is left behind");
        }
        Files.write(dir.resolve(".job.pb.123.tmp"), new byte[] {7});
        AtomicFiles.removeStaleTemporaries(dir);
        try (var s = Files.list(dir)) {
            assertEquals(1, s.count(), "a crash's leftover temporary is removed at start-up");
        }
    }
}
