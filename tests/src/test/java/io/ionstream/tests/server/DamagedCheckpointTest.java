package io.ionstream.tests.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ionstream.actors.jobs.run.Snapshot;
import io.ionstream.actors.jobs.store.CheckpointCodec;
import io.ionstream.client.IonstreamClient;
import io.ionstream.client.WatchListener;
import io.ionstream.proto.v1.Decomposition;
import io.ionstream.proto.v1.Job;
import io.ionstream.proto.v1.JobSpec;
import io.ionstream.proto.v1.JobState;
import io.ionstream.proto.v1.ObservableRequest;
import io.ionstream.proto.v1.Sample;
import io.ionstream.server.grpc.IonstreamServer;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A decomposed job (2 subdomains on the actor layer) whose newest checkpoint is damaged while the
 * server is down: the next start detects it by its checksum, resumes from the previous checkpoint
 * (cutting the observable log back to it), and the job ends with bit for bit the samples and
 * final structure of the same job run without interruption.
 */
class DamagedCheckpointTest {
    @TempDir Path dir;

    /** Long enough after the third checkpoint that the job cannot end while the first server stops, even on a loaded machine. */
    private static final long NVT = 600, NVE = 5400;

    private static JobSpec job(String name) {
        return JobSpec.newBuilder().setName(name).setMd(TestServers.argon(4).setProtocol(TestServers.nvtThenNve(NVT, NVE))
            .addObservables(ObservableRequest.newBuilder().setName("thermo").setEvery(20))
            .addObservables(ObservableRequest.newBuilder().setName("msd").setEvery(20).setStage("nve"))
            .setCheckpointEvery(100).setDecomposition(Decomposition.newBuilder().setSubdomains(2))).build();
    }

    private static List<Sample> watchToEnd(IonstreamClient client, String id, Job[] end) throws Exception {
        List<Sample> seen = new ArrayList<>();
        end[0] = client.watch(id, new WatchListener() {
            @Override public void sample(Sample s, long dropped) {
                synchronized (seen) {
                    seen.add(s);
                }
            }
        }).await(Duration.ofSeconds(180));
        return seen;
    }

    @Test
    void aDamagedNewestCheckpointFallsBackToThePreviousOne() throws Exception {
        Path data = dir.resolve("data");
        String id;
        try (IonstreamServer first = TestServers.start(data); IonstreamClient client = TestServers.client(first)) {
            Job j = client.submit(job("damaged"));
            id = j.getJobId();
            assertTrue(j.getRunner().startsWith("actors: 2 subdomains"), j.getRunner());
            long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            while (client.job(id).getCheckpointStep() < 300) {
                assertTrue(System.nanoTime() < deadline, "no third checkpoint in time");
                Thread.sleep(10);
            }
        } // a graceful stop leaves the job RUNNING with its checkpoints
        Path jobDir = data.resolve("jobs").resolve(id);
        Path latest = jobDir.resolve("checkpoint.ckpt");
        Snapshot newest = CheckpointCodec.decode(Files.readAllBytes(latest), "latest");
        Snapshot previous = CheckpointCodec.decode(Files.readAllBytes(jobDir.resolve("checkpoint.previous.ckpt")), "previous");
        assertTrue(previous.step() < newest.step() && newest.step() < NVT + NVE, previous.step() + " < " + newest.step());
        byte[] bytes = Files.readAllBytes(latest);
        bytes[bytes.length / 3] ^= 0x01;
        Files.write(latest, bytes);

        Job[] end = new Job[1];
        List<Sample> resumed;
        String finalData;
        try (IonstreamServer second = TestServers.start(data); IonstreamClient client = TestServers.client(second)) {
            Job j = client.job(id);
            assertEquals(1, j.getRestarts());
            assertTrue(j.getMessage().contains("resumed from the checkpoint at step " + previous.step())
                && j.getMessage().contains("checksum"), j.getMessage());
            resumed = watchToEnd(client, id, end);
            assertEquals(JobState.COMPLETED, end[0].getState(), end[0].getMessage());
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            client.fetchFile(id, "final.data", out);
            finalData = out.toString();
        }

        try (IonstreamServer reference = TestServers.start(dir.resolve("reference")); IonstreamClient client = TestServers.client(reference)) {
            Job j = client.submit(job("reference"));
            List<Sample> ref = watchToEnd(client, j.getJobId(), end);
            assertEquals((NVT + NVE) / 20 + 1, ref.size(), "a sample every 20 steps and at step 0");
            assertEquals(ref.size(), resumed.size(), "every sample once");
            for (int k = 0; k < ref.size(); k++) {
                assertEquals(k, resumed.get(k).getSequence());
                assertEquals(ref.get(k).getObservablesList(), resumed.get(k).getObservablesList(), "sample " + k + " bit for bit");
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            client.fetchFile(j.getJobId(), "final.data", out);
            assertEquals(out.toString(), finalData, "the final structure bit for bit");
        }
    }
}
