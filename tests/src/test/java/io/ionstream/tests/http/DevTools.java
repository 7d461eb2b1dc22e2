package io.ionstream.tests.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A Chrome DevTools Protocol connection to a browser over its WebSocket ({@code java.net.http}),
 * in "flat" mode: commands for a page carry the page's session id. Collects console messages and
 * uncaught exceptions of attached pages, so a failing test can say what the page complained
 * about.
 */
final class DevTools implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final List<String> console = new CopyOnWriteArrayList<>();

    private DevTools(WebSocket socket) {
        this.socket = socket;
    }

    static DevTools connect(URI browserSocket, Duration timeout) throws Exception {
        Listener listener = new Listener();
        WebSocket ws = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(timeout)
            .buildAsync(browserSocket, listener).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        DevTools d = new DevTools(ws);
        listener.owner = d;
        return d;
    }

    /** Sends a command (to a page when {@code session} is not null) and waits for its result; a protocol error throws. */
    JsonNode call(String session, String method, Map<String, ?> params, Duration timeout) throws Exception {
        int id = ids.incrementAndGet();
        ObjectNode msg = JSON.createObjectNode();
        msg.put("id", id);
        msg.put("method", method);
        msg.set("params", JSON.valueToTree(params));
        if (session != null) msg.put("sessionId", session);
        CompletableFuture<JsonNode> reply = new CompletableFuture<>();
        pending.put(id, reply);
        socket.sendText(msg.toString(), true).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        JsonNode r;
        try {
            r = reply.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new TimeoutException("DevTools did not answer " + method + " within " + timeout.toSeconds() + " s");
        } catch (ExecutionException e) {
            throw new IllegalStateException("DevTools connection failed during " + method, e.getCause());
        } finally {
            pending.remove(id);
        }
        if (r.has("error")) throw new IllegalStateException(method + " failed: " + r.get("error"));
        return r.get("result");
    }

    /** Opens a new page at {@code url} and attaches to it: its session id. */
    String openPage(String url, Duration timeout) throws Exception {
        String target = call(null, "Target.createTarget", Map.of("url", url), timeout).get("targetId").asText();
        String session = call(null, "Target.attachToTarget", Map.of("targetId", target, "flatten", true), timeout).get("sessionId").asText();
        call(session, "Runtime.enable", Map.of(), timeout);
        call(session, "Page.enable", Map.of(), timeout);
        return session;
    }

    /** Evaluates a JavaScript expression in the page and returns its value (JSON); a thrown exception throws here. */
    JsonNode evaluate(String session, String expression, Duration timeout) throws Exception {
        JsonNode r = call(session, "Runtime.evaluate", Map.of("expression", expression, "returnByValue", true, "awaitPromise", true), timeout);
        if (r.has("exceptionDetails")) throw new IllegalStateException("page script failed: " + expression + " -> " + r.get("exceptionDetails"));
        return r.path("result").path("value");
    }

    /** What the pages logged to their console and the exceptions they did not catch. */
    List<String> console() { return List.copyOf(console); }

    private void received(String text) {
        JsonNode m;
        try {
            m = JSON.readTree(text);
        } catch (Exception e) {
            return;
        }
        if (m.has("id")) {
            CompletableFuture<JsonNode> f = pending.get(m.get("id").asInt());
            if (f != null) f.complete(m);
            return;
        }
        String method = m.path("method").asText();
        if (method.equals("Runtime.consoleAPICalled")) {
            StringBuilder b = new StringBuilder(m.path("params").path("type").asText()).append(':');
            for (JsonNode a : m.path("params").path("args")) b.append(' ').append(a.has("value") ? a.get("value").asText() : a.path("description").asText());
            console.add(b.toString());
        } else if (method.equals("Runtime.exceptionThrown")) {
            JsonNode d = m.path("params").path("exceptionDetails");
            console.add("exception: " + d.path("exception").path("description").asText(d.path("text").asText()));
        }
    }

    private void failed(Throwable t) {
        pending.values().forEach(f -> f.completeExceptionally(t));
    }

    @Override
    public void close() {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
        socket.abort();
    }

    /** Reassembles fragmented text messages. */
    private static final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();
        volatile DevTools owner;

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                DevTools d = owner;
                if (d != null) d.received(text);
            }
            ws.request(1);
            return null;
        }

        @Override
        public void onError(WebSocket ws, Throwable error) {
            DevTools d = owner;
            if (d != null) d.failed(error);
        }
    }
}
