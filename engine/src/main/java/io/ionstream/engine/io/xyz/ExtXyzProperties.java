package io.ionstream.engine.io.xyz;

import io.ionstream.engine.io.FormatException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The per-atom column layout of an extended XYZ frame, from {@code Properties=name:type:count:...}
 * with types S (string), R (real), I (integer) and L (logical T/F).
 */
public final class ExtXyzProperties {
    /** Most columns one property may span; far beyond any real file, small enough to bound a line. */
    static final int MAX_COUNT = 1024;

    /** One property: its name, type letter, number of columns and first column. */
    public record Column(String name, char kind, int count, int offset) {}

    private final List<Column> columns;
    private final int width;

    private ExtXyzProperties(List<Column> columns, int width) {
        this.columns = columns;
        this.width = width;
    }

    /** The layout ASE assumes when a frame has no Properties key. */
    public static ExtXyzProperties standard() {
        return new ExtXyzProperties(List.of(new Column("species", 'S', 1, 0), new Column("pos", 'R', 3, 1)), 4);
    }

    public static ExtXyzProperties parse(String value, String source, int line) {
        String[] parts = value.split(":", -1);
        if (parts.length % 3 != 0) {
            throw new FormatException(source, line, "Properties '" + abbreviate(value) + "' is not a list of name:type:count triples");
        }
        List<Column> cols = new ArrayList<>();
        Set<String> names = new HashSet<>();
        int offset = 0;
        for (int k = 0; k < parts.length; k += 3) {
            String name = parts[k];
            if (name.isEmpty()) throw new FormatException(source, line, "Properties has an empty property name");
            if (parts[k + 1].length() != 1 || "SRIL".indexOf(parts[k + 1].toUpperCase(Locale.ROOT).charAt(0)) < 0) {
                throw new FormatException(source, line, "property '" + name + "' has type '" + abbreviate(parts[k + 1])
                    + "'; expected S, R, I or L");
            }
            char kind = parts[k + 1].toUpperCase(Locale.ROOT).charAt(0);
            int count;
            try {
                count = Integer.parseInt(parts[k + 2]);
            } catch (NumberFormatException e) {
                throw new FormatException(source, line, "property '" + name + "' has count '" + abbreviate(parts[k + 2]) + "', not an integer");
            }
            if (count < 1 || count > MAX_COUNT) {
                throw new FormatException(source, line, "property '" + name + "' has count " + count + " outside 1.." + MAX_COUNT);
            }
            if (!names.add(name.toLowerCase(Locale.ROOT))) {
                throw new FormatException(source, line, "property '" + name + "' appears twice in Properties");
            }
            cols.add(new Column(name, kind, count, offset));
            offset += count;
        }
        return new ExtXyzProperties(List.copyOf(cols), offset);
    }

    /** Total number of whitespace-separated fields of one atom line. */
    public int width() {
        return width;
    }

    public List<Column> columns() {
        return columns;
    }

    /**
     * The first property named one of {@code names} (case-insensitive), or null; when it exists
     * it must have the given type and count, otherwise the file is malformed.
     */
    public Column find(char kind, int count, String source, int line, String... names) {
        for (Column c : columns) {
            for (String n : names) {
                if (c.name().equalsIgnoreCase(n)) {
                    if (c.kind() != kind || c.count() != count) {
                        throw new FormatException(source, line, "property '" + c.name() + "' must be " + kind + ":" + count
                            + ", found " + c.kind() + ":" + c.count());
                    }
                    return c;
                }
            }
        }
        return null;
    }

    private static String abbreviate(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "…" : s;
    }
}
