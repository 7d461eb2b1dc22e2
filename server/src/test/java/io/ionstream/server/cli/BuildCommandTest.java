package io.ionstream.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ionstream.engine.io.LammpsData;
import io.ionstream.engine.io.StructureFiles;
import io.ionstream.engine.system.AtomSystem;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bin/ionstream build} driven in-process: reports, written files read back, usage errors. */
class BuildCommandTest {
    @TempDir Path dir;

    private record Run(int code, String out, String err) {}

    private static Run run(String... argv) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int code = Main.run(argv, new Console(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), false));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void halfDisorderedLpscSupercell() throws Exception {
        Path file = dir.resolve("lpsc.data");
        Run r = run("build", "li6ps5cl", "--supercell", "4,4,4", "--disorder", "0.5", "--seed", "3", "-o", file.toString(), "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertEquals(3328, j.get("atoms").asInt());
        assertEquals(256, j.get("formulaUnits").asInt());
        assertEquals(0, j.get("totalFormalCharge").asInt());
        assertEquals(0.5, j.get("details").get("X on 4c").asDouble(), 0);
        assertEquals(file.toString(), j.get("output").asText());
        AtomSystem back = LammpsData.read(file, new String[] {"Li", "P", "S", "Cl"});
        assertEquals(3328, back.size());
        assertEquals("Li1536 P256 S1280 Cl256", back.formula());
        assertEquals(4 * 10.25, back.box().lx(), 1e-12);

        Run again = run("build", "li6ps5cl", "--supercell", "4,4,4", "--disorder", "0.5", "--seed", "3", "-o", dir.resolve("again.data").toString());
        assertEquals(0, again.code(), again.err());
        assertEquals(java.nio.file.Files.readString(file), java.nio.file.Files.readString(dir.resolve("again.data")), "same seed, same file");
    }

    @Test
    void grainBoundaryPreset() {
        Path file = dir.resolve("sigma5.data");
        Run r = run("build", "gb-sigma5-001", "-o", file.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("16380 atoms"), r.out());
        assertTrue(r.out().contains("Sigma 5"), r.out());
        assertTrue(r.out().contains("wrote 16380 atoms to " + file), r.out());
        AtomSystem back = LammpsData.read(file, new String[] {"Li", "P", "S", "Cl"});
        assertEquals(16380, back.size());
        assertTrue(back.box().isOrthorhombic());
    }

    @Test
    void writesEveryStructureFormatByItsName() {
        for (String name : new String[] {"licl.xyz", "POSCAR", "licl.vasp", "licl.dump", "licl.data.gz"}) {
            Path file = dir.resolve(name);
            Run r = run("build", "licl", "--supercell", "2,2,2", "-o", file.toString());
            assertEquals(0, r.code(), name + ": " + r.err());
            AtomSystem back = StructureFiles.read(file, new String[] {"Li", "Cl"});
            assertEquals(64, back.size(), name);
            assertEquals("Li32 Cl32", back.formula(), name);
        }
    }

    @Test
    void usageErrorsExitWithTwoAndSayWhy() {
        Run unknown = run("build", "nacl");
        assertEquals(2, unknown.code());
        assertTrue(unknown.err().contains("unknown structure preset 'nacl'"), unknown.err());
        Run foreign = run("build", "li2s", "--disorder", "0.5");
        assertEquals(2, foreign.code());
        assertTrue(foreign.err().contains("does not apply"), foreign.err());
        Run format = run("build", "licl", "-o", dir.resolve("x.unknown").toString());
        assertEquals(2, format.code());
        assertTrue(format.err().contains("format"), format.err());
        Run readOnly = run("build", "licl", "-o", dir.resolve("x.cif").toString());
        assertEquals(2, readOnly.code());
        assertTrue(readOnly.err().contains("cannot write CIF"), readOnly.err());
        assertEquals(2, run("build", "li6ps5cl", "--supercell", "1,2").code());
        assertEquals(2, run("build", "li6ps5cl", "--disorder", "0.5", "--configuration", "25").code());
        assertEquals(2, run("build", "gb-sigma3-112", "--variant", "sideways").code());
        assertEquals(2, run("build").code());
        Run help = run("build", "--help");
        assertEquals(0, help.code());
        assertTrue(help.out().contains("interface-model-II"));
    }
}
