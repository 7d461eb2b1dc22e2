package io.ionstream.tests.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ionstream.client.IonstreamClient;
import io.ionstream.client.WatchListener;
import io.ionstream.proto.v1.Ensemble;
import io.ionstream.proto.v1.InitialVelocities;
import io.ionstream.proto.v1.Job;
import io.ionstream.proto.v1.JobSpec;
import io.ionstream.proto.v1.JobState;
import io.ionstream.proto.v1.MdJob;
import io.ionstream.proto.v1.MdStage;
import io.ionstream.proto.v1.ObservableRequest;
import io.ionstream.proto.v1.PotentialInfo;
import io.ionstream.proto.v1.PotentialSource;
import io.ionstream.proto.v1.PresetStructure;
import io.ionstream.proto.v1.Protocol;
import io.ionstream.proto.v1.Sample;
import io.ionstream.proto.v1.Stage;
import io.ionstream.proto.v1.StageList;
import io.ionstream.proto.v1.StructureSource;
import io.ionstream.proto.v1.Thermostat;
import io.ionstream.server.grpc.IonstreamServer;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Potentials over the API: upload the trained Li MTP of the MLIP-3 example (with its active
 * set), list and describe it, refuse broken uploads, and run an MD job on bcc Li with it,
 * streaming the Li MSD.
 */
class PotentialsTest {
    @TempDir Path dir;

    private static Path shared(String rel) {
        String root = System.getProperty("ionstream.shared", "../shared");
        return Path.of(root).resolve(rel);
    }

    private static List<Sample> samples(IonstreamClient client, JobSpec spec) throws Exception {
        Job job = client.submit(spec);
        List<Sample> out = new CopyOnWriteArrayList<>();
        Job last = client.watch(job.getJobId(), new WatchListener() {
            @Override public void sample(Sample s, long d) { out.add(s); }
        }).await(Duration.ofSeconds(120));
        assertEquals(JobState.COMPLETED, last.getState(), last.getMessage());
        return out;
    }

    /** The bundled argon potential, the same lj/cut given inline, and uploaded as a .pair file run the same trajectory. */
    @Test
    void pairStylesInlineAndUploaded() throws Exception {
        String lj = "pair_style lj/cut 8.5\npair_coeff * * 0.0104 3.405\n";
        try (IonstreamServer server = TestServers.start(dir.resolve("data"));
             IonstreamClient client = TestServers.client(server)) {
            JobSpec bundled = TestServers.argonJob("bundled", 60, 10, 30);
            JobSpec inline = bundled.toBuilder().setMd(bundled.getMd().toBuilder().setPotential(PotentialSource.newBuilder()
                .setPairStyle(io.ionstream.proto.v1.PairStyle.newBuilder().setText(lj)))).build();
            Path file = Files.writeString(dir.resolve("argon.pair"), lj);
            PotentialInfo p = client.uploadPotential(file, List.of("Ar"), null);
            assertEquals("pair-style", p.getFormat());
            assertEquals(8.5, p.getCutoff(), 1e-12);
            JobSpec uploaded = bundled.toBuilder().setMd(bundled.getMd().toBuilder().setPotential(PotentialSource.newBuilder()
                .setPotentialId(p.getPotentialId()))).build();
            List<Sample> a = samples(client, bundled), b = samples(client, inline), c = samples(client, uploaded);
            assertEquals(7, a.size());
            for (int k = 0; k < a.size(); k++) {
                assertEquals(a.get(k).getObservablesList(), b.get(k).getObservablesList(), "inline pair style, sample " + k);
                assertEquals(a.get(k).getObservablesList(), c.get(k).getObservablesList(), "uploaded pair style, sample " + k);
            }
            StatusRuntimeException e = assertThrows(StatusRuntimeException.class, () -> client.submit(bundled.toBuilder().setMd(
                bundled.getMd().toBuilder().setPotential(PotentialSource.newBuilder().setPairStyle(io.ionstream.proto.v1.PairStyle.newBuilder()
                    .setText("pair_style lj/cut 8.5\npair_coeff * * 0.0104\n")))).build()));
            assertEquals(Status.Code.INVALID_ARGUMENT, e.getStatus().getCode());
            assertTrue(e.getStatus().getDescription().contains("pair_style:2: lj/cut pair_coeff takes"), e.getStatus().getDescription());
        }
    }

