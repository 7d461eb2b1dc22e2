package io.ionstream.server.http.metrics;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** HTTP requests answered, by handler (a small fixed set: api, events, monitor, metrics, health), method and status. */
public final class RequestCounter {
    private record Key(String handler, String method, int status) {}

    private final ConcurrentHashMap<Key, LongAdder> counts = new ConcurrentHashMap<>();

    public void count(String handler, String method, int status) {
        counts.computeIfAbsent(new Key(handler, method, status), k -> new LongAdder()).increment();
    }

    /** The handler label of a request path. */
    public static String handler(String path) {
        if (path.startsWith("/api/")) return path.endsWith("/events") ? "events" : "api";
        if (path.equals("/metrics")) return "metrics";
        if (path.equals("/health") || path.equals("/ready")) return "health";
        return "monitor";
    }

    void write(PrometheusText m) {
        m.family("ionstream_http_requests_total", PrometheusText.Type.COUNTER, "HTTP requests answered by handler, method and status code.");
        Map<String, Long> sorted = new TreeMap<>();
        Map<String, Key> keys = new TreeMap<>();
        counts.forEach((k, v) -> {
            String s = k.handler + " " + k.method + " " + k.status;
            sorted.put(s, v.sum());
            keys.put(s, k);
        });
        sorted.forEach((s, n) -> {
            Key k = keys.get(s);
            m.sample(n, "handler", k.handler, "method", k.method, "code", Integer.toString(k.status));
        });
    }
}
