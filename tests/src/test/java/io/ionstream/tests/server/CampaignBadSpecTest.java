package io.ionstream.tests.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ionstream.client.IonstreamClient;
import io.ionstream.proto.v1.CampaignDiffusion;
import io.ionstream.proto.v1.CampaignFe;
import io.ionstream.proto.v1.CampaignJob;
import io.ionstream.proto.v1.CampaignStructure;
import io.ionstream.proto.v1.FeSource;
import io.ionstream.proto.v1.GivenComponent;
import io.ionstream.proto.v1.JobSpec;
import io.ionstream.proto.v1.PresetStructure;
import io.ionstream.proto.v1.Protocol;
import io.ionstream.proto.v1.StructureRole;
import io.ionstream.proto.v1.StructureSource;
import io.ionstream.proto.v1.TemperatureRamp;
import io.ionstream.server.grpc.IonstreamServer;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Broken campaign specs are refused with INVALID_ARGUMENT and a message naming the field; nothing is run. */
class CampaignBadSpecTest {
    @TempDir static Path dir;
    private static IonstreamServer server;
    private static IonstreamClient client;

    @BeforeAll
    static void start() throws Exception {
        server = TestServers.start(dir.resolve("data"));
        client = TestServers.client(server);
    }

    @AfterAll
    static void stop() {
        client.close();
        server.close();
    }

    /** The end-to-end campaign with one change. */
    private static void refused(String fragment, UnaryOperator<CampaignJob.Builder> change) {
        CampaignJob.Builder c = Campaigns.twoByTwo(new double[] {20}, new double[] {120, 150}).toBuilder();
        JobSpec spec = JobSpec.newBuilder().setName("bad").setCampaign(change.apply(c)).build();
        StatusRuntimeException e = assertThrows(StatusRuntimeException.class, () -> client.submit(spec), fragment);
        assertEquals(Status.Code.INVALID_ARGUMENT, e.getStatus().getCode(), e.getStatus().toString());
        String d = e.getStatus().getDescription();
        assertTrue(d != null && d.contains(fragment), "'" + fragment + "' in: " + d);
    }

