package io.ionstream.engine.io.xyz;

import io.ionstream.engine.io.FormatException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The comment (second) line of an extended XYZ frame: {@code key=value} pairs separated by
 * whitespace, values bare, {@code "double quoted"} (with {@code \"} and {@code \\} escapes) or
 * bracketed ({@code [...]}, {@code {...}}); a key without a value means {@code T}. Keys are
 * kept in file order and compared case-insensitively by {@link #get}.
 */
public final class ExtXyzComment {
    private final Map<String, String> entries;

    private ExtXyzComment(Map<String, String> entries) {
        this.entries = entries;
    }

    /** Parses a comment line; a malformed one is reported at {@code source:line}. */
    public static ExtXyzComment parse(String text, String source, int line) {
        Map<String, String> map = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        int n = text.length(), i = 0;
        while (true) {
            i = skipSpace(text, i);
            if (i >= n) break;
            int[] end = new int[1];
            String key = text.charAt(i) == '"' ? quoted(text, i, end, source, line) : bare(text, i, end, true);
            i = end[0];
            if (key.isEmpty()) throw new FormatException(source, line, "empty key at column " + (i + 1) + " of the comment line");
            int j = skipSpace(text, i);
            String value;
            if (j < n && text.charAt(j) == '=') {
                j = skipSpace(text, j + 1);
                if (j >= n) throw new FormatException(source, line, "key '" + key + "' has '=' but no value");
                char c = text.charAt(j);
                if (c == '"') value = quoted(text, j, end, source, line);
                else if (c == '[' || c == '{') value = bracketed(text, j, end, source, line);
                else value = bare(text, j, end, false);
                i = end[0];
            } else {
                value = "T";
            }
            if (!seen.add(key.toLowerCase(Locale.ROOT))) {
                throw new FormatException(source, line, "key '" + key + "' appears twice in the comment line");
            }
            map.put(key, value);
        }
        return new ExtXyzComment(map);
    }

    /** The value of a key (case-insensitive), or null. */
    public String get(String key) {
        for (Map.Entry<String, String> e : entries.entrySet()) {
            if (e.getKey().equalsIgnoreCase(key)) return e.getValue();
        }
        return null;
    }

    /** All entries except the given keys (case-insensitive), in file order. */
    public Map<String, String> without(String... keys) {
        Map<String, String> out = new LinkedHashMap<>();
        outer:
        for (Map.Entry<String, String> e : entries.entrySet()) {
            for (String k : keys) if (e.getKey().equalsIgnoreCase(k)) continue outer;
            out.put(e.getKey(), e.getValue());
        }
        return out;
    }

    /** A value for writing: bare when it is a single safe word, double-quoted with escapes otherwise. */
    public static String quote(String value) {
        boolean bare = !value.isEmpty();
        for (int i = 0; i < value.length() && bare; i++) {
            char c = value.charAt(i);
            if (c <= ' ' || c == '"' || c == '=' || c == '\\' || c == '[' || c == '{' || c == ']' || c == '}') bare = false;
        }
        if (bare) return value;
        StringBuilder sb = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\n' || c == '\r') throw new IllegalArgumentException("extxyz values cannot contain line breaks: '" + value + "'");
            if (c == '"' || c == '\\') sb.append('\\');
            sb.append(c);
        }
        return sb.append('"').toString();
    }

    /** Numbers of a value such as {@code "1 0 0 0 1 0 0 0 1"} or {@code [1, 0, 0]}. */
    public static double[] numbers(String value, String key, String source, int line) {
        List<String> parts = tokens(value);
        double[] out = new double[parts.size()];
        for (int k = 0; k < out.length; k++) {
            try {
                out[k] = Double.parseDouble(parts.get(k));
            } catch (NumberFormatException e) {
                throw new FormatException(source, line, key + " value '" + parts.get(k) + "' is not a number");
            }
            if (!Double.isFinite(out[k])) throw new FormatException(source, line, key + " value '" + parts.get(k) + "' is not finite");
        }
        return out;
    }

    /** Logical values such as {@code "T T F"} or {@code [True, True, False]}. */
    public static boolean[] logicals(String value, String key, String source, int line) {
        List<String> parts = tokens(value);
        boolean[] out = new boolean[parts.size()];
        for (int k = 0; k < out.length; k++) {
            String p = parts.get(k).toLowerCase(Locale.ROOT);
            switch (p) {
                case "t", "true", "1" -> out[k] = true;
                case "f", "false", "0" -> out[k] = false;
                default -> throw new FormatException(source, line, key + " value '" + parts.get(k) + "' is not T or F");
            }
        }
        return out;
    }

    private static List<String> tokens(String value) {
        List<String> out = new ArrayList<>();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i <= value.length(); i++) {
            char c = i < value.length() ? value.charAt(i) : ' ';
            if (c <= ' ' || c == ',' || c == '[' || c == ']' || c == '{' || c == '}') {
                if (!sb.isEmpty()) {
                    out.add(sb.toString());
                    sb.setLength(0);
                }
            } else {
                sb.append(c);
            }
        }
        return out;
    }

    private static int skipSpace(String s, int i) {
        while (i < s.length() && s.charAt(i) <= ' ') i++;
        return i;
    }

    private static String bare(String s, int i, int[] end, boolean key) {
        int j = i;
        while (j < s.length() && s.charAt(j) > ' ' && !(key && s.charAt(j) == '=')) j++;
        end[0] = j;
        return s.substring(i, j);
    }

    private static String quoted(String s, int i, int[] end, String source, int line) {
        StringBuilder sb = new StringBuilder();
        for (int j = i + 1; j < s.length(); j++) {
            char c = s.charAt(j);
            if (c == '\\' && j + 1 < s.length()) {
                sb.append(s.charAt(++j));
            } else if (c == '"') {
                end[0] = j + 1;
                return sb.toString();
            } else {
                sb.append(c);
            }
        }
        throw new FormatException(source, line, "unterminated quoted string starting at column " + (i + 1) + " of the comment line");
    }

    private static String bracketed(String s, int i, int[] end, String source, int line) {
        int depth = 0;
        for (int j = i; j < s.length(); j++) {
            char c = s.charAt(j);
            if (c == '[' || c == '{') depth++;
            else if ((c == ']' || c == '}') && --depth == 0) {
                end[0] = j + 1;
                return s.substring(i, j + 1);
            }
        }
        throw new FormatException(source, line, "unclosed bracket starting at column " + (i + 1) + " of the comment line");
    }
}
