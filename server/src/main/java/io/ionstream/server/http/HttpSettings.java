package io.ionstream.server.http;

import com.typesafe.config.Config;
import java.time.Duration;

/**
 * The settings of the HTTP front end, read from {@code ionstream.http} (see {@code reference.conf});
 * the bearer token and TLS material are the gRPC server's ({@code ionstream.auth},
 * {@code ionstream.tls}).
 *
 * @param enabled          false: no HTTP server at all
 * @param host             address to listen on
 * @param port             port (0: a free one)
 * @param maxEventStreams  Server-Sent Event streams open at once (more get 429)
 * @param eventBatch       events an event stream prepares ahead of its client: its whole buffer
 * @param eventLinger      how long an event stream waits after new samples before sending, so that
 *                         samples close together go out in one write (0: at once)
 * @param maxPage          most samples one page of {@code /samples} may hold
 * @param keepAlive        interval of the comment lines that keep idle event streams open
 */
public record HttpSettings(boolean enabled, String host, int port, int maxEventStreams, int eventBatch, Duration eventLinger,
                           int maxPage, Duration keepAlive) {
    public HttpSettings {
        if (port < 0 || port > 65535) throw new IllegalArgumentException("ionstream.http.port must be 0..65535, got " + port);
        if (maxEventStreams < 1) throw new IllegalArgumentException("ionstream.http.max-event-streams must be >= 1, got " + maxEventStreams);
        if (eventBatch < 1) throw new IllegalArgumentException("ionstream.http.event-batch must be >= 1, got " + eventBatch);
        if (eventLinger.isNegative() || eventLinger.toMillis() > 1000) {
            throw new IllegalArgumentException("ionstream.http.event-linger must be 0..1s, got " + eventLinger);
        }
        if (maxPage < 1) throw new IllegalArgumentException("ionstream.http.max-page must be >= 1, got " + maxPage);
        if (keepAlive.isNegative() || keepAlive.isZero()) {
            throw new IllegalArgumentException("ionstream.http.keep-alive must be positive, got " + keepAlive);
        }
    }

    /**
     * Reads {@code ionstream.http} of a resolved configuration. An empty host means the gRPC host;
     * a port left at its default while the gRPC port is 0 becomes 0 too, so servers started on
     * free ports (tests, the demo) never collide on the HTTP port.
     */
    public static HttpSettings from(Config root) {
        Config c = root.getConfig("ionstream");
        Config h = c.getConfig("http");
        String host = h.getString("host").strip();
        if (host.isEmpty()) host = c.getString("grpc.host");
        int port = h.getInt("port");
        var origin = h.getValue("port").origin();
        boolean defaultPort = origin.resource() != null && origin.resource().endsWith("reference.conf");
        if (defaultPort && c.getInt("grpc.port") == 0) port = 0;
        return new HttpSettings(h.getBoolean("enabled"), host, port, h.getInt("max-event-streams"), h.getInt("event-batch"),
            h.getDuration("event-linger"), h.getInt("max-page"), h.getDuration("keep-alive"));
    }
}
