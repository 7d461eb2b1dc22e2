package io.ionstream.tests.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ionstream.client.IonstreamClient;
import io.ionstream.client.WatchListener;
import io.ionstream.proto.v1.Job;
import io.ionstream.proto.v1.JobResults;
import io.ionstream.proto.v1.JobState;
import io.ionstream.proto.v1.Sample;
import io.ionstream.server.grpc.IonstreamServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Submit a job, watch every sample live over a real socket, then fetch its results and files. */
class SubmitWatchResultsTest {
    @TempDir Path dir;

    @Test
    void submitWatchResults() throws Exception {
        try (IonstreamServer server = TestServers.start(dir.resolve("data"));
             IonstreamClient client = TestServers.client(server)) {
            Job job = client.submit(TestServers.argonJob("e2e", 200, 10, 50));
            assertEquals(JobState.QUEUED, job.getState(), "a new job is queued");
            assertEquals(108, job.getAtoms());
            List<Sample> samples = new CopyOnWriteArrayList<>();
            List<Job> events = new CopyOnWriteArrayList<>();
            Job last = client.watch(job.getJobId(), new WatchListener() {
                @Override public void sample(Sample s, long dropped) { samples.add(s); }
                @Override public void job(Job j) { events.add(j); }
            }).await(Duration.ofSeconds(60));
            assertEquals(JobState.COMPLETED, last.getState(), last.getMessage());
            // step 0 and every 10th step of 200: 21 samples, numbered 0..20 without gaps
            assertEquals(21, samples.size());
            for (int k = 0; k < samples.size(); k++) {
                assertEquals(k, samples.get(k).getSequence());
                assertEquals(10L * k, samples.get(k).getStep());
            }
            assertEquals("thermo", samples.get(0).getObservables(0).getName());
            assertEquals(List.of("velocities", "nvt", "nve").subList(1, 3), List.of(samples.get(5).getStage(), samples.get(20).getStage()));
            assertEquals(JobState.COMPLETED, events.get(events.size() - 1).getState());
            assertEquals(21, last.getSamples());
            // checkpoint records written mid-run must not roll the job's stage back to an earlier one
            assertEquals("nve", last.getStage(), "the finished job names its last stage");
            assertEquals("nve", client.job(job.getJobId()).getStage());

            JobResults r = client.results(job.getJobId());
            assertEquals(3, r.getStagesCount());
            assertEquals(List.of("velocities", "nvt", "nve"), r.getStagesList().stream().map(s -> s.getName()).toList());
            assertEquals(1, r.getObservablesCount());
            // the NVE mean of the temperature equals the mean of the streamed NVE samples
            double sum = 0;
            int n = 0;
            for (Sample s : samples) {
                if (s.getStage().equals("nve")) {
                    sum += s.getObservables(0).getValues(0);
                    n++;
                }
            }
            assertEquals(n, r.getObservables(0).getSamples());
            assertEquals(sum / n, r.getObservables(0).getMean(0), 1e-9 * Math.abs(sum / n));

            Path csv = dir.resolve("observables.csv");
            client.fetchFile(job.getJobId(), "observables.csv", csv);
            List<String> lines = Files.readAllLines(csv);
            assertEquals(22, lines.size(), "header and one line per sample");
            assertTrue(lines.get(0).startsWith("sequence,step,time_ps,stage,thermo.temperature_K"), lines.get(0));
            Path data = dir.resolve("final.data");
            client.fetchFile(job.getJobId(), "final.data", data);
            List<String> atoms = new ArrayList<>(Files.readAllLines(data));
            assertTrue(atoms.stream().anyMatch(l -> l.strip().equals("108 atoms")), "the final structure has the job's atoms");
        }
    }
}
