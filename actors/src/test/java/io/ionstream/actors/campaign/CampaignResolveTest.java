package io.ionstream.actors.campaign;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ionstream.actors.catalog.StructureCatalog;
import io.ionstream.actors.jobs.store.DataDirectory;
import io.ionstream.engine.structure.StructurePresets;
import io.ionstream.proto.v1.CampaignJob;
import io.ionstream.proto.v1.CampaignStructure;
import io.ionstream.proto.v1.EquilibrateThenSample;
import io.ionstream.proto.v1.MdJob;
import io.ionstream.proto.v1.PotentialSource;
import io.ionstream.proto.v1.PresetStructure;
import io.ionstream.proto.v1.Protocol;
import io.ionstream.proto.v1.StructureRole;
import io.ionstream.proto.v1.StructureSource;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Resolving a campaign with a bulk argyrodite and a {@code gb-*} preset left on the automatic role:
 * the preset becomes a grain boundary with the planes its builder reports (compared with the
 * engine's own build of the preset), its Hart reference is the bulk structure, and both are stored.
 */
class CampaignResolveTest {
    @TempDir Path dir;

    private static CampaignStructure preset(String name, String preset, int... supercell) {
        PresetStructure.Builder p = PresetStructure.newBuilder().setName(preset);
        for (int n : supercell) p.addSupercell(n);
        return CampaignStructure.newBuilder().setName(name).setStructure(StructureSource.newBuilder().setPreset(p)).build();
    }

    @Test
    void gbPresetIsAGrainBoundaryWithTheBuildersPlanes() throws Exception {
        StructureCatalog catalog = new StructureCatalog(DataDirectory.open(dir.resolve("data")), 100_000, 1 << 20, 0.5);
        CampaignPlanner planner = new CampaignPlanner(null, catalog); // resolve needs no job planner
        MdJob template = MdJob.newBuilder().setPotential(PotentialSource.newBuilder().setBundled("lj-argon"))
            .setProtocol(Protocol.newBuilder().setTimestepPs(0.002).setEquilibrateThenSample(EquilibrateThenSample.newBuilder()
                .setTemperatureK(500).setEquilibratePs(1).setSamplePs(2))).build();
        CampaignJob c = CampaignJob.newBuilder().addNamedStructures(preset("bulk", "li6ps5cl", 1, 1, 1))
            .addNamedStructures(preset("gb", "gb-sigma5-021")).addTemperaturesK(500).setTemplate(template).build();

        List<String> stored = new ArrayList<>();
        CampaignJob r = planner.resolve(c, stored);
        assertEquals(2, stored.size(), "both presets stored");
        CampaignStructure bulk = r.getNamedStructures(0), gb = r.getNamedStructures(1);
        assertEquals(StructureRole.STRUCTURE_ROLE_BULK, bulk.getRole());
        assertEquals(0, bulk.getGbPlanesZCount());
        assertEquals(StructureRole.STRUCTURE_ROLE_GRAIN_BOUNDARY, gb.getRole());
        assertEquals("bulk", gb.getBulkReference(), "Hart's D_bulk from the first bulk structure");
        assertEquals(stored.get(1), gb.getStructure().getStructureId());

        Object reported = StructurePresets.build("gb-sigma5-021", StructurePresets.Settings.defaults()).report().details().get("GB planes z");
        assertTrue(reported instanceof double[], "the builder reports its planes: " + reported);
        double[] expected = (double[]) reported;
        double[] planes = gb.getGbPlanesZList().stream().mapToDouble(Double::doubleValue).toArray();
        assertEquals(2, expected.length);
        assertArrayEquals(expected, planes, 1e-5 * Math.abs(expected[1]), "the planes as the builder placed them");
    }
}
