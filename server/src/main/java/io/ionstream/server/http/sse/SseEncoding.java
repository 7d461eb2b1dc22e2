package io.ionstream.server.http.sse;

import java.nio.charset.StandardCharsets;
import org.apache.pekko.util.ByteString;

/**
 * Events in the {@code text/event-stream} format: optional {@code event:}, {@code id:} and
 * {@code retry:} fields, the data on {@code data:} lines (one per line of the data), and a blank
 * line. Events are encoded once into bytes so that a batch of them goes out as one write and a
 * sample's event can be shared by every stream.
 */
final class SseEncoding {
    /** A comment line: keeps an idle connection open through proxies, ignored by clients. */
    static final ByteString HEARTBEAT = ByteString.fromString(":\n\n", StandardCharsets.UTF_8);

    private SseEncoding() {}

    /** One event; {@code type}, {@code id} and {@code retryMs} may be null. */
    static ByteString event(String type, String id, String data, Integer retryMs) {
        StringBuilder b = new StringBuilder(data.length() + 48);
        if (type != null) b.append("event: ").append(type).append('\n');
        if (id != null) b.append("id: ").append(id).append('\n');
        if (retryMs != null) b.append("retry: ").append(retryMs).append('\n');
        int start = 0;
        while (true) {
            int nl = data.indexOf('\n', start);
            b.append("data: ").append(data, start, nl < 0 ? data.length() : nl).append('\n');
            if (nl < 0) break;
            start = nl + 1;
        }
        return ByteString.fromString(b.append('\n').toString(), StandardCharsets.UTF_8);
    }
}