    @Test
    void uploadDescribeAndRunAnMtp() throws Exception {
        Path almtp = shared("mtp-reference/mlip3_Li_example/pot.almtp");
        try (IonstreamServer server = TestServers.start(dir.resolve("data"));
             IonstreamClient client = TestServers.client(server)) {
            PotentialInfo p = client.uploadPotential(almtp, List.of("Li"), "Li example");
            assertEquals("mtp", p.getFormat());
            assertEquals(List.of("Li"), p.getSpeciesList());
            assertTrue(p.getCutoff() > 4 && p.getCutoff() < 6, "cut-off " + p.getCutoff());
            assertTrue(p.getDetailsOrThrow("active_set").startsWith("yes"), p.toString());
            assertEquals(p, client.describePotential(p.getPotentialId()));
            List<String> listed = client.potentials().stream().map(PotentialInfo::getPotentialId).toList();
            assertTrue(listed.contains("lj-argon") && listed.contains(p.getPotentialId()), listed.toString());

            StatusRuntimeException e = assertThrows(StatusRuntimeException.class, () -> client.uploadPotential(almtp, List.of(), null));
            assertEquals(Status.Code.INVALID_ARGUMENT, e.getStatus().getCode());
            assertTrue(e.getStatus().getDescription().contains("name them"), e.getStatus().getDescription());
            e = assertThrows(StatusRuntimeException.class, () -> client.uploadPotential(almtp, List.of("Li", "S"), null));
            assertTrue(e.getStatus().getDescription().contains("describes 1 species but 2"), e.getStatus().getDescription());
            Path garbage = Files.writeString(dir.resolve("garbage.mtp"), "MTP\nversion = 1.1.0\nspecies_count = banana\n");
            e = assertThrows(StatusRuntimeException.class, () -> client.uploadPotential(garbage, List.of("Li"), null));
            assertEquals(Status.Code.INVALID_ARGUMENT, e.getStatus().getCode());
            assertTrue(e.getStatus().getDescription().contains("garbage.mtp"), e.getStatus().getDescription());
            Path other = Files.writeString(dir.resolve("pot.xyz"), "hello");
            e = assertThrows(StatusRuntimeException.class, () -> client.uploadPotential(other, List.of("Li"), null));
            assertEquals(Status.Code.INVALID_ARGUMENT, e.getStatus().getCode());

            // 54 Li atoms in bcc, NVT at 300 K with the uploaded MTP; the job keeps its own copy of the file
            MdJob md = MdJob.newBuilder()
                .setStructure(StructureSource.newBuilder().setPreset(PresetStructure.newBuilder().setName("li-bcc")
                    .addSupercell(3).addSupercell(3).addSupercell(3)))
                .setPotential(PotentialSource.newBuilder().setPotentialId(p.getPotentialId()))
                .setProtocol(Protocol.newBuilder().setTimestepPs(0.001).setStages(StageList.newBuilder()
                    .addStages(Stage.newBuilder().setVelocities(InitialVelocities.newBuilder().setTemperatureK(300)))
                    .addStages(Stage.newBuilder().setName("nvt").setMd(MdStage.newBuilder().setEnsemble(Ensemble.NVT).setSteps(40)
                        .setThermostat(Thermostat.newBuilder().setTemperatureK(300))))))
                .addObservables(ObservableRequest.newBuilder().setName("thermo").setEvery(10))
                .addObservables(ObservableRequest.newBuilder().setName("msd").setEvery(10))
                .setSeed(3).build();
            Job job = client.submit(JobSpec.newBuilder().setName("li mtp").setMd(md).build());
            assertEquals(54, job.getAtoms());
            List<Sample> samples = new CopyOnWriteArrayList<>();
            Job last = client.watch(job.getJobId(), new WatchListener() {
                @Override public void sample(Sample s, long d) { samples.add(s); }
            }).await(Duration.ofSeconds(120));
            assertEquals(JobState.COMPLETED, last.getState(), last.getMessage());
            assertEquals(5, samples.size());
            Sample end = samples.get(4);
            assertEquals("msd", end.getObservables(1).getName());
            assertEquals(0.0, samples.get(0).getObservables(1).getValues(3), "MSD starts at zero");
            assertTrue(end.getObservables(1).getValues(3) > 0, "Li atoms moved: " + end);
            assertTrue(Files.isDirectory(server.service().dataDir().resolve("jobs").resolve(job.getJobId()).resolve("potential")));
        }
    }
}
