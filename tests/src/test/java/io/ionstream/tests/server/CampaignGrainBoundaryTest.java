package io.ionstream.tests.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ionstream.client.IonstreamClient;
import io.ionstream.engine.analysis.gb.Hart;
import io.ionstream.proto.v1.CampaignFe;
import io.ionstream.proto.v1.CampaignJob;
import io.ionstream.proto.v1.CampaignResults;
import io.ionstream.proto.v1.CampaignRun;
import io.ionstream.proto.v1.ComponentFit;
import io.ionstream.proto.v1.DiffusionValue;
import io.ionstream.proto.v1.FePoint;
import io.ionstream.proto.v1.Job;
import io.ionstream.proto.v1.JobState;
import io.ionstream.proto.v1.RegionDiffusion;
import io.ionstream.proto.v1.StructureRole;
import io.ionstream.server.grpc.IonstreamServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The grain-boundary path of a campaign with every default: a structure declared a grain
 * boundary (planes and width given, regional D in 3 Å slabs) next to a bulk structure; Hart's
 * D_GB ∥/⊥ per run against Hart's relation recomputed from the runs' D, the regions' atom counts,
 * the gb_parallel/gb_perpendicular laws, and an FE stage whose channels and GB width come from
 * the defaults (bulk total, the GB's Hart components, δ = the runs' mean width).
 */
class CampaignGrainBoundaryTest {
    @TempDir Path dir;

    @Test
    void hartDecompositionRegionsAndDefaultFeChannels() throws Exception {
        // the 3×3×3 argon cell is 17.4 Å high: planes at a quarter and three quarters
        double lz = 3 * 5.8;
        CampaignJob c = CampaignJob.newBuilder().addNamedStructures(Campaigns.argon("bulk", 5.8))
            .addNamedStructures(Campaigns.argon("gb", 5.8).toBuilder().setRole(StructureRole.STRUCTURE_ROLE_GRAIN_BOUNDARY)
                .addGbPlanesZ(lz / 4).addGbPlanesZ(3 * lz / 4).setGbWidthA(3.0).setRegionSlabA(3.0))
            .addTemperaturesK(120).addTemperaturesK(150).setTemplate(Campaigns.template())
            .setDiffusion(Campaigns.twoByTwo(new double[] {1}, new double[] {120}).getDiffusion())
            .setFe(CampaignFe.newBuilder().addGrainSizesNm(10).setGrains(4).setGrid(16).setThreads(1)).build();
        try (IonstreamServer server = TestServers.start(dir.resolve("data"));
             IonstreamClient client = TestServers.client(server)) {
            Job job = client.submitCampaign("gb", c);
            Campaigns.Watched w = Campaigns.watch(client, job.getJobId(), Duration.ofMinutes(5));
            assertEquals(JobState.COMPLETED, w.job().getState(), w.job().getMessage());
            assertEquals(2, w.named("hart").size());
            CampaignResults r = client.campaignResults(job.getJobId());
            for (double t : new double[] {120, 150}) {
                CampaignRun gb = run(r, "gb", t), bulk = run(r, "bulk", t);
                assertEquals(bulk.getJobId(), gb.getBulkJobId());
                assertEquals(3.0, gb.getGbWidthA());
                assertEquals(lz / 2, gb.getGbSpacingA(), 1e-9);
                assertEquals(3.0 / (lz / 2), gb.getTau(), 1e-12);
                check(gb.getParallel(), bulk.getTotal(), gb.getGbParallel(), lz / 2);
                check(gb.getPerpendicular(), bulk.getTotal(), gb.getGbPerpendicular(), lz / 2);
                assertEquals(List.of("GB", "Near_GB", "Far_GB", "Bulk"), gb.getRegionsList().stream().map(RegionDiffusion::getRegion).toList());
                assertEquals(108, gb.getRegionsList().stream().mapToInt(RegionDiffusion::getAtoms).sum(), "every atom in one region");
                assertTrue(bulk.getRegionsCount() == 0 && bulk.getGbSpacingA() == 0, "bulk runs have no GB analysis");
            }
            List<String> components = r.getFitsList().stream().map(ComponentFit::getComponent).toList();
            assertEquals(List.of("bulk.total", "bulk.parallel", "bulk.perpendicular", "gb.total", "gb.parallel", "gb.perpendicular",
                "gb.gb_parallel", "gb.gb_perpendicular"), components);
            // FE defaults: bulk.total, gb.gb_parallel, gb.gb_perpendicular; δ from the runs (3 Å = 0.3 nm)
            assertEquals(0.3, r.getFeGbWidthNm(), 1e-12);
            assertTrue(r.getFeGbWidthSource().startsWith("mean GB width of gb over runs"), r.getFeGbWidthSource());
            FePoint p = r.getFe(0);
            assertEquals(List.of("bulk.total", "gb.gb_parallel", "gb.gb_perpendicular"),
                p.getChannelsList().stream().map(ch -> ch.getComponent()).toList());
            assertEquals(0.3, p.getGbWidthNm(), 1e-12);
        }
    }

    /** D_GB = (D_eff − (1 − τ) D_bulk) / τ, with the error of Hart's linear propagation. */
    private static void check(DiffusionValue eff, DiffusionValue bulk, DiffusionValue gb, double spacing) {
        Hart h = Hart.decompose(eff.getDCm2S(), eff.getErrorCm2S(), bulk.getDCm2S(), bulk.getErrorCm2S(), 3.0, 0, spacing);
        double tau = 3.0 / spacing;
        assertEquals((eff.getDCm2S() - (1 - tau) * bulk.getDCm2S()) / tau, gb.getDCm2S(), 1e-12 * Math.abs(h.dGb()));
        assertEquals(h.dGbError(), gb.getErrorCm2S(), 1e-12 * h.dGbError());
    }

    private static CampaignRun run(CampaignResults c, String structure, double t) {
        return c.getRunsList().stream().filter(r -> r.getStructure().equals(structure) && r.getTemperatureK() == t).findFirst().orElseThrow();
    }
}
