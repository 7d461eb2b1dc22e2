package io.ionstream.engine.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvTableTest {
    @TempDir Path dir;

    @Test
    void numbersToTenDigitsAndCommasInWordsReplaced() throws Exception {
        Path f = dir.resolve("t.csv");
        new CsvTable("a", "b").row(1.0 / 3, "x,y").row(Double.NaN, "z").write(f);
        assertEquals("a,b\n0.3333333333,x;y\n,z\n", Files.readString(f));
    }
}
