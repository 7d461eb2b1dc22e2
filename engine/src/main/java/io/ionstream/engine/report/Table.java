package io.ionstream.engine.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A table of named numeric columns for results (MSD curves, profiles, growth curves), written as
 * CSV (header line, comma-separated, NaN as an empty field) or JSON (an object of column arrays,
 * NaN as null). Numbers are written with full precision.
 */
public final class Table {
    private final List<String> names = new ArrayList<>();
    private final List<double[]> columns = new ArrayList<>();

    /** Adds a column; all columns must have the same length. */
    public Table column(String name, double[] values) {
        if (!columns.isEmpty() && values.length != columns.get(0).length) {
            throw new IllegalArgumentException("column '" + name + "' has " + values.length + " rows, the table has "
                + columns.get(0).length);
        }
        if (names.contains(name)) throw new IllegalArgumentException("column '" + name + "' added twice");
        names.add(name);
        columns.add(values.clone());
        return this;
    }

    public int rows() { return columns.isEmpty() ? 0 : columns.get(0).length; }
    public List<String> names() { return List.copyOf(names); }
    public double[] column(String name) {
        int k = names.indexOf(name);
        if (k < 0) throw new IllegalArgumentException("no column '" + name + "' (columns: " + names + ")");
        return columns.get(k).clone();
    }

    public String csv() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.join(",", names)).append('\n');
        for (int r = 0; r < rows(); r++) {
            for (int c = 0; c < columns.size(); c++) {
                if (c > 0) sb.append(',');
                double v = columns.get(c)[r];
                if (Double.isFinite(v)) sb.append(number(v));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    public String json() {
        StringBuilder sb = new StringBuilder("{");
        for (int c = 0; c < columns.size(); c++) {
            if (c > 0) sb.append(',');
            sb.append("\n  ").append(quote(names.get(c))).append(": [");
            double[] col = columns.get(c);
            for (int r = 0; r < col.length; r++) {
                if (r > 0) sb.append(", ");
                sb.append(Double.isFinite(col[r]) ? number(col[r]) : "null");
            }
            sb.append(']');
        }
        return sb.append("\n}\n").toString();
    }

    /** Writes CSV or JSON by the file's extension (.csv, .json). */
    public void write(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        String text;
        if (name.endsWith(".csv")) text = csv();
        else if (name.endsWith(".json")) text = json();
        else throw new IllegalArgumentException("table file " + file + " must end in .csv or .json");
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return Long.toString((long) v);
        return Double.toString(v);
    }

    static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                default -> {
                    if (ch < 0x20) sb.append(String.format("\\u%04x", (int) ch));
                    else sb.append(ch);
                }
            }
        }
        return sb.append('"').toString();
    }
}
