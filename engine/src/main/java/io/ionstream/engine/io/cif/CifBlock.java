package io.ionstream.engine.io.cif;

import io.ionstream.engine.io.FormatException;
import io.ionstream.engine.io.LineReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One {@code data_} block of a CIF 1.1 file: every tag with its value(s) and the line each value
 * came from. A tag outside a loop has one value; the tags of one {@code loop_} share a row
 * count. Tags are compared case-insensitively, as CIF requires.
 *
 * <p>Syntax handled: {@code #} comments, bare words, {@code 'single'} and {@code "double"}
 * quoted strings (closed by the quote followed by whitespace), {@code ;} text fields, and the
 * reserved words {@code data_}, {@code loop_}; {@code save_} frames, {@code global_} and
 * {@code stop_} (STAR features CIF does not use) are errors.
 */
public final class CifBlock {
    /** Values of one tag and the lines they were read from. */
    public record Values(List<String> values, List<Integer> lines, int loop) {}

    private final String name;
    private final int line;
    private final Map<String, Values> tags = new LinkedHashMap<>();

    private CifBlock(String name, int line) {
        this.name = name;
        this.line = line;
    }

    public String name() { return name; }

    /** Line of the {@code data_} header. */
    public int line() { return line; }

    /** The values of a tag (case-insensitive), or null when the block does not have it. */
    public Values get(String tag) {
        return tags.get(tag.toLowerCase(Locale.ROOT));
    }

    /** The first of several synonymous tags that the block has, or null. */
    public Values first(String... names) {
        for (String n : names) {
            Values v = get(n);
            if (v != null) return v;
        }
        return null;
    }

    /** Parses every data block of a CIF file. */
    public static List<CifBlock> parse(LineReader in) {
        List<Token> tokens = tokenize(in);
        List<CifBlock> blocks = new ArrayList<>();
        CifBlock block = null;
        int loops = 0;
        int k = 0;
        while (k < tokens.size()) {
            Token t = tokens.get(k);
            String lower = t.text.toLowerCase(Locale.ROOT);
            if (!t.quoted && lower.startsWith("data_")) {
                block = new CifBlock(t.text.substring(5), t.line);
                blocks.add(block);
                k++;
            } else if (!t.quoted && (lower.startsWith("save_") || lower.equals("global_") || lower.equals("stop_"))) {
                throw new FormatException(in.source(), t.line, "'" + t.text + "' (STAR save frames / global blocks) is not CIF 1.1");
            } else if (block == null) {
                throw new FormatException(in.source(), t.line, "content before the first data_ block: '" + abbreviate(t.text) + "'");
            } else if (!t.quoted && lower.equals("loop_")) {
                k = block.loop(in, tokens, k + 1, ++loops);
            } else if (!t.quoted && t.text.startsWith("_")) {
                if (k + 1 >= tokens.size() || isReserved(tokens.get(k + 1))) {
                    throw new FormatException(in.source(), t.line, "tag " + t.text + " has no value");
                }
                Token v = tokens.get(k + 1);
                block.put(in, t, new Values(List.of(v.text), List.of(v.line), 0));
                k += 2;
            } else {
                throw new FormatException(in.source(), t.line, "value '" + abbreviate(t.text) + "' without a tag");
            }
        }
        return blocks;
    }

    private int loop(LineReader in, List<Token> tokens, int k, int loopId) {
        int start = k;
        List<Token> names = new ArrayList<>();
        while (k < tokens.size() && !tokens.get(k).quoted && tokens.get(k).text.startsWith("_")) names.add(tokens.get(k++));
        if (names.isEmpty()) {
            int at = start < tokens.size() ? tokens.get(start).line : (tokens.isEmpty() ? 0 : tokens.get(start - 1).line);
            throw new FormatException(in.source(), at, "loop_ without tags");
        }
        List<List<String>> values = new ArrayList<>();
        List<List<Integer>> lines = new ArrayList<>();
        for (int c = 0; c < names.size(); c++) {
            values.add(new ArrayList<>());
            lines.add(new ArrayList<>());
        }
        int count = 0;
        while (k < tokens.size() && !isReserved(tokens.get(k))) {
            Token v = tokens.get(k++);
            values.get(count % names.size()).add(v.text);
            lines.get(count % names.size()).add(v.line);
            count++;
        }
        if (count == 0) throw new FormatException(in.source(), names.get(0).line, "loop_ has tags but no values");
        if (count % names.size() != 0) {
            throw new FormatException(in.source(), names.get(0).line, "loop of " + names.size() + " tags has " + count
                + " values, not a whole number of rows");
        }
        for (int c = 0; c < names.size(); c++) put(in, names.get(c), new Values(values.get(c), lines.get(c), loopId));
        return k;
    }

    private void put(LineReader in, Token tag, Values v) {
        if (tags.putIfAbsent(tag.text.toLowerCase(Locale.ROOT), v) != null) {
            throw new FormatException(in.source(), tag.line, "tag " + tag.text + " appears twice in data_" + name);
        }
    }

    private static boolean isReserved(Token t) {
        if (t.quoted) return false;
        String lower = t.text.toLowerCase(Locale.ROOT);
        return t.text.startsWith("_") || lower.equals("loop_") || lower.startsWith("data_") || lower.startsWith("save_")
            || lower.equals("global_") || lower.equals("stop_");
    }

    private record Token(String text, int line, boolean quoted) {}

    private static List<Token> tokenize(LineReader in) {
        List<Token> out = new ArrayList<>();
        String s;
        while ((s = in.next()) != null) {
            int lineNo = in.line();
            if (s.startsWith(";")) {
                StringBuilder text = new StringBuilder(s.substring(1));
                while (true) {
                    String t = in.next();
                    if (t == null) throw new FormatException(in.source(), lineNo, "text field opened with ';' is never closed");
                    if (t.startsWith(";")) break;
                    if (text.length() + t.length() > LineReader.MAX_LINE) {
                        throw new FormatException(in.source(), lineNo, "text field longer than " + LineReader.MAX_LINE + " characters");
                    }
                    text.append('\n').append(t);
                }
                out.add(new Token(text.toString(), lineNo, true));
                continue;
            }
            int i = 0, n = s.length();
            while (i < n) {
                char c = s.charAt(i);
                if (c <= ' ') {
                    i++;
                } else if (c == '#') {
                    break;
                } else if (c == '\'' || c == '"') {
                    int j = i + 1;
                    while (j < n && !(s.charAt(j) == c && (j + 1 == n || s.charAt(j + 1) <= ' '))) j++;
                    if (j >= n) throw new FormatException(in.source(), lineNo, "quoted string starting at column " + (i + 1) + " is not closed");
                    out.add(new Token(s.substring(i + 1, j), lineNo, true));
                    i = j + 1;
                } else {
                    int j = i;
                    while (j < n && s.charAt(j) > ' ') j++;
                    out.add(new Token(s.substring(i, j), lineNo, false));
                    i = j;
                }
            }
        }
        return out;
    }

    private static String abbreviate(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "…" : s;
    }
}
