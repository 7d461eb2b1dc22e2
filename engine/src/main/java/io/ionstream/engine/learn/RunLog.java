package io.ionstream.engine.learn;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.function.Consumer;

/** The log of a learning run: time-stamped lines appended to {@code log.txt} in the state folder and echoed. */
public final class RunLog implements Consumer<String> {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private final Path file;
    private final Consumer<String> echo;

    public RunLog(Path file, Consumer<String> echo) {
        this.file = file;
        this.echo = echo;
    }

    @Override
    public synchronized void accept(String line) {
        String stamped = LocalDateTime.now().format(TIME) + "  " + line;
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, stamped + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the run log " + file + ": " + e.getMessage(), e);
        }
        if (echo != null) echo.accept(stamped);
    }
}
