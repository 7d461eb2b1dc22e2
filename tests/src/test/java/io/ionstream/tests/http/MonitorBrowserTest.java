package io.ionstream.tests.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.ionstream.proto.v1.Job;
import io.ionstream.proto.v1.JobSpec;
import io.ionstream.proto.v1.JobState;
import io.ionstream.proto.v1.ObservableRequest;
import io.ionstream.server.grpc.IonstreamServer;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The live monitor in a real headless Chromium, driven over the DevTools protocol: the page of a
 * running job draws charts whose point counts grow while the job runs, shows the result panel
 * when it ends, and then holds exactly one point per sample (no gap, no repeat). Screenshots go
 * to {@code target/monitor-*.png} for humans. Skipped with a message when no Chromium is installed.
 */
class MonitorBrowserTest {
    private static final Duration CALL = Duration.ofSeconds(10);
    private static final String COUNTS = "JSON.stringify(window.ionstreamMonitor ? window.ionstreamMonitor.pointCounts() : null)";

    @TempDir Path dir;

    @Test
    void chartsGrowWhileTheJobRunsAndTheResultPanelAppears() throws Exception {
        Optional<Path> binary = Chromium.find();
        Assumptions.assumeTrue(binary.isPresent(), "no Chromium found (/usr/bin/chromium, $IONSTREAM_CHROMIUM or PATH): browser test skipped");
        try (IonstreamServer server = HttpFixtures.start(dir.resolve("data"));
             Chromium browser = Chromium.launch(binary.get(), dir.resolve("profile"), 1400, 1400)) {
            DevTools dt = browser.devTools();
            // the job is submitted once the browser is up, so the page sees it run; ~500 atoms for some seconds
            JobSpec spec = HttpFixtures.argonJob("browser test", 5, 6000, 6000, 20);
            spec = spec.toBuilder().setMd(spec.getMd().toBuilder()
                .addObservables(ObservableRequest.newBuilder().setName("msd").addSpecies("Ar").setEvery(20))
                .addObservables(ObservableRequest.newBuilder().setName("cell").setEvery(100))
                .addObservables(ObservableRequest.newBuilder().setName("rdf").addSpecies("Ar").addSpecies("Ar").setEvery(500))).build();
            Job job = server.service().submit(spec);
            String id = job.getJobId();
            String page = dt.openPage(HttpFixtures.http(server).jobUrl(id), CALL);
            try {
                List<Long> seen = new ArrayList<>();
                long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                int growthWhileRunning = 0;
                long before = -1;
                // watch the charts while the job runs: counts must grow between looks taken while it is RUNNING
                while (System.nanoTime() < deadline) {
                    JobState stateBefore = server.service().jobs().get(id).getState();
                    long total = totalPoints(dt.evaluate(page, COUNTS, CALL));
                    JobState stateAfter = server.service().jobs().get(id).getState();
                    if (total >= 0) seen.add(total);
                    if (stateBefore == JobState.RUNNING && stateAfter == JobState.RUNNING && before > 0 && total > before) growthWhileRunning++;
                    if (total > 0) before = total;
                    if (growthWhileRunning == 2) screenshot(dt, page, "monitor-running.png");
                    if (stateAfter != JobState.QUEUED && stateAfter != JobState.RUNNING) break;
                    Thread.sleep(300);
                }
                assertTrue(growthWhileRunning >= 2, "the charts' point counts did not grow while the job ran; totals seen: " + seen
                    + "; page console: " + dt.console());

                waitFor(dt, page, "window.ionstreamMonitor && window.ionstreamMonitor.resultsShown()", Duration.ofSeconds(30),
                    "the result panel did not appear after the job ended");
                Job last = server.service().jobs().get(id);
                assertEquals(JobState.COMPLETED, last.getState(), last.getMessage());
                assertEquals("COMPLETED", dt.evaluate(page, "document.getElementById('results').dataset.state", CALL).asText());
                assertTrue(dt.evaluate(page, "document.getElementById('results').textContent", CALL).asText().contains("nve"),
                    "the result panel lists the stages");
                assertTrue(dt.evaluate(page, "document.getElementById('results').textContent", CALL).asText().contains("observables.csv"),
                    "the result panel offers the job's files");
                // the temperature chart holds one point per sample: the stream had no gap and no repeat
                long temperaturePoints = dt.evaluate(page,
                    "Number(document.querySelector('[data-chart=\"thermo:temperature_K\"]').dataset.points)", CALL).asLong();
                waitFor(dt, page, "Number(document.querySelector('[data-chart=\"thermo:temperature_K\"]').dataset.points) === "
                    + last.getSamples(), Duration.ofSeconds(5), "the temperature chart has " + temperaturePoints + " points for "
                    + last.getSamples() + " samples");
                // the known observables come first, in the monitor's order, then the rest
                List<String> charts = new ArrayList<>();
                dt.evaluate(page, "Array.from(document.querySelectorAll('[data-chart]')).map(c => c.dataset.chart)", CALL)
                    .forEach(n -> charts.add(n.asText()));
                assertEquals(List.of("msd:msd_total_A2,msd_x_A2,msd_y_A2,msd_z_A2", "thermo:temperature_K", "thermo:pressure_bar",
                    "thermo:etotal_eV,conserved_eV", "thermo:pe_eV", "cell:volume_A3", "cell:lx_A,ly_A,lz_A"), charts.subList(0, 7));
                assertTrue(charts.contains("rdf_Ar_Ar:g[]"), "the RDF is drawn as a profile: " + charts);
                // the MSD's log-log switch redraws the same points on log axes
                String msd = "document.querySelector('[data-chart^=\"msd:\"]')";
                String linear = dt.evaluate(page, msd + ".querySelector('path.line').getAttribute('d')", CALL).asText();
                dt.evaluate(page, msd + ".querySelector('input[type=checkbox]').click()", CALL);
                waitFor(dt, page, msd + ".querySelector('path.line').getAttribute('d') !== " + new com.fasterxml.jackson.databind.ObjectMapper()
                    .writeValueAsString(linear), Duration.ofSeconds(5), "the MSD chart did not redraw in log-log");
                screenshot(dt, page, "monitor-completed.png");
                List<String> errors = dt.console().stream().filter(l -> l.startsWith("error") || l.startsWith("exception")).toList();
                assertTrue(errors.isEmpty(), "the page reported errors: " + errors);
            } catch (AssertionError | RuntimeException e) {
                screenshot(dt, page, "monitor-failure.png");
                throw e;
            }
        }
    }

