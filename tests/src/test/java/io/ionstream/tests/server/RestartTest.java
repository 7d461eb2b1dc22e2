package io.ionstream.tests.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ionstream.client.IonstreamClient;
import io.ionstream.client.Watch;
import io.ionstream.proto.v1.Job;
import io.ionstream.proto.v1.JobSpec;
import io.ionstream.proto.v1.JobState;
import io.ionstream.proto.v1.ObservableRequest;
import io.ionstream.proto.v1.Sample;
import io.ionstream.server.grpc.IonstreamServer;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server killed with SIGKILL in the middle of a job and started again resumes the job from
 * its last checkpoint; a client watching all along reconnects by itself and sees every sample
 * exactly once; the resumed job ends with exactly the samples and final structure of the same
 * job run without interruption (bit for bit); a job that had completed before the crash keeps
 * its results.
 */
class RestartTest {
    @TempDir Path dir;

    private static JobSpec job(String name) {
        // 256 argon atoms, 6000 steps, checkpoints every 500, thermo and MSD every 20 steps
        return JobSpec.newBuilder().setName(name).setMd(TestServers.argon(4).setProtocol(TestServers.nvtThenNve(3000, 3000))
            .addObservables(ObservableRequest.newBuilder().setName("thermo").setEvery(20))
            .addObservables(ObservableRequest.newBuilder().setName("msd").setEvery(20).setStage("nve"))
            .setCheckpointEvery(500)).build();
    }

    @Test
    void killedServerResumesTheJobBitForBit() throws Exception {
        Path data = dir.resolve("data");
        int port = ServerProcess.freePort();
        String target = "127.0.0.1:" + port;
        List<Sample> seen = new ArrayList<>();
        CompletableFuture<Void> killNow = new CompletableFuture<>();
        Job finished;
        String done;
        Job resumed;
        try (IonstreamClient client = IonstreamClient.connect(target).retryWindow(Duration.ofSeconds(180)).build()) {
            ServerProcess first = ServerProcess.start(data, port);
            Job small = client.submit(TestServers.argonJob("finished before the crash", 40, 10, 20));
            finished = client.watch(small.getJobId(), new io.ionstream.client.WatchListener() {}).await(Duration.ofSeconds(60));
            assertEquals(JobState.COMPLETED, finished.getState());
            Job job = client.submit(job("crash"));
            Watch w = client.watch(job.getJobId(), new io.ionstream.client.WatchListener() {
                @Override public void sample(Sample s, long dropped) {
                    synchronized (seen) {
                        seen.add(s);
                    }
                    if (s.getStep() >= 1200) killNow.complete(null);
                }
            });
            killNow.get(120, TimeUnit.SECONDS);
            Job before = client.job(job.getJobId());
            first.kill();
            assertTrue(before.getState() == JobState.RUNNING && before.getStep() < 6000, "killed mid-job: " + before);
            try (ServerProcess second = ServerProcess.start(data, port)) {
                resumed = w.await(Duration.ofSeconds(180));
                assertEquals(JobState.COMPLETED, resumed.getState(), resumed.getMessage());
                assertEquals(1, resumed.getRestarts());
                assertTrue(resumed.getMessage().isEmpty() || resumed.getMessage().contains("resumed"), resumed.getMessage());
                // the job that had completed keeps its results
                assertEquals(JobState.COMPLETED, client.job(small.getJobId()).getState());
                assertEquals(5, client.results(small.getJobId()).getJob().getSamples());
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                client.fetchFile(job.getJobId(), "final.data", out);
                done = out.toString();
            }
        }
        // every sample once, in order, across the crash
        assertEquals(301, seen.size());
        for (int k = 0; k < seen.size(); k++) assertEquals(k, seen.get(k).getSequence());

        // the same job without interruption: identical samples and final structure
        try (IonstreamServer reference = TestServers.start(dir.resolve("reference"));
             IonstreamClient client = TestServers.client(reference)) {
            Job job = client.submit(job("reference"));
            List<Sample> ref = new ArrayList<>();
            client.watch(job.getJobId(), new io.ionstream.client.WatchListener() {
                @Override public void sample(Sample s, long dropped) { ref.add(s); }
            }).await(Duration.ofSeconds(120));
            assertEquals(seen.size(), ref.size());
            for (int k = 0; k < ref.size(); k++) {
                assertEquals(ref.get(k).getStep(), seen.get(k).getStep());
                assertEquals(ref.get(k).getObservablesList(), seen.get(k).getObservablesList(), "sample " + k + " is bit for bit the same");
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            client.fetchFile(job.getJobId(), "final.data", out);
            assertEquals(out.toString(), done, "the final structure is the same");
        }
    }
}
