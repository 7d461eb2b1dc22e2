package io.ionstream.actors.jobs.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The append-only log keeps exactly the complete records across reopening, torn tails and truncation. */
class RecordLogTest {
    @TempDir Path dir;

    private static byte[] record(int i) {
        return ("record " + i + " " + "x".repeat(i % 17)).getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void recordsSurviveReopening() throws IOException {
        Path p = dir.resolve("log");
        try (RecordLog log = RecordLog.open(p)) {
            for (int i = 0; i < 100; i++) assertEquals(i, log.append(record(i)));
            log.sync();
        }
        try (RecordLog log = RecordLog.open(p)) {
            assertEquals(100, log.size());
            for (int i = 0; i < 100; i++) assertArrayEquals(record(i), log.read(i));
            assertEquals(100, log.append(record(100)), "appending continues after the last record");
        }
    }

    @Test
    void aTornTailIsCutOff() throws IOException {
        Path p = dir.resolve("log");
        try (RecordLog log = RecordLog.open(p)) {
            for (int i = 0; i < 10; i++) log.append(record(i));
        }
        long complete = Files.size(p);
        // a crash in the middle of an append: a header announcing more bytes than follow
        try (FileChannel ch = FileChannel.open(p, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            ch.write(ByteBuffer.allocate(8).putInt(1000).putInt(42).flip());
            ch.write(ByteBuffer.wrap(new byte[13]));
        }
        try (RecordLog log = RecordLog.open(p)) {
            assertEquals(10, log.size());
            assertEquals(complete, Files.size(p), "the torn record is removed from the file");
        }
    }

    @Test
    void aCorruptRecordEndsTheLog() throws IOException {
        Path p = dir.resolve("log");
        try (RecordLog log = RecordLog.open(p)) {
            for (int i = 0; i < 10; i++) log.append(record(i));
        }
        // flip one byte inside the 7th record's payload: its checksum no longer matches
        long pos = 0;
        try (FileChannel ch = FileChannel.open(p, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            for (int i = 0; i < 6; i++) pos += 8 + record(i).length;
            ch.write(ByteBuffer.wrap(new byte[] {'#'}), pos + 8 + 2);
        }
        try (RecordLog log = RecordLog.open(p)) {
            assertEquals(6, log.size());
            assertEquals(pos, Files.size(p));
        }
    }

    @Test
    void truncateKeepsThePrefix() throws IOException {
        Path p = dir.resolve("log");
        try (RecordLog log = RecordLog.open(p)) {
            for (int i = 0; i < 20; i++) log.append(record(i));
            log.truncate(7);
            assertEquals(7, log.size());
            assertEquals(7, log.append(record(99)));
            assertArrayEquals(record(99), log.read(7));
        }
        try (RecordLog log = RecordLog.open(p)) {
            assertEquals(8, log.size());
            assertArrayEquals(record(6), log.read(6));
        }
    }
}
