package io.ionstream.engine.report;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A header and rows of numbers or words, written as comma-separated values (numbers to 10 significant digits, commas in words become semicolons). */
public final class CsvTable {
    private final List<String> header;
    private final List<List<Object>> rows = new ArrayList<>();

    public CsvTable(String... header) {
        this.header = List.of(header);
    }

    public CsvTable row(Object... values) {
        if (values.length != header.size()) throw new IllegalArgumentException("row has " + values.length + " values for " + header.size() + " columns");
        rows.add(List.of(values));
        return this;
    }

    public int size() { return rows.size(); }

    public void write(Path file) throws IOException {
        if (file.getParent() != null) Files.createDirectories(file.getParent());
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(String.join(",", header));
            w.write('\n');
            for (List<Object> r : rows) {
                StringBuilder sb = new StringBuilder();
                for (int i = 0; i < r.size(); i++) {
                    if (i > 0) sb.append(',');
                    Object v = r.get(i);
                    if (v instanceof Double d) sb.append(Double.isFinite(d) ? String.format(Locale.ROOT, "%.10g", d) : "");
                    else sb.append(String.valueOf(v).replace(",", ";"));
                }
                w.write(sb.append('\n').toString());
            }
        }
    }
}
