package io.ionstream.tests.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ionstream.client.IonstreamClient;
import io.ionstream.client.Watch;
import io.ionstream.client.WatchListener;
import io.ionstream.proto.v1.ArrheniusParameters;
import io.ionstream.proto.v1.CampaignFe;
import io.ionstream.proto.v1.CampaignJob;
import io.ionstream.proto.v1.CampaignResults;
import io.ionstream.proto.v1.FeModelChoice;
import io.ionstream.proto.v1.FePoint;
import io.ionstream.proto.v1.GivenComponent;
import io.ionstream.proto.v1.Job;
import io.ionstream.proto.v1.JobState;
import io.ionstream.proto.v1.ObservableSchema;
import io.ionstream.proto.v1.Sample;
import io.ionstream.server.grpc.IonstreamServer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server stopped in the FE stage of a campaign (the FE half alone, from given laws) and started
 * again continues with the next FE case: the cases finished before the stop are not solved again
 * (their samples keep the production times from before the stop), every case is streamed once
 * under consecutive sequence numbers, and the results hold every case once.
 */
class CampaignFeRestartTest {
    @TempDir Path dir;

    private static final double[] GRAIN_SIZES = {20, 40, 80, 160};
    private static final double[] TEMPERATURES = {300, 350, 400, 450};

    private static GivenComponent law(String name, double d0, double ea) {
        return GivenComponent.newBuilder().setName(name).setArrhenius(ArrheniusParameters.newBuilder().setD0Cm2S(d0).setEaEv(ea)).build();
    }

    @Test
    void restartInTheFeStageContinuesWithTheNextCase() throws Exception {
        CampaignFe.Builder fe = CampaignFe.newBuilder().setModel(FeModelChoice.FE_MODEL_RESOLVED).setGbWidthNm(2.0).setBulk("bulk")
            .setGbParallel("gb_par").setGbPerpendicular("gb_perp").setGrains(8).setGrid(32).setThreads(1);
        for (double d : GRAIN_SIZES) fe.addGrainSizesNm(d);
        for (double t : TEMPERATURES) fe.addTemperaturesK(t);
        CampaignJob c = CampaignJob.newBuilder().addGiven(law("bulk", 1e-3, 0.30)).addGiven(law("gb_par", 1e-3, 0.20))
            .addGiven(law("gb_perp", 1e-4, 0.35)).setFe(fe).build();
        int cases = GRAIN_SIZES.length * TEMPERATURES.length;

        Path data = dir.resolve("data");
        String id;
        Sample first;
        try (IonstreamServer server = TestServers.start(data);
             IonstreamClient client = TestServers.client(server)) {
            id = client.submitCampaign("fe restart", c).getJobId();
            CompletableFuture<Sample> firstCase = new CompletableFuture<>();
            try (Watch w = client.watch(id, new WatchListener() {
                @Override public void sample(Sample s, long dropped) {
                    if (s.getObservables(0).getName().equals("d_macro")) firstCase.complete(s);
                }
            })) {
                first = firstCase.get(120, TimeUnit.SECONDS);
            }
        }

        Instant restart = Instant.now();
        long restartNanos = restart.getEpochSecond() * 1_000_000_000L + restart.getNano();
        try (IonstreamServer server = TestServers.start(data);
             IonstreamClient client = TestServers.client(server)) {
            Campaigns.Watched w = Campaigns.watch(client, id, Duration.ofMinutes(3));
            Job done = w.job();
            assertEquals(JobState.COMPLETED, done.getState(), done.getMessage());
            assertEquals(1, done.getRestarts());

            for (int k = 0; k < w.samples().size(); k++) assertEquals(k, w.samples().get(k).getSequence(), "one stream, no gap or repeat");
            List<Sample> dMacro = w.named("d_macro");
            assertEquals(cases, dMacro.size(), "every FE case streamed once");
            Set<String> keys = dMacro.stream().map(s -> s.getObservables(0).getValues(0) + "/" + s.getObservables(0).getValues(1))
                .collect(Collectors.toSet());
            assertEquals(cases, keys.size(), "no case twice: " + keys);

            // the stop fell in the FE stage: the case seen before it was produced before it, and is the same sample now
            Sample again = w.samples().get((int) first.getSequence());
            assertEquals(first, again, "the case finished before the stop is kept as it was, not solved again");
            assertTrue(first.getProducedUnixNanos() < restartNanos);
            long before = dMacro.stream().filter(s -> s.getProducedUnixNanos() < restartNanos).count();
            long after = dMacro.stream().filter(s -> s.getProducedUnixNanos() >= restartNanos).count();
            assertTrue(before >= 1 && after >= 1, "stopped mid-FE: " + before + " cases before the restart, " + after + " after");
            // cases are solved in order: everything produced after the restart follows everything before
            for (int k = 0; k < dMacro.size(); k++) {
                assertEquals(k >= before, dMacro.get(k).getProducedUnixNanos() >= restartNanos, "case " + k + " in order");
            }

            CampaignResults r = client.campaignResults(id);
            assertEquals(cases, r.getFeCount());
            Set<String> points = r.getFeList().stream().map(p -> p.getGrainSizeNm() + "/" + p.getTemperatureK()).collect(Collectors.toSet());
            assertEquals(cases, points.size());
            int value = dMacroIndex(done, "D_macro_cm2_s");
            for (int k = 0; k < cases; k++) {
                FePoint p = r.getFe(k);
                assertEquals(p.getDMacroCm2S(), dMacro.get(k).getObservables(0).getValues(value), "the streamed D_macro is the result's, case " + k);
            }
        }
    }

    /** The index of a value in the d_macro samples, from the schema the campaign's record declares. */
    private static int dMacroIndex(Job j, String value) {
        ObservableSchema schema = j.getObservablesList().stream().filter(o -> o.getName().equals("d_macro")).findFirst().orElseThrow();
        int i = schema.getValueNamesList().indexOf(value);
        assertTrue(i >= 0, "d_macro has " + value + ": " + schema.getValueNamesList());
        return i;
    }
}
