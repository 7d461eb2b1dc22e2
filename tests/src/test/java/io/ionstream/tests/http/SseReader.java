package io.ionstream.tests.http;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * Reads a text/event-stream as the HTML standard says (fields event, data, id, retry; comment
 * lines skipped; an event ends at a blank line), written for the tests independently of the
 * server's encoder.
 */
final class SseReader implements AutoCloseable {
    /** One event; {@code id} and {@code retry} are null when the event has none. */
    record Event(String type, String data, String id, Integer retry) {}

    private final BufferedReader in;
    private int comments;

    SseReader(InputStream in) {
        this.in = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    }

    /** Comment (keep-alive) lines seen so far. */
    int comments() { return comments; }

    /** The next event, or null at the end of the stream. */
    Event next() throws IOException {
        String type = null, id = null;
        Integer retry = null;
        StringBuilder data = null;
        String line;
        while ((line = in.readLine()) != null) {
            if (line.isEmpty()) {
                if (data != null) return new Event(type == null ? "message" : type, data.toString(), id, retry);
                type = null;
                id = null;
                retry = null;
                continue;
            }
            if (line.startsWith(":")) {
                comments++;
                continue;
            }
            int c = line.indexOf(':');
            String field = c < 0 ? line : line.substring(0, c);
            String value = c < 0 ? "" : line.substring(c + 1);
            if (value.startsWith(" ")) value = value.substring(1);
            switch (field) {
                case "event" -> type = value;
                case "data" -> data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
                case "id" -> id = value;
                case "retry" -> retry = Integer.valueOf(value);
                default -> { }
            }
        }
        return null;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
