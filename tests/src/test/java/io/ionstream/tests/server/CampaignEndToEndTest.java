package io.ionstream.tests.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.util.JsonFormat;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.ionstream.client.IonstreamClient;
import io.ionstream.client.WatchListener;
import io.ionstream.engine.analysis.diffusion.Arrhenius;
import io.ionstream.engine.analysis.diffusion.DiffusionAnalysis;
import io.ionstream.engine.analysis.trajectory.DriftReference;
import io.ionstream.engine.analysis.trajectory.Trajectory;
import io.ionstream.engine.analysis.trajectory.TrajectoryLoader;
import io.ionstream.engine.analysis.trajectory.TrajectorySource;
import io.ionstream.engine.fe.FeCase;
import io.ionstream.engine.fe.FeHomogenisation;
import io.ionstream.engine.fe.FeResult;
import io.ionstream.engine.fe.micro.PolycrystalSpec;
import io.ionstream.engine.fe.model.GbDiffusivities;
import io.ionstream.engine.fe.model.GbModel;
import io.ionstream.engine.fe.solver.SolverSettings;
import io.ionstream.engine.io.TrajectoryFrame;
import io.ionstream.engine.io.TrajectoryReader;
import io.ionstream.engine.system.Box;
import io.ionstream.engine.system.SpeciesTable;
import io.ionstream.proto.v1.CampaignResults;
import io.ionstream.proto.v1.CampaignRun;
import io.ionstream.proto.v1.ComponentFit;
import io.ionstream.proto.v1.ComponentPoint;
import io.ionstream.proto.v1.FePoint;
import io.ionstream.proto.v1.Frame;
import io.ionstream.proto.v1.FrameEvent;
import io.ionstream.proto.v1.FrameHeader;
import io.ionstream.proto.v1.Job;
import io.ionstream.proto.v1.JobResults;
import io.ionstream.proto.v1.JobState;
import io.ionstream.proto.v1.Sample;
import io.ionstream.proto.v1.StageResult;
import io.ionstream.proto.v1.WatchMode;
import io.ionstream.server.grpc.IonstreamServer;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A whole campaign over loopback gRPC: two argon liquids × two temperatures run as child MD jobs,
 * D per run, Arrhenius laws per component, FE D_macro(T) for two grain sizes × three
 * temperatures. Each stage is checked against an independent computation through the public
 * API: D from the child's frames (streamed, unwrapped and fitted here), the Arrhenius fits from
 * the runs' D, every D_macro from a direct FeHomogenisation call with the laws' D.
 */
class CampaignEndToEndTest {
    @TempDir Path dir;

    private static final double[] GRAIN_SIZES = {20, 80};
    private static final double[] FE_TEMPERATURES = {120, 135, 150};

