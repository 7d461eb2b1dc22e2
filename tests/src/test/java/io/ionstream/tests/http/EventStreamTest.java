package io.ionstream.tests.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.ionstream.actors.stream.StreamLog;
import io.ionstream.proto.v1.Job;
import io.ionstream.proto.v1.JobState;
import io.ionstream.proto.v1.Sample;
import io.ionstream.server.grpc.IonstreamServer;
import io.ionstream.server.http.sse.EventStreams;
import com.google.protobuf.util.JsonFormat;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Server-Sent Events over real sockets: a client that disconnects and comes back with
 * {@code Last-Event-ID} gets every sample exactly once; an ended stream answers 204; LATEST mode
 * accounts for every skipped sample; a client that stops reading neither holds up the job nor
 * makes the server prepare its events (they wait in the job's log) and still gets every sample
 * in order once it reads again; too many streams get 429.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EventStreamTest {
    private static final Duration LIVENESS = Duration.ofSeconds(90);
    private static final int MAX_STREAMS = 4;

    private IonstreamServer server;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        // a small send buffer makes a stalled client's backlog show at once (Linux would otherwise buffer megabytes)
        server = HttpFixtures.start(dir.resolve("data"), "http.max-event-streams=" + MAX_STREAMS,
            "pekko.http.server.socket-options.so-send-buffer-size=16k", "limits.max-running-jobs=1");
    }

    @AfterAll
    void stop() {
        if (server != null) server.close();
    }

    @Test
    void reconnectWithLastEventIdResumesWithoutGapsOrRepeats() throws Exception {
        String id = server.service().submit(HttpFixtures.argonJob("resume", 4, 1500, 1500, 3)).getJobId();
        List<Long> seen = new ArrayList<>();
        List<Sample> samples = new ArrayList<>();
        // first connection: take 150 samples, then hang up (mid-run on most machines)
        try (SseReader in = open(id, "from=0")) {
            SseReader.Event first = in.next();
            assertEquals("job", first.type());
            assertEquals(2000, first.retry(), "the first event tells EventSource how long to wait before reconnecting");
            assertNull(first.id(), "job events carry no id, so Last-Event-ID stays the last sample's");
            while (seen.size() < 150) {
                SseReader.Event e = in.next();
                assertNotNull(e, "the stream ended after " + seen.size() + " samples");
                if (e.type().equals("sample")) record(e, seen, samples);
            }
        }
        // second connection: the URL still says from=0 (as an EventSource repeats it); Last-Event-ID wins
        String last = null;
        try (SseReader in = open(id, "from=0", "Last-Event-ID", Long.toString(seen.get(seen.size() - 1)))) {
            for (SseReader.Event e = in.next(); e != null; e = in.next()) {
                if (e.type().equals("sample")) record(e, seen, samples);
                if (e.type().equals("end")) {
                    Job end = parseJob(e.data());
                    assertEquals(JobState.COMPLETED, end.getState(), end.getMessage());
                    last = e.type();
                    break;
                }
            }
        }
        assertEquals("end", last, "the stream ends with an end event");
        StreamLog<Sample> log = server.service().jobs().entry(id).streams().samples();
        assertEquals(log.count(), seen.size(), "every sample exactly once");
        for (int k = 0; k < seen.size(); k++) {
            assertEquals(k, seen.get(k), "sequence " + k);
            assertEquals(log.get(k), samples.get(k), "sample " + k + " as the job recorded it");
        }
        // a third reconnection has nothing left: 204 tells an EventSource to stop
        HttpResponse<String> r = HttpFixtures.get(server, "/api/v1/jobs/" + id + "/events", "Last-Event-ID", Long.toString(log.count() - 1));
        assertEquals(204, r.statusCode());
        // from= alone starts where it says
        try (SseReader in = open(id, "from=" + (log.count() - 3))) {
            in.next();
            assertEquals(Long.toString(log.count() - 3), in.next().id());
        }
    }

    @Test
    void latestModeCountsEverySkippedSample() throws Exception {
        String id = runToEnd(HttpFixtures.argonJob("latest", 3, 100, 100, 5));
        long count = server.service().jobs().entry(id).streams().samples().count();
        try (SseReader in = open(id, "from=0&mode=latest")) {
            assertEquals("job", in.next().type());
            SseReader.Event dropped = in.next();
            assertEquals("dropped", dropped.type(), "an ended job's newest sample comes first, after the count of those skipped");
            assertTrue(dropped.data().contains("\"dropped\":" + (count - 1)), dropped.data());
            SseReader.Event s = in.next();
            assertEquals("sample", s.type());
            assertEquals(Long.toString(count - 1), s.id());
            assertEquals("end", in.next().type());
        }
        assertTrue(HttpFixtures.http(server).eventStreams().samplesDropped() >= count - 1);
    }

    @Test
    void aStalledClientDoesNotHoldUpTheJobAndGetsEverySampleLater() throws Exception {
        // a sample at every step: far more events than the socket buffers hold
        Job job = server.service().submit(HttpFixtures.argonJob("stalled client", 3, 3000, 3000, 1));
        String id = job.getJobId();
        try (Socket socket = new Socket()) {
            socket.setReceiveBufferSize(4096);
            socket.connect(new InetSocketAddress("127.0.0.1", HttpFixtures.http(server).port()), 10_000);
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET /api/v1/jobs/" + id + "/events?from=0 HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String status = headers(in);
            assertTrue(status.startsWith("HTTP/1.1 200"), status);
            // now read nothing: the job must still run to its end
            Job end = awaitEnd(id);
            assertEquals(JobState.COMPLETED, end.getState(), end.getMessage());
            long published = server.service().jobs().entry(id).streams().samples().count();
            assertEquals(6001, published);
            long lag = HttpFixtures.http(server).eventStreams().largestLagByJob(j -> published).getOrDefault(id, 0L);
            // the socket buffers hold about 150 events (16 KiB send buffer); the rest was never prepared
            assertTrue(lag > published / 2, "the server went ahead of a client that reads nothing: only " + lag + " of " + published
                + " samples are still unsent");
            // reading again, the client gets every sample in order, from the job's log
            SseReader sse = new SseReader(new ChunkedInputStream(in));
            long next = 0;
            for (SseReader.Event e = sse.next(); e != null; e = sse.next()) {
                if (e.type().equals("sample")) {
                    assertEquals(Long.toString(next), e.id(), "no gap and no repeat");
                    next++;
                }
                if (e.type().equals("end")) break;
            }
            assertEquals(published, next);
        }
    }

    @Test
    void tooManyStreamsAreRefusedWith429() throws Exception {
        // a long job keeps its streams open
        String id = server.service().submit(HttpFixtures.argonJob("long", 3, 1_000_000, 1, 1000)).getJobId();
        EventStreams streams = HttpFixtures.http(server).eventStreams();
        List<InputStream> open = new ArrayList<>();
        try {
            while (streams.openStreams() < MAX_STREAMS) {
                HttpResponse<InputStream> r = HttpFixtures.CLIENT.send(request(id, "from=0"), HttpResponse.BodyHandlers.ofInputStream());
                assertEquals(200, r.statusCode());
                open.add(r.body());
            }
            HttpResponse<String> refused = HttpFixtures.get(server, "/api/v1/jobs/" + id + "/events");
            Problems.assertProblem(refused, 429, "RESOURCE_EXHAUSTED", "max-event-streams");
            assertEquals("5", refused.headers().firstValue("Retry-After").orElse(""));
            open.remove(0).close();
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (streams.openStreams() >= MAX_STREAMS && System.nanoTime() < deadline) Thread.sleep(20);
            HttpResponse<InputStream> again = HttpFixtures.CLIENT.send(request(id, "from=0"), HttpResponse.BodyHandlers.ofInputStream());
            assertEquals(200, again.statusCode(), "a closed stream frees its place");
            open.add(again.body());
        } finally {
            for (InputStream s : open) s.close();
            server.service().cancel(id);
        }
    }

    // ------------------------------------------------------------------------------------------

    private HttpRequest request(String id, String query, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(HttpFixtures.uri(server, "/api/v1/jobs/" + id + "/events?" + query))
            .header("Accept", "text/event-stream");
        if (headers.length > 0) b.headers(headers);
        return b.build();
    }

    private SseReader open(String id, String query, String... headers) throws Exception {
        HttpResponse<InputStream> r = HttpFixtures.CLIENT.send(request(id, query, headers), HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, r.statusCode());
        assertEquals("text/event-stream", r.headers().firstValue("Content-Type").orElse(""));
        return new SseReader(r.body());
    }

    private static void record(SseReader.Event e, List<Long> seen, List<Sample> samples) throws Exception {
        Sample.Builder b = Sample.newBuilder();
        JsonFormat.parser().merge(e.data(), b);
        assertEquals(Long.toString(b.getSequence()), e.id(), "a sample's event id is its sequence number");
        seen.add(b.getSequence());
        samples.add(b.build());
    }

    private static Job parseJob(String json) throws Exception {
        Job.Builder b = Job.newBuilder();
        JsonFormat.parser().merge(json, b);
        return b.build();
    }

    private String runToEnd(io.ionstream.proto.v1.JobSpec spec) throws Exception {
        String id = server.service().submit(spec).getJobId();
        Job end = awaitEnd(id);
        assertEquals(JobState.COMPLETED, end.getState(), end.getMessage());
        return id;
    }

    private Job awaitEnd(String id) throws InterruptedException {
        long deadline = System.nanoTime() + LIVENESS.toNanos();
        while (System.nanoTime() < deadline) {
            Job j = server.service().jobs().get(id);
            if (j.getState() != JobState.QUEUED && j.getState() != JobState.RUNNING) return j;
            Thread.sleep(50);
        }
        fail("job " + id + " did not end within " + LIVENESS.toSeconds() + " s: " + server.service().jobs().get(id));
        return null;
    }

    /** Reads the status line and headers of a raw HTTP response; returns the status line. */
    private static String headers(InputStream in) throws Exception {
        StringBuilder line = new StringBuilder();
        String status = null;
        int c;
        while ((c = in.read()) >= 0) {
            if (c == '\n') {
                String l = line.toString().strip();
                line.setLength(0);
                if (status == null) status = l;
                else if (l.isEmpty()) return status;
            } else {
                line.append((char) c);
            }
        }
        throw new AssertionError("the connection closed before the response headers ended");
    }
}
