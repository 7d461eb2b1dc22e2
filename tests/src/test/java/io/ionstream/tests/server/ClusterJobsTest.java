package io.ionstream.tests.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ionstream.actors.cluster.ClusterNode;
import io.ionstream.actors.cluster.DomainSerializer;
import io.ionstream.actors.jobs.run.DomainJobRunner;
import io.ionstream.client.IonstreamClient;
import io.ionstream.client.WatchListener;
import io.ionstream.proto.v1.Decomposition;
import io.ionstream.proto.v1.Job;
import io.ionstream.proto.v1.JobSpec;
import io.ionstream.proto.v1.JobState;
import io.ionstream.proto.v1.ObservableRequest;
import io.ionstream.proto.v1.Sample;
import io.ionstream.server.grpc.IonstreamServer;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.cluster.typed.Down;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Jobs through the job service on a 3-node cluster on loopback: two worker nodes (separate actor
 * systems with their own subdomain hosts, as {@code bin/ionstream node} starts them) and the
 * server, which joins them through {@code ionstream.cluster.seed-nodes}; every message between
 * nodes goes over Artery TCP with the binary serializer.
 *
 * <ol>
 *   <li>a job whose subdomains are spread over the three nodes gives bit for bit the samples and
 *       the final structure of the same job on one node;</li>
 *   <li>a node taken down (downed by the cluster, as after a crash) in the middle of a job: the job
 *       repeats its current segment from its last checkpoint on the two nodes that remain and
 *       completes; a client watching all along sees every sample exactly once, and the samples and
 *       final structure are those of the uninterrupted job.</li>
 * </ol>
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterJobsTest {
    @TempDir static Path dir;
    private static ClusterNode seed, worker;
    private static IonstreamServer server;
    private static IonstreamClient client;

    @BeforeAll
    static void startCluster() throws Exception {
        Config config = ConfigFactory.load();
        seed = ClusterNode.start(config, "127.0.0.1", 0, List.of());
        seed.join(seed.address());
        worker = ClusterNode.start(config, "127.0.0.1", 0, List.of(seed.address().toString()));
        server = TestServers.start(dir.resolve("data"), "cluster.seed-nodes=[\"" + seed.address() + "\"]", "runner.retry-pause=300ms");
        client = TestServers.client(server);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (placementNode().hosts().live().size() < 3) {
            if (System.nanoTime() > deadline) throw new IllegalStateException("the 3-node cluster did not form");
            Thread.sleep(20);
        }
    }

    @AfterAll
    static void stopCluster() {
        if (client != null) client.close();
        if (server != null) server.close();
        if (worker != null) worker.close();
        if (seed != null) seed.close();
    }

    private static ClusterNode placementNode() {
        return ((DomainJobRunner) server.service().runner()).placement().node();
    }

    /** 500 argon atoms, NVT then NVE, 6 subdomains on {@code nodes} nodes, thermo and MSD samples. */
    private static JobSpec job(String name, int nodes, long nvt, long nve, long checkpointEvery) {
        return JobSpec.newBuilder().setName(name).setMd(TestServers.argon(5).setProtocol(TestServers.nvtThenNve(nvt, nve))
            .addObservables(ObservableRequest.newBuilder().setName("thermo").setEvery(10))
            .addObservables(ObservableRequest.newBuilder().setName("msd").setEvery(10).setStage("nve"))
            .setCheckpointEvery(checkpointEvery).setFrameEvery(50)
            .setDecomposition(Decomposition.newBuilder().setSubdomains(6).setNodes(nodes))).build();
    }

    /** Runs a job to its end, returning every sample the watcher saw, the final record and the final structure. */
    private record Ran(Job job, List<Sample> samples, String finalData) {}

    private static Ran run(JobSpec spec, java.util.function.Consumer<Job> whileRunning) throws Exception {
        Job submitted = client.submit(spec);
        List<Sample> seen = new CopyOnWriteArrayList<>();
        var watch = client.watch(submitted.getJobId(), new WatchListener() {
            @Override public void sample(Sample s, long dropped) { seen.add(s); }
        });
        if (whileRunning != null) whileRunning.accept(submitted);
        Job end = watch.await(Duration.ofSeconds(180));
        assertEquals(JobState.COMPLETED, end.getState(), end.getMessage());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        client.fetchFile(end.getJobId(), "final.data", out);
        return new Ran(end, new ArrayList<>(seen), out.toString());
    }

    private static void assertSameRun(Ran expected, Ran got) {
        assertEquals(expected.samples().size(), got.samples().size());
        for (int k = 0; k < got.samples().size(); k++) {
            assertEquals(k, got.samples().get(k).getSequence(), "every sample once, in order");
            assertEquals(expected.samples().get(k).getStep(), got.samples().get(k).getStep());
            assertEquals(expected.samples().get(k).getObservablesList(), got.samples().get(k).getObservablesList(),
                "sample " + k + " bit for bit");
        }
        assertEquals(expected.finalData(), got.finalData(), "the final structure bit for bit");
    }

    @Test
    @Order(1)
    void aJobSpreadOverThreeNodesRunsTheOneNodeTrajectory() throws Exception {
        long before = DomainSerializer.of(worker.system()).bytesSerialized();
        Ran spread = run(job("three nodes", 3, 150, 150, 100), null);
        assertTrue(spread.job().getRunner().contains("6 subdomains on 3 cluster nodes"), spread.job().getRunner());
        assertTrue(DomainSerializer.of(worker.system()).bytesSerialized() > before, "subdomains on the worker sent halos over TCP");
        long serverBytes = DomainSerializer.of(placementNode().system()).bytesSerialized();
        Ran one = run(job("one node", 1, 150, 150, 100), null);
        assertTrue(one.job().getRunner().contains("6 subdomains on 1 node"), one.job().getRunner());
        assertEquals(serverBytes, DomainSerializer.of(placementNode().system()).bytesSerialized(),
            "within a node, messages are passed by reference: nothing was serialised");
        assertEquals(31, one.samples().size());
        assertSameRun(one, spread);
    }

    @Test
    @Order(2)
    void aJobLosingANodeResumesFromItsLastCheckpointOnTheOthers() throws Exception {
        Ran reference = run(job("reference", 1, 300, 500, 100), null);
        Ran survived = run(job("node lost", 3, 300, 500, 100), submitted -> {
            try {
                // wait for the first checkpoint and some steps past it, then down the worker as if it crashed
                long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
                Job j = client.job(submitted.getJobId());
                while (!(j.getCheckpointStep() >= 100 && j.getStep() >= 150)) {
                    assertTrue(System.nanoTime() < deadline, "the job reached no checkpoint: " + j);
                    Thread.sleep(5);
                    j = client.job(submitted.getJobId());
                }
                assertTrue(j.getState() == JobState.RUNNING && j.getStep() < 800, "taken down mid-run: " + j);
                Cluster.get(seed.system()).manager().tell(new Down(worker.address()));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        assertEquals(2, placementNode().hosts().live().size(), "the downed node is no longer used");
        assertEquals(0, survived.job().getRestarts(), "the server itself did not restart");
        assertEquals(81, survived.samples().size());
        assertSameRun(reference, survived);
    }
}
