package io.ionstream.tests.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;

/** Checks of RFC 7807 problem documents. */
final class Problems {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Problems() {}

    /** The response is a problem+json with this status and gRPC code whose detail mentions {@code detailContains}. */
    static JsonNode assertProblem(HttpResponse<String> r, int status, String code, String detailContains) throws Exception {
        String where = r.request().method() + " " + r.request().uri() + " -> " + r.statusCode() + " " + r.body();
        assertEquals(status, r.statusCode(), where);
        assertEquals("application/problem+json", r.headers().firstValue("Content-Type").orElse(""), where);
        JsonNode p = JSON.readTree(r.body());
        assertEquals(status, p.path("status").asInt(), where);
        assertEquals("about:blank", p.path("type").asText(), where);
        assertTrue(!p.path("title").asText().isEmpty(), where);
        assertEquals(code, p.path("code").asText(), where);
        assertTrue(p.path("detail").asText().contains(detailContains), "detail should mention '" + detailContains + "': " + where);
        return p;
    }
}
