package io.ionstream.tests.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.ionstream.client.IonstreamClient;
import io.ionstream.proto.v1.Job;
import io.ionstream.proto.v1.JobState;
import io.ionstream.server.grpc.IonstreamServer;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /metrics} parses as the Prometheus text format 0.0.4 (checked by an independent strict
 * reader) and reports what is true of the server: jobs by state, a running job's size, speed and
 * subscribers, open event streams, HTTP requests, gRPC calls, and the JVM; label values with
 * quotes, backslashes and newlines survive the escaping.
 */
class MetricsTest {
    @TempDir Path dir;

    @Test
    void theExpositionParsesAndReportsTheServer() throws Exception {
        String awkward = "metrics \"quoted\" back\\slash\nsecond line";
        try (IonstreamServer server = HttpFixtures.start(dir.resolve("data"))) {
            Job job = server.service().submit(HttpFixtures.argonJob(awkward, 3, 1_000_000, 1, 100));
            String id = job.getJobId();
            HttpResponse<InputStream> stream = HttpFixtures.CLIENT.send(HttpRequest.newBuilder(HttpFixtures.uri(server,
                "/api/v1/jobs/" + id + "/events")).build(), HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream events = stream.body()) {
                assertEquals(200, stream.statusCode());
                awaitThroughput(server, id);

                HttpResponse<String> r = HttpFixtures.get(server, "/metrics");
                assertEquals(200, r.statusCode());
                assertEquals("text/plain; version=0.0.4; charset=UTF-8", r.headers().firstValue("Content-Type").orElse(""));
                Map<String, PrometheusFormat.Family> m = PrometheusFormat.parse(r.body());
                for (PrometheusFormat.Family f : m.values()) {
                    assertNotNull(f.help, f.name + " has a HELP line");
                    assertTrue(f.typed, f.name + " has a TYPE line");
                    if (f.type.equals("counter")) assertTrue(f.name.endsWith("_total"), "counter " + f.name + " ends in _total");
                }

                for (String s : new String[] {"QUEUED", "COMPLETED", "FAILED", "CANCELLED"}) assertEquals(0, family(m, "ionstream_jobs").value("state", s), s);
                assertEquals(1, family(m, "ionstream_jobs").value("state", "RUNNING"));
                assertEquals(1, family(m, "ionstream_job_info").value("job", id, "name", awkward, "state", "RUNNING"),
                    "the job's name comes back intact through the label escaping");
                assertEquals(108, family(m, "ionstream_job_atoms").value("job", id));
                double stepsPerSecond = family(m, "ionstream_job_steps_per_second").value("job", id);
                double atomSteps = family(m, "ionstream_job_atom_steps_per_second").value("job", id);
                assertTrue(stepsPerSecond > 0, "steps/s " + stepsPerSecond);
                assertEquals(atomSteps / 108, stepsPerSecond, 1e-9 * stepsPerSecond, "steps/s is atom-steps/s per atom");
                assertTrue(family(m, "ionstream_job_step").value("job", id) > 0);
                assertEquals(1_000_001, family(m, "ionstream_job_total_steps").value("job", id));
                assertTrue(family(m, "ionstream_job_subscribers").value("job", id) >= 1, "the event stream is a subscriber");
                assertEquals(1, family(m, "ionstream_http_event_streams").value("job", id));
                assertTrue(family(m, "ionstream_stream_pending_writes").value("job", id, "stream", "samples") >= 0);
                assertTrue(family(m, "jvm_memory_used_bytes").value("area", "heap") > 0);
                assertTrue(family(m, "jvm_threads_current").value() > 0);
                assertTrue(family(m, "process_uptime_seconds").value() > 0);
                assertTrue(family(m, "jvm_gc_collections_total").samples.size() >= 1);
                double sent = family(m, "ionstream_http_event_samples_sent_total").value();

                try (IonstreamClient client = IonstreamClient.connect(server.target()).build()) {
                    assertEquals(id, client.job(id).getJobId());
                    assertThrows(RuntimeException.class, () -> client.job("job-000000000000"));
                }
                Map<String, PrometheusFormat.Family> again = PrometheusFormat.parse(HttpFixtures.get(server, "/metrics").body());
                assertEquals(1, family(again, "ionstream_grpc_calls_total").value("method", "ionstream.v1.JobService/GetJob", "code", "OK"),
                    "gRPC calls are counted by method and status");
                assertEquals(1, family(again, "ionstream_grpc_calls_total").value("method", "ionstream.v1.JobService/GetJob", "code", "NOT_FOUND"));
                assertTrue(family(again, "ionstream_http_requests_total").value("handler", "metrics", "method", "GET", "code", "200") >= 1,
                    "the first scrape is counted in the second");
                assertTrue(family(again, "ionstream_http_event_samples_sent_total").value() >= sent, "counters never go down");
            } finally {
                server.service().cancel(id);
            }
        }
    }

    @Test
    void theFormatCheckRejectsMalformedExpositions() {
        String ok = "# HELP a_total An a.\n# TYPE a_total counter\na_total{x=\"1\"} 2\n";
        assertEquals(2, PrometheusFormat.parse(ok).get("a_total").value("x", "1"));
        assertThrows(IllegalArgumentException.class, () -> PrometheusFormat.parse(ok + "# TYPE a_total gauge\n"), "a second TYPE");
        assertThrows(IllegalArgumentException.class, () -> PrometheusFormat.parse("a{x=1} 2\n"), "an unquoted label value");
        assertThrows(IllegalArgumentException.class, () -> PrometheusFormat.parse("a 1\nb 1\na{x=\"y\"} 2\n"), "a family split in two");
        assertThrows(IllegalArgumentException.class, () -> PrometheusFormat.parse("a 1\na 2\n"), "a repeated series");
        assertThrows(IllegalArgumentException.class, () -> PrometheusFormat.parse("a{x=\"\\t\"} 1\n"), "a bad escape");
        assertThrows(IllegalArgumentException.class, () -> PrometheusFormat.parse("a one\n"), "a value that is not a number");
        assertThrows(IllegalArgumentException.class, () -> PrometheusFormat.parse("a 1"), "no final newline");
    }

    private static PrometheusFormat.Family family(Map<String, PrometheusFormat.Family> m, String name) {
        PrometheusFormat.Family f = m.get(name);
        assertNotNull(f, "family " + name + " is missing; families: " + m.keySet());
        return f;
    }

    private static void awaitThroughput(IonstreamServer server, String id) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            Job j = server.service().jobs().get(id);
            if (j.getState() == JobState.RUNNING && j.getAtomStepsPerSecond() > 0 && j.getStep() > 0) return;
            Thread.sleep(50);
        }
        fail("job " + id + " did not report a throughput within 60 s: " + server.service().jobs().get(id));
    }
}
