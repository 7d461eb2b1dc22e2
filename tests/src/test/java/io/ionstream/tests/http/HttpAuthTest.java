package io.ionstream.tests.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ionstream.server.grpc.IonstreamServer;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With a bearer token configured (the same setting as gRPC's), the API and the metrics answer
 * 401 problem documents saying what is missing or wrong, and serve requests that carry the
 * token; health checks and the monitor's own files stay open.
 */
class HttpAuthTest {
    @TempDir Path dir;

    @Test
    void theTokenGuardsTheApiAndTheMetrics() throws Exception {
        try (IonstreamServer server = HttpFixtures.start(dir.resolve("data"), "auth.token=\"s3cret\"")) {
            for (String path : new String[] {"/api/v1/jobs", "/api/v1/jobs/no-such-job/events", "/api/v1/potentials", "/metrics"}) {
                var r = HttpFixtures.get(server, path);
                Problems.assertProblem(r, 401, "UNAUTHENTICATED", "bearer token");
                assertEquals("Bearer realm=\"ionstream\"", r.headers().firstValue("WWW-Authenticate").orElse(""), path);
                Problems.assertProblem(HttpFixtures.get(server, path, "Authorization", "Basic czNjcmV0"), 401, "UNAUTHENTICATED", "'Bearer <token>'");
                Problems.assertProblem(HttpFixtures.get(server, path, "Authorization", "Bearer s3cre"), 401, "UNAUTHENTICATED", "invalid bearer token");
            }
            assertEquals(200, HttpFixtures.get(server, "/api/v1/jobs", "Authorization", "Bearer s3cret").statusCode());
            assertEquals(200, HttpFixtures.get(server, "/api/v1/jobs", "Authorization", "bearer  s3cret ").statusCode());
            assertEquals(200, HttpFixtures.get(server, "/metrics", "Authorization", "Bearer s3cret").statusCode());
            // authentication comes first: an unknown job is 404 only for those who may ask
            Problems.assertProblem(HttpFixtures.get(server, "/api/v1/jobs/no-such-job", "Authorization", "Bearer s3cret"), 404, "NOT_FOUND",
                "no-such-job");
            for (String open : new String[] {"/health", "/ready", "/", "/monitor/monitor.js"}) {
                assertEquals(200, HttpFixtures.get(server, open).statusCode(), open + " needs no token");
            }
        }
    }
}