    @Test
    void mdRunsArrheniusFitsAndFeDMacro() throws Exception {
        try (IonstreamServer server = TestServers.start(dir.resolve("data"));
             IonstreamClient client = TestServers.client(server)) {
            Job submitted = client.submitCampaign("argon campaign", Campaigns.twoByTwo(GRAIN_SIZES, FE_TEMPERATURES));
            assertTrue(submitted.getJobId().startsWith("cmp-"), submitted.getJobId());
            assertEquals(4 + 1 + 6, submitted.getTotalSteps(), "4 runs, the fits, 6 FE cases");
            Campaigns.Watched w = Campaigns.watch(client, submitted.getJobId(), Duration.ofMinutes(5));
            Job done = w.job();
            if (done.getState() != JobState.COMPLETED) {
                throw new AssertionError(done.getState() + ": " + done.getMessage() + "\n" + client.results(done.getJobId()).getCampaign());
            }
            assertEquals(done.getTotalSteps(), done.getStep());

            // the stream: 4 run samples, 6 fits, 6 D_macro, numbered without gaps
            for (int k = 0; k < w.samples().size(); k++) assertEquals(k, w.samples().get(k).getSequence());
            assertEquals(4, w.named("run").size());
            assertEquals(6, w.named("fit").size());
            assertEquals(6, w.named("d_macro").size());
            assertEquals(w.samples().size(), done.getSamples());

            // the runs are ordinary jobs with the campaign as parent
            List<Job> runs = client.runs(done.getJobId());
            assertEquals(4, runs.size());
            for (Job r : runs) {
                assertEquals(done.getJobId(), r.getParentJobId());
                assertEquals(JobState.COMPLETED, r.getState());
            }
            assertEquals(runs.stream().map(Job::getJobId).collect(Collectors.toSet()), Set.copyOf(done.getChildJobIdsList()));

            JobResults results = client.results(done.getJobId());
            CampaignResults c = results.getCampaign();
            assertEquals("done", c.getStage());
            assertEquals(4, c.getRunsCount());
            for (CampaignRun r : c.getRunsList()) {
                assertTrue(r.getTotal().getDCm2S() > 0, "D of " + r.getStructure() + " at " + r.getTemperatureK() + " K");
                assertTrue(r.getTotal().getErrorCm2S() > 0 && r.getTotal().getErrorCm2S() < r.getTotal().getDCm2S());
            }
            // the liquid at 150 K diffuses faster than at 120 K
            for (String s : List.of("a58", "a57")) assertTrue(run(c, s, 150).getTotal().getDCm2S() > run(c, s, 120).getTotal().getDCm2S(), s);

            // D of one run, from its frames streamed through the API and analysed here
            CampaignRun a58hot = run(c, "a58", 150);
            DiffusionAnalysis independent = analyse(client, a58hot.getJobId(), a58hot.getWindowStartPs(), a58hot.getWindowEndPs());
            assertEquals(independent.total().d(), a58hot.getTotal().getDCm2S(), 1e-12 * independent.total().d());
            assertEquals(independent.total().dError(), a58hot.getTotal().getErrorCm2S(), 1e-9 * independent.total().dError());
            assertEquals(independent.total().alpha(), a58hot.getTotal().getAlpha(), 1e-12);
            assertEquals(independent.parallel().d(), a58hot.getParallel().getDCm2S(), 1e-12 * independent.parallel().d());
            assertEquals(independent.perpendicular().d(), a58hot.getPerpendicular().getDCm2S(), 1e-12 * independent.perpendicular().d());

            // the Arrhenius laws: refitted here from the runs' D and errors
            Map<String, ComponentFit> fits = new HashMap<>();
            for (ComponentFit f : c.getFitsList()) fits.put(f.getComponent(), f);
            assertEquals(Set.of("a58.total", "a58.parallel", "a58.perpendicular", "a57.total", "a57.parallel", "a57.perpendicular"), fits.keySet());
            Map<String, Arrhenius> laws = new HashMap<>();
            for (ComponentFit f : c.getFitsList()) {
                String[] sq = f.getComponent().split("\\.");
                double[] t = new double[2], d = new double[2], e = new double[2];
                for (int k = 0; k < 2; k++) {
                    CampaignRun r = run(c, sq[0], Campaigns.TEMPERATURES[k]);
                    var v = switch (sq[1]) {
                        case "total" -> r.getTotal();
                        case "parallel" -> r.getParallel();
                        default -> r.getPerpendicular();
                    };
                    t[k] = r.getTemperatureK();
                    d[k] = v.getDCm2S();
                    e[k] = v.getErrorCm2S();
                    ComponentPoint p = f.getPoints(k);
                    assertEquals(r.getJobId(), p.getJobId());
                    if (!p.getUsed()) throw new AssertionError(f.getComponent() + " at " + t[k] + " K not used: " + p.getNote());
                }
                assertTrue(f.getFitted(), f.getComponent() + ": " + f.getNote());
                Arrhenius a = Arrhenius.fit(t, d, e);
                laws.put(f.getComponent(), a);
                assertEquals(a.ea(), f.getEaEv(), 1e-12 * Math.abs(a.ea()) + 1e-15, f.getComponent());
                assertEquals(a.d0(), f.getD0Cm2S(), 1e-9 * a.d0(), f.getComponent());
                assertEquals(a.eaError(), f.getEaErrorEv(), 1e-9 * a.eaError(), f.getComponent());
                assertTrue(f.getEaEv() > 0, "activation energy of " + f.getComponent() + ": " + f.getEaEv());
            }

            // D_macro: every FE point against a direct FeHomogenisation call
            assertEquals(6, c.getFeCount());
            try (FeHomogenisation fe = new FeHomogenisation(new SolverSettings(1e-6, 5000, 1))) {
                for (FePoint p : c.getFeList()) {
                    double t = p.getTemperatureK();
                    GbDiffusivities dd = new GbDiffusivities(laws.get("a58.total").at(t), laws.get("a57.parallel").at(t),
                        laws.get("a57.perpendicular").at(t));
                    assertEquals(dd.bulk(), p.getChannels(0).getDCm2S(), 1e-12 * dd.bulk());
                    assertEquals("arrhenius", p.getChannels(0).getSource());
                    assertEquals(2, p.getChannels(0).getJobIdsCount());
                    FeResult direct = fe.run(fe.polycrystal(PolycrystalSpec.random(4, 16, p.getGrainSizeNm(), 1)),
                        new FeCase(GbModel.RESOLVED, 2.0, dd, t), null);
                    assertEquals(direct.mean(), p.getDMacroCm2S(), 1e-10 * direct.mean(), "D_macro at d = " + p.getGrainSizeNm() + " nm, " + t + " K");
                    assertEquals(direct.gbFraction(), p.getFGb(), 1e-12);
                    assertTrue(p.getProvenance().getWienerLowerCm2S() <= p.getDMacroCm2S() * (1 + 1e-9)
                        && p.getDMacroCm2S() <= p.getProvenance().getWienerUpperCm2S() * (1 + 1e-9), "within the Wiener bounds");
                }
            }

            // results as files
            String csv = fetch(client, done.getJobId(), "d_macro.csv");
            assertEquals(7, csv.lines().count(), csv);
            assertTrue(csv.startsWith("grain_size_nm,temperature_K,model,D_macro_cm2_s"), csv);
            CampaignResults.Builder fromJson = CampaignResults.newBuilder();
            JsonFormat.parser().merge(fetch(client, done.getJobId(), "campaign.json"), fromJson);
            assertEquals(c, fromJson.build(), "campaign.json is the API's CampaignResults");
            assertTrue(fetch(client, done.getJobId(), "d_macro.svg").contains("<svg"));
            assertTrue(fetch(client, done.getJobId(), "arrhenius.svg").contains("<svg"));
            assertEquals(5, fetch(client, done.getJobId(), "runs.csv").lines().count());

            // the d_macro samples carry the same numbers and their provenance
            Sample s = w.named("d_macro").get(0);
            assertEquals(c.getFe(0).getDMacroCm2S(), s.getObservables(0).getValues(2));
            assertTrue(s.getLabelsMap().get("bulk").startsWith("a58.total (arrhenius; runs "), s.getLabelsMap().toString());
        }
    }

