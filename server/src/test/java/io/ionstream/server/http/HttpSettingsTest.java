package io.ionstream.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ionstream.server.config.ServerConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The HTTP settings: defaults, the host and port that follow gRPC's, explicit values, refusals. */
class HttpSettingsTest {
    private static HttpSettings load(String... overrides) {
        return HttpSettings.from(ServerConfig.load(List.of(overrides), null));
    }

    @Test
    void defaultsAndWhatFollowsGrpc() {
        HttpSettings d = load();
        assertTrue(d.enabled());
        assertEquals(50080, d.port());
        assertEquals("127.0.0.1", d.host(), "an empty http.host means the gRPC host");
        assertEquals("0.0.0.0", load("grpc.host=\"0.0.0.0\"").host());
        assertEquals(0, load("grpc.port=0").port(), "servers on free gRPC ports (tests, the demo) take a free HTTP port too");
        assertEquals(8088, load("grpc.port=0", "http.port=8088").port(), "an explicit HTTP port stays");
        assertEquals("::1", load("http.host=\"::1\"").host());
        assertFalse(load("http.enabled=false").enabled());
    }

    @Test
    void badValuesAreRefusedByName() {
        var e = assertThrows(IllegalArgumentException.class, () -> load("http.port=70000"));
        assertTrue(e.getMessage().contains("ionstream.http.port"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> load("http.max-event-streams=0"));
        assertTrue(e.getMessage().contains("max-event-streams"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> load("http.event-linger=2s"));
        assertTrue(e.getMessage().contains("event-linger"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> load("http.keep-alive=0s"));
        assertTrue(e.getMessage().contains("keep-alive"), e.getMessage());
    }
}