    private static long totalPoints(JsonNode countsJson) throws Exception {
        if (countsJson.isMissingNode() || countsJson.isNull()) return -1;
        JsonNode counts = new com.fasterxml.jackson.databind.ObjectMapper().readTree(countsJson.asText());
        if (counts == null || !counts.isArray()) return -1;
        long sum = 0;
        for (JsonNode c : counts) sum += c.asLong();
        return counts.isEmpty() ? -1 : sum;
    }

    private static void waitFor(DevTools dt, String page, String condition, Duration timeout, String failure) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (dt.evaluate(page, "Boolean(" + condition + ")", CALL).asBoolean()) return;
            Thread.sleep(200);
        }
        fail(failure + " within " + timeout.toSeconds() + " s; page console: " + dt.console());
    }

    /** Saves a PNG of the whole page into target/ (for humans; failures to write are not test failures). */
    private static void screenshot(DevTools dt, String page, String name) {
        try {
            JsonNode size = dt.call(page, "Page.getLayoutMetrics", Map.of(), CALL).path("cssContentSize");
            Map<String, Object> clip = Map.of("x", 0, "y", 0, "width", size.path("width").asDouble(1400),
                "height", Math.min(size.path("height").asDouble(1400), 6000), "scale", 1);
            JsonNode r = dt.call(page, "Page.captureScreenshot", Map.of("format", "png", "captureBeyondViewport", true, "clip", clip), CALL);
            Path out = Path.of("target", name);
            Files.createDirectories(out.getParent());
            Files.write(out, Base64.getDecoder().decode(r.get("data").asText()));
        } catch (Exception e) {
            System.err.println("could not save screenshot " + name + ": " + e.getMessage());
        }
    }
}