    @Test
    void cancellingACampaignCancelsItsRunsAndKeepsItsResultsSoFar() throws Exception {
        try (IonstreamServer server = TestServers.start(dir.resolve("cancel"));
             IonstreamClient client = TestServers.client(server)) {
            String id = client.submitCampaign("cancelled", Campaigns.twoByTwo(GRAIN_SIZES, FE_TEMPERATURES)).getJobId();
            CompletableFuture<Sample> first = new CompletableFuture<>();
            try (var w = client.watch(id, new WatchListener() {
                @Override public void sample(Sample s, long dropped) { first.complete(s); }
            })) {
                first.get(120, TimeUnit.SECONDS);
            }
            Job cancelled = client.cancel(id);
            assertEquals(JobState.CANCELLED, cancelled.getState());
            assertTrue(cancelled.getMessage().startsWith("cancelled by request"), cancelled.getMessage());
            // every run has ended: the one analysed completed, the others were cancelled (or had just completed)
            long deadline = System.nanoTime() + 60_000_000_000L;
            List<Job> runs;
            do {
                runs = client.runs(id);
                Thread.sleep(50);
            } while (runs.stream().anyMatch(j -> !JobStateIs.ended(j.getState())) && System.nanoTime() < deadline);
            assertTrue(runs.stream().allMatch(j -> JobStateIs.ended(j.getState())), runs.toString());
            assertTrue(runs.stream().anyMatch(j -> j.getState() == JobState.CANCELLED), "a run was stopped");
            CampaignResults r = client.campaignResults(id);
            assertEquals("md", r.getStage());
            assertTrue(r.getRunsList().stream().anyMatch(x -> x.hasTotal()), "the analysed run is in the results");
            StatusRuntimeException again = assertThrows(StatusRuntimeException.class,
                () -> client.cancel(id));
            assertEquals(Status.Code.FAILED_PRECONDITION, again.getStatus().getCode());
        }
    }

