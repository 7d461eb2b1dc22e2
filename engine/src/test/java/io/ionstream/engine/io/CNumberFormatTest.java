package io.ionstream.engine.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ionstream.engine.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** {@code %.17g} exactly as C prints it. */
class CNumberFormatTest {

    @Test
    void edgeCasesAsGlibcPrintsThem() {
        // expected strings are what C's printf gives for these doubles
        assertEquals("1.0000000000000001e-05", CNumberFormat.g17(1e-5));
        assertEquals("0", CNumberFormat.g17(0.0));
        assertEquals("-0", CNumberFormat.g17(-0.0));
        assertEquals("1e+17", CNumberFormat.g17(1e17));
        assertEquals("10000000000000000", CNumberFormat.g17(1e16));
        assertEquals("99999999999999984", CNumberFormat.g17(9.999999999999998e16));
        assertEquals("0.0001", CNumberFormat.g17(1e-4));
        assertEquals("0.10000000000000001", CNumberFormat.g17(0.1));
        assertEquals("0.33333333333333331", CNumberFormat.g17(1.0 / 3));
        assertEquals("4.9406564584124654e-324", CNumberFormat.g17(Double.MIN_VALUE));
        assertEquals("1.7976931348623157e+308", CNumberFormat.g17(Double.MAX_VALUE));
        assertEquals("-2.5e-300", CNumberFormat.g17(-2.5e-300));
        assertEquals("12345.7", CNumberFormat.g(12345.678, 6));
        assertEquals("1.23457e+17", CNumberFormat.g(1.2345678901234568e17, 6));
    }

    @Test
    void reproducesEveryNumberOfTheMlipGoldenFiles() throws IOException {
        int checked = 0;
        try (Stream<Path> files = Files.walk(SharedData.file("mtp-reference"))) {
            for (Path p : files.filter(f -> f.getFileName().toString().startsWith("golden_")).toList()) {
                for (String line : Files.readAllLines(p)) {
                    for (String tok : line.split("\\s+")) {
                        if (!tok.matches("-?[0-9]+(\\.[0-9]+)?(e[-+][0-9]+)?") || !tok.contains(".") && !tok.contains("e")) continue;
                        assertEquals(tok, CNumberFormat.g17(Double.parseDouble(tok)), p.getFileName() + ": " + tok);
                        checked++;
                    }
                }
            }
        }
        assertTrue(checked > 1000, "checked " + checked + " numbers");
    }

}
