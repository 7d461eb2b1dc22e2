package io.ionstream.tests.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ionstream.client.IonstreamClient;
import io.ionstream.client.Watch;
import io.ionstream.client.WatchListener;
import io.ionstream.proto.v1.CampaignResults;
import io.ionstream.proto.v1.CampaignRun;
import io.ionstream.proto.v1.Job;
import io.ionstream.proto.v1.JobState;
import io.ionstream.proto.v1.Sample;
import io.ionstream.server.grpc.IonstreamServer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server stopped in the middle of a campaign (one run analysed, the next running) and started
 * again on the same data directory continues the campaign: runs that had finished are neither
 * run nor analysed again (same job ids, same end times, one run sample each), the interrupted run
 * resumes from its checkpoint, no run is submitted twice, and the campaign completes.
 */
class CampaignRestartTest {
    @TempDir Path dir;

    @Test
    void restartedServerContinuesTheCampaignWithoutRedoingFinishedRuns() throws Exception {
        Path data = dir.resolve("data");
        String id;
        List<Job> before;
        CampaignRun firstAnalysed;
        try (IonstreamServer server = TestServers.start(data);
             IonstreamClient client = TestServers.client(server)) {
            id = client.submitCampaign("restart", Campaigns.twoByTwo(new double[] {20}, new double[] {120, 150})).getJobId();
            CompletableFuture<Sample> firstRun = new CompletableFuture<>();
            try (Watch w = client.watch(id, new WatchListener() {
                @Override public void sample(Sample s, long dropped) {
                    if (s.getObservables(0).getName().equals("run")) firstRun.complete(s);
                }
            })) {
                Sample s = firstRun.get(120, TimeUnit.SECONDS);
                before = client.runs(id);
                firstAnalysed = CampaignRun.newBuilder().setJobId(s.getLabelsMap().get("job_id")).setTemperatureK(s.getObservables(0).getValues(0))
                    .setStructure(s.getLabelsMap().get("structure")).build();
            }
        }
        assertTrue(before.size() < 4 || before.stream().anyMatch(j -> j.getState() != JobState.COMPLETED),
            "stopped mid-campaign: " + before.stream().map(j -> j.getName() + " " + j.getState()).toList());
        Map<String, Job> finishedBefore = new HashMap<>();
        for (Job j : before) if (j.getState() == JobState.COMPLETED) finishedBefore.put(j.getJobId(), j);
        assertTrue(finishedBefore.containsKey(firstAnalysed.getJobId()), "the analysed run had completed");

        Instant restart = Instant.now();
        try (IonstreamServer server = TestServers.start(data);
             IonstreamClient client = TestServers.client(server)) {
            Campaigns.Watched w = Campaigns.watch(client, id, Duration.ofMinutes(5));
            Job done = w.job();
            assertEquals(JobState.COMPLETED, done.getState(), done.getMessage());
            assertEquals(1, done.getRestarts());

            // every run once: four child jobs in all, the finished ones untouched
            List<Job> after = client.runs(id);
            assertEquals(4, after.size(), after.stream().map(Job::getName).toList().toString());
            assertEquals(4, after.stream().map(Job::getName).collect(Collectors.toSet()).size(), "no run submitted twice");
            Map<String, Job> byId = after.stream().collect(Collectors.toMap(Job::getJobId, j -> j));
            for (Job b : before) assertTrue(byId.containsKey(b.getJobId()), "run " + b.getName() + " kept its job");
            for (Job f : finishedBefore.values()) {
                Job now = byId.get(f.getJobId());
                assertEquals(f.getFinished(), now.getFinished(), "finished run " + f.getName() + " did not run again");
                assertEquals(0, now.getRestarts());
            }
            assertTrue(after.stream().allMatch(j -> j.getState() == JobState.COMPLETED));
            for (Job b : before) {
                // a run that was running resumed from its checkpoint, unless it had completed before the server stopped
                Job now = byId.get(b.getJobId());
                Instant finished = Instant.ofEpochSecond(now.getFinished().getSeconds(), now.getFinished().getNanos());
                if (b.getState() == JobState.RUNNING && finished.isAfter(restart)) {
                    assertEquals(1, now.getRestarts(), "the interrupted run resumed");
                }
            }

            // the campaign's stream: every sample once, one per run (the one analysed before the stop is not redone)
            for (int k = 0; k < w.samples().size(); k++) assertEquals(k, w.samples().get(k).getSequence());
            List<Sample> runs = w.named("run");
            assertEquals(4, runs.size());
            assertEquals(4, runs.stream().map(s -> s.getLabelsMap().get("job_id")).collect(Collectors.toSet()).size());
            assertEquals(firstAnalysed.getJobId(), runs.get(0).getLabelsMap().get("job_id"));

            CampaignResults r = client.campaignResults(id);
            assertEquals(Set.copyOf(byId.keySet()), r.getRunsList().stream().map(CampaignRun::getJobId).collect(Collectors.toSet()));
            assertEquals(2, r.getFeCount());
            assertEquals(Set.copyOf(done.getChildJobIdsList()), byId.keySet());
        }
    }
}
