package io.ionstream.engine.io;

import java.io.BufferedReader;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.util.zip.ZipException;

/**
 * Line-oriented reading with the position kept for error messages, and number parsing that
 * turns every failure into a {@link FormatException} naming source, line and field.
 */
public final class LineReader implements AutoCloseable {
    /** Longest line accepted; longer input is malformed rather than a reason to run out of memory. */
    public static final int MAX_LINE = 1 << 20;

    private final BufferedReader in;
    private final String source;
    private int line;
    private String pushedBack;
    private final char[] buf = new char[1 << 14];
    private int pos, len;

    public LineReader(BufferedReader in, String source) {
        this.in = in;
        this.source = source;
    }

    public String source() { return source; }

    /** 1-based number of the line last returned. */
    public int line() { return line; }

    /** The next line, or null at the end of input. */
    public String next() {
        if (pushedBack != null) {
            String s = pushedBack;
            pushedBack = null;
            line++;
            return s;
        }
        try {
            // scan our own buffer: a per-character read() is slow, and readLine() would let one
            // enormous line exhaust memory
            StringBuilder sb = null;
            while (true) {
                if (pos == len) {
                    len = in.read(buf, 0, buf.length);
                    pos = 0;
                    if (len <= 0) {
                        len = 0;
                        if (sb == null) return null;
                        break;
                    }
                }
                int start = pos;
                while (pos < len && buf[pos] != '\n') pos++;
                int piece = pos - start;
                if ((sb == null ? 0 : sb.length()) + piece > MAX_LINE) {
                    throw new FormatException(source, line + 1, "line longer than " + MAX_LINE + " characters");
                }
                if (pos < len) {
                    pos++; // the newline
                    String s;
                    if (sb == null) {
                        s = new String(buf, start, piece);
                    } else {
                        s = sb.append(buf, start, piece).toString();
                    }
                    line++;
                    return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
                }
                if (sb == null) sb = new StringBuilder(Math.max(80, 2 * piece));
                sb.append(buf, start, piece);
            }
            line++;
            String s = sb.toString();
            return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
        } catch (CharacterCodingException e) {
            throw new FormatException(source, line + 1, "not UTF-8 text (" + e + "): is this a binary file?", e);
        } catch (ZipException | EOFException e) {
            // damaged or truncated gzip data is malformed input, not an I/O failure
            throw new FormatException(source, line + 1, "corrupt compressed data: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(source + ": " + e.getMessage(), e);
        }
    }

    /** The next line, failing with {@code what} expected when input ends. */
    public String require(String what) {
        String s = next();
        if (s == null) throw new FormatException(source, line + 1, "unexpected end of file, expected " + what);
        return s;
    }

    /** Next line that is not blank (after stripping {@code #} comments when {@code comments}), or null. */
    public String nextContent(boolean comments) {
        String s;
        while ((s = next()) != null) {
            String t = comments ? stripComment(s) : s;
            if (!t.isBlank()) return t;
        }
        return null;
    }

    /** Returns the last line to the reader. */
    public void pushBack(String s) {
        pushedBack = s;
        line--;
    }

    public FormatException error(String problem) {
        return new FormatException(source, line, problem);
    }

    public static String stripComment(String s) {
        int h = s.indexOf('#');
        return h >= 0 ? s.substring(0, h) : s;
    }

    /** Whitespace-separated fields (split by hand: {@code String.split} compiles a regex per call). */
    public static String[] fields(String s) {
        int n = s.length(), count = 0;
        for (int i = 0; i < n; ) {
            while (i < n && s.charAt(i) <= ' ') i++;
            if (i == n) break;
            count++;
            while (i < n && s.charAt(i) > ' ') i++;
        }
        String[] out = new String[count];
        int k = 0;
        for (int i = 0; i < n; ) {
            while (i < n && s.charAt(i) <= ' ') i++;
            if (i == n) break;
            int start = i;
            while (i < n && s.charAt(i) > ' ') i++;
            out[k++] = s.substring(start, i);
        }
        return out;
    }

    public double parseDouble(String field, String what) {
        try {
            double v = Double.parseDouble(field);
            if (!Double.isFinite(v)) throw error(what + " is not a finite number: '" + field + "'");
            return v;
        } catch (NumberFormatException e) {
            throw error(what + " is not a number: '" + field + "'");
        }
    }

    public int parseInt(String field, String what) {
        try {
            return Integer.parseInt(field);
        } catch (NumberFormatException e) {
            throw error(what + " is not an integer: '" + field + "'");
        }
    }

    public long parseLong(String field, String what) {
        try {
            return Long.parseLong(field);
        } catch (NumberFormatException e) {
            throw error(what + " is not an integer: '" + field + "'");
        }
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