    private static CampaignRun run(CampaignResults c, String structure, double t) {
        return c.getRunsList().stream().filter(r -> r.getStructure().equals(structure) && r.getTemperatureK() == t).findFirst().orElseThrow();
    }

    private static String fetch(IonstreamClient client, String id, String name) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        client.fetchFile(id, name, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    /** The all-origin diffusion analysis of a finished run's NVE frames, read through StreamFrames. */
    private static DiffusionAnalysis analyse(IonstreamClient client, String jobId, double windowStart, double windowEnd) {
        JobResults r = client.results(jobId);
        long start = 0, end = 0;
        for (StageResult s : r.getStagesList()) {
            if (s.getName().equals("nve")) {
                end = start + s.getSteps();
                break;
            }
            start += s.getSteps();
        }
        FrameHeader header = null;
        List<Frame> frames = new ArrayList<>();
        Iterator<FrameEvent> it = client.frames(jobId, 1, 0, WatchMode.WATCH_MODE_ALL);
        while (it.hasNext()) {
            FrameEvent e = it.next();
            if (e.hasHeader()) header = e.getHeader();
            if (e.hasFrame() && e.getFrame().getStep() >= start && e.getFrame().getStep() <= end) frames.add(e.getFrame());
        }
        SpeciesTable species = SpeciesTable.of(header.getSpeciesList().toArray(String[]::new));
        int[] types = header.getTypesList().stream().mapToInt(Integer::intValue).toArray();
        long[] ids = header.getIdsList().stream().mapToLong(Long::longValue).toArray();
        Iterator<Frame> fi = frames.iterator();
        TrajectoryReader reader = new TrajectoryReader() {
            @Override public TrajectoryFrame next() {
                if (!fi.hasNext()) return null;
                Frame f = fi.next();
                var c = f.getCell();
                Box box = new Box(c.getXlo(), c.getYlo(), c.getZlo(), c.getLx(), c.getLy(), c.getLz(), c.getXy(), c.getXz(), c.getYz());
                double[] x = new double[f.getPositionsCount()];
                for (int k = 0; k < x.length; k++) x[k] = f.getPositions(k);
                // wrapped positions only: the loader unwraps them from frame to frame (an independent route to the same trajectory)
                return new TrajectoryFrame(f.getStep(), f.getTimePs(), box, species, types, ids, x, false);
            }

            @Override public void close() {}
        };
        Trajectory t = new TrajectoryLoader().drift(DriftReference.ALL_ATOMS).load(List.of(new TrajectorySource(jobId, () -> reader)));
        return DiffusionAnalysis.run(t, true, new double[] {windowStart, windowEnd});
    }
}
