package io.ionstream.engine.io.mlip;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ionstream.engine.SharedData;
import io.ionstream.engine.io.FormatException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** MLIP .cfg reading (sections, features, extra columns, species), lossless writing and errors. */
class MlipCfgTest {
    static final MlipSpecies LI = MlipSpecies.named("Li");

    @Test
    void readsEnergyStressFeaturesAndExtraColumns() throws Exception {
        Path f = SharedData.file("mtp-reference/mlip3_Li_example/graded.cfg");
        List<MlipConfiguration> cfgs = new MlipCfgReader(LI).readAll(f);
        assertEquals(2, cfgs.size());
        MlipConfiguration c = cfgs.get(0);
        assertEquals(128, c.size());
        assertEquals("Li", c.system().species().symbol(0));
        assertTrue(c.hasEnergy());
        assertNotNull(c.plusStress());
        assertNotNull(c.forces());
        assertNotNull(c.atomColumns().get("nbh_grades"));
        assertEquals(c.size(), c.atomColumns().get("nbh_grades").length);
        assertEquals("database:Li_NVT300.cfg", c.features().get("from"), "feature values keep their text");
        assertTrue(c.features().containsKey("MV_grade"));
        assertNull(c.rotation(), "an orthorhombic cell needs no frame change");
        // compare a few numbers with the file's text, parsed independently
        List<String> lines = Files.readAllLines(f);
        String[] atom1 = lines.get(8).strip().split("\\s+");
        assertEquals(Double.parseDouble(atom1[2]), c.system().x()[0]);
        assertEquals(Double.parseDouble(atom1[5]), c.forces()[0]);
        assertEquals(Double.parseDouble(atom1[8]), c.atomColumns().get("nbh_grades")[0]);
        int energyLine = lines.indexOf(" Energy");
        assertEquals(Double.parseDouble(lines.get(energyLine + 1).strip()), c.energy());
    }

    @Test
    void writingIsLossless(@TempDir Path tmp) {
        Path f = SharedData.file("mtp-reference/mlip3_Li_example/graded.cfg");
        List<MlipConfiguration> cfgs = new MlipCfgReader(LI).readAll(f);
        List<MlipConfiguration> extended = List.of(cfgs.get(0).withFeature("note", "two words"), cfgs.get(1));
        Path out = tmp.resolve("copy.cfg");
        MlipCfgWriter.writeAll(out, extended);
        List<MlipConfiguration> back = new MlipCfgReader(LI).readAll(out);
        assertEquals(2, back.size());
        for (int k = 0; k < 2; k++) {
            MlipConfiguration a = extended.get(k), b = back.get(k);
            int n = a.size();
            assertArrayEquals(Arrays.copyOf(a.system().x(), 3 * n), Arrays.copyOf(b.system().x(), 3 * n));
            assertArrayEquals(Arrays.copyOf(a.system().id(), n), Arrays.copyOf(b.system().id(), n));
            assertArrayEquals(a.forces(), b.forces());
            assertArrayEquals(a.plusStress(), b.plusStress());
            assertEquals(a.energy(), b.energy());
            assertEquals(a.features(), b.features());
            assertArrayEquals(a.atomColumns().get("nbh_grades"), b.atomColumns().get("nbh_grades"));
            assertArrayEquals(a.lattice()[2], b.lattice()[2]);
        }
    }

    @Test
    void nonPeriodicConfigurationsGetVacuum() {
        String text = "BEGIN_CFG\n Size\n 2\n AtomData: id type cartes_x cartes_y cartes_z\n 1 0 0 0 0\n 2 0 2.5 0 0\nEND_CFG\n";
        MlipConfiguration c = new MlipCfgReader(LI).readAll(text, "molecule").get(0);
        assertFalse(c.isPeriodic());
        assertTrue(c.system().box().minPerpendicularWidth() > 100, "images far beyond any cut-off");
    }

    @Test
    void unnamedSpeciesAreNamedByIndex() {
        MlipSpecies s = MlipSpecies.unnamed(4);
        assertFalse(s.isNamed());
        assertEquals("type2", s.symbol(2));
        assertEquals("0=type0, 1=type1, 2=type2, 3=type3", s.describe());
        assertEquals(3, MlipSpecies.parse("Li, P,S,Cl").indexOf("Cl"));
        assertThrows(IllegalArgumentException.class, () -> MlipSpecies.parse("Li,Xx"));
        assertThrows(IllegalArgumentException.class, () -> MlipSpecies.parse("Li,,S"));
        assertThrows(IllegalArgumentException.class, () -> MlipSpecies.parse("Li,li"));
    }

    static FormatException error(String text, MlipSpecies sp) {
        return assertThrows(FormatException.class, () -> new MlipCfgReader(sp).readAll(text, "bad.cfg"));
    }

    @Test
    void malformedConfigurationsAreNamedByLine() {
        String head = "BEGIN_CFG\n Size\n 2\n Supercell\n 5 0 0\n 0 5 0\n 0 0 5\n AtomData: id type cartes_x cartes_y cartes_z\n";
        FormatException e = error(head + " 1 0 0 0 0\n 2 1 1 1 1\nEND_CFG\n", LI);
        assertEquals(10, e.line());
        assertTrue(e.problem().contains("type 1") && e.problem().contains("0=Li"), e.getMessage());

        e = error(head + " 1 0 0 0 0\n 2 0 1 1\nEND_CFG\n", LI);
        assertEquals(10, e.line());
        assertTrue(e.problem().contains("4 fields"), e.getMessage());

        e = error(head + " 1 0 0 0 0\n 2 0 1 x 1\nEND_CFG\n", LI);
        assertTrue(e.problem().contains("cartes_y is not a number"), e.getMessage());

        e = error(head + " 1 0 0 0 0\n", LI);
        assertTrue(e.problem().contains("unexpected end of file"), e.getMessage());

        e = error(head + " 1 0 0 0 0\n 2 0 1 1 1\n Energy\n -3.5\n Magic\nEND_CFG\n", LI);
        assertEquals(13, e.line());
        assertTrue(e.problem().contains("unknown section 'Magic'"), e.getMessage());

        e = error("BEGIN_CFG\n Size\n 1\n Supercell\n 5 0 0\n 0 5 0\n AtomData: id type cartes_x cartes_y cartes_z\n 1 0 0 0 0\nEND_CFG\n", LI);
        assertTrue(e.problem().contains("2 vector(s)"), e.getMessage());
    }
}