    @Test
    void campaignSpecs() {
        refused("campaign needs structures (MD runs) or given components", c -> CampaignJob.newBuilder());
        refused("campaign.temperatures_k is empty", CampaignJob.Builder::clearTemperaturesK);
        refused("campaign.temperatures_k[1] must be in (0, 100000) K, got -5.0", c -> c.setTemperaturesK(1, -5));
        refused("campaign.temperatures_k[1]: 120 K is given twice", c -> c.setTemperaturesK(1, 120));
        refused("campaign.template is missing", CampaignJob.Builder::clearTemplate);
        refused("campaign.template.structure must be empty", c -> {
            c.getTemplateBuilder().setStructure(StructureSource.newBuilder().setStructureId("str-000000000000"));
            return c;
        });
        refused("campaign.template.protocol must be equilibrate_then_sample or stages", c -> {
            c.getTemplateBuilder().setProtocol(Protocol.newBuilder().setTimestepPs(0.005).setTemperatureRamp(TemperatureRamp.newBuilder()
                .setStartK(100).setStopK(200).setDurationPs(1)));
            return c;
        });
        refused("campaign.named_structures[1]: the name 'a58' is used twice", c -> c.setNamedStructures(1, Campaigns.argon("a58", 5.7)));
        refused("campaign.named_structures[1].name 'a 57' must be", c -> c.setNamedStructures(1, Campaigns.argon("a 57", 5.7)));
        refused("campaign.named_structures[0].structure: preset", c -> c.setNamedStructures(0, CampaignStructure.newBuilder().setName("x")
            .setStructure(StructureSource.newBuilder().setPreset(PresetStructure.newBuilder().setName("unobtainium")))));
        refused("campaign.named_structures[0].gb_planes_z: give the GB planes of 'a58'", c -> c.setNamedStructures(0,
            Campaigns.argon("a58", 5.8).toBuilder().setRole(StructureRole.STRUCTURE_ROLE_GRAIN_BOUNDARY)));
        refused("campaign.named_structures[1].bulk_reference 'nowhere' is not a bulk structure", c -> c.setNamedStructures(1,
            Campaigns.argon("a57", 5.7).toBuilder().addGbPlanesZ(4).addGbPlanesZ(12).setBulkReference("nowhere")));
        refused("campaign.diffusion.species: 'Li' is not in campaign structure 'a58'", c -> c.setDiffusion(
            CampaignDiffusion.newBuilder().addSpecies("Li")));
        refused("campaign.diffusion.window_start/window_end must satisfy 0 <= start < end <= 1", c -> c.setDiffusion(
            CampaignDiffusion.newBuilder().setWindowStart(0.9).setWindowEnd(0.5)));
        refused("campaign.diffusion.stage: the template has no MD stage named 'sample'", c -> c.setDiffusion(
            CampaignDiffusion.newBuilder().setStage("sample")));
        refused("campaign.diffusion.frame_every = 1000 leaves 3 frames in the sampling stage of 2400 steps", c -> c.setDiffusion(
            CampaignDiffusion.newBuilder().setFrameEvery(1000)));
        refused("campaign.fe.grain_sizes_nm is empty", c -> fe(c, CampaignFe.Builder::clearGrainSizesNm));
        refused("campaign.fe.grain_sizes_nm[0] must be in (0, 1e7) nm", c -> fe(c, f -> f.setGrainSizesNm(0, -1)));
        refused("campaign.fe.gb_parallel: no D component 'a57.gb_parallel' (components: a58.total", c -> fe(c, f -> f.setGbParallel("a57.gb_parallel")));
        refused("campaign.fe.grid must be in [4, 1024]", c -> fe(c, f -> f.setGrid(2)));
        refused("campaign.fe.seeding: unknown seeding 'spiral'", c -> fe(c, f -> f.setSeeding("spiral")));
        refused("campaign.fe: give gb_width_nm, or gb_width_from naming a grain-boundary structure", c -> fe(c, CampaignFe.Builder::clearGbWidthNm));
        refused("campaign.fe.bulk: component 'a58.total' has no value at 135 K (source values)", c -> fe(c,
            f -> f.addTemperaturesK(135).setSource(FeSource.FE_SOURCE_VALUES)));
        refused("campaign.given[0]: 2 temperatures_k but 1 d_cm2_s", c -> c.addGiven(GivenComponent.newBuilder().setName("g")
            .addTemperaturesK(300).addTemperaturesK(400).addDCm2S(1e-8)));
        refused("campaign.given[0] needs either D values", c -> c.addGiven(GivenComponent.newBuilder().setName("g")));
        refused("campaign.given[0].d_cm2_s[0] must be positive", c -> c.addGiven(GivenComponent.newBuilder().setName("g")
            .addTemperaturesK(300).addDCm2S(-1)));
        refused("campaign.given[0].name 'a58.total' clashes with the D components of structure 'a58'", c -> c.addGiven(
            GivenComponent.newBuilder().setName("a58.total").addTemperaturesK(300).addDCm2S(1e-8)));
        refused("campaign.template (run of structure 'a58' at 120 K): protocol.timestep_ps", c -> {
            c.getTemplateBuilder().getProtocolBuilder().setTimestepPs(0);
            return c;
        });
        // FE only: given values at two temperatures without errors have no law and no value between them
        refused("campaign.fe.gb_parallel: component 'p' has no value at 350 K, and component 'p' can have no Arrhenius law", c -> CampaignJob.newBuilder()
            .addGiven(GivenComponent.newBuilder().setName("b").addTemperaturesK(300).addTemperaturesK(400).addDCm2S(1e-9).addDCm2S(2e-9)
                .addDErrorCm2S(1e-10).addDErrorCm2S(1e-10))
            .addGiven(GivenComponent.newBuilder().setName("p").addTemperaturesK(300).addTemperaturesK(400).addDCm2S(1e-8).addDCm2S(2e-8))
            .setFe(CampaignFe.newBuilder().addGrainSizesNm(50).addTemperaturesK(350).setGbWidthNm(1).setBulk("b").setGbParallel("p")
                .setGbPerpendicular("b")));
        // refused campaigns leave no structures behind in the catalogue
        assertTrue(client.structures().isEmpty(), client.structures().toString());
    }

    private static CampaignJob.Builder fe(CampaignJob.Builder c, UnaryOperator<CampaignFe.Builder> change) {
        return c.setFe(change.apply(c.getFe().toBuilder()));
    }
}
