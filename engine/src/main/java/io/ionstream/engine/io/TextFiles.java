package io.ionstream.engine.io;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Opens text files for the readers and writers, gzip-compressed when the name ends in
 * {@code .gz}. Decoding is strict UTF-8 so that a binary file fails as malformed input
 * ({@link LineReader} turns the decoding error into a {@link FormatException}).
 */
public final class TextFiles {
    private TextFiles() {}

    public static boolean isGzip(Path file) {
        Path name = file.getFileName();
        return name != null && name.toString().toLowerCase(Locale.ROOT).endsWith(".gz");
    }

    /** The file name without a trailing {@code .gz}. */
    public static String baseName(Path file) {
        Path name = file.getFileName();
        String s = name == null ? file.toString() : name.toString();
        return s.toLowerCase(Locale.ROOT).endsWith(".gz") ? s.substring(0, s.length() - 3) : s;
    }

    public static BufferedReader reader(Path file) {
        InputStream in = null;
        try {
            in = Files.newInputStream(file);
            if (isGzip(file)) in = new GZIPInputStream(in, 1 << 16);
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()), 1 << 16);
        } catch (java.util.zip.ZipException | java.io.EOFException e) {
            closeQuietly(in);
            throw new FormatException(file.toString(), 0, "not gzip data: " + e.getMessage(), e);
        } catch (IOException e) {
            closeQuietly(in);
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    public static Writer writer(Path file) {
        try {
            OutputStream out = Files.newOutputStream(file);
            if (isGzip(file)) out = new GZIPOutputStream(out, 1 << 16);
            return new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private static void closeQuietly(InputStream in) {
        if (in == null) return;
        try {
            in.close();
        } catch (IOException ignored) {
            // the original failure is the one worth reporting
        }
    }
}
