package io.ionstream.engine.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ionstream.engine.system.AtomSystem;
import io.ionstream.engine.system.Box;
import io.ionstream.engine.system.SpeciesTable;
import java.io.BufferedReader;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LammpsDataTest {
    @TempDir
    Path dir;

    private static AtomSystem parse(String text, String[] symbols) {
        return LammpsData.read(new BufferedReader(new StringReader(text)), "in.data", symbols);
    }

    @Test
    void roundTripAtomicAndChargeStyles() throws Exception {
        for (Box box : new Box[] {TestSystems.triclinic(), TestSystems.orthorhombic()}) {
            for (LammpsData.Style style : LammpsData.Style.values()) {
                AtomSystem sys = TestSystems.random(7, box, SpeciesTable.of("Li", "P", "S", "Cl"), 25);
                StringWriter w = new StringWriter();
                LammpsData.write(sys, w, style);
                AtomSystem back = parse(w.toString(), null);
                TestSystems.assertSameBox(box, back.box());
                TestSystems.assertSameAtoms(sys, back);
                int n = sys.size();
                assertArrayEquals(TestSystems.first(sys.v(), 3 * n), TestSystems.first(back.v(), 3 * n), 0.0);
                assertArrayEquals(TestSystems.first(sys.image(), 3 * n), TestSystems.first(back.image(), 3 * n));
                double[] q = style == LammpsData.Style.CHARGE ? TestSystems.first(sys.q(), n) : new double[n];
                assertArrayEquals(q, TestSystems.first(back.q(), n), 0.0);
            }
        }
    }

    @Test
    void speciesNamesSurviveThroughMassComments() {
        SpeciesTable sp = new SpeciesTable(new String[] {"Li", "Lishell"}, new double[] {6.94, 0.5});
        AtomSystem sys = new AtomSystem(sp, new Box(-1.5, 0.25, 2, 5, 6, 7, 0, 0, 0), 2);
        sys.add(0, 0, 1, 3);
        sys.add(1, 1, 2, 4);
        Path file = dir.resolve("shell.data.gz");
        StructureFiles.write(sys, file);
        AtomSystem back = StructureFiles.read(file);
        assertEquals(sp, back.species());
        // lo/hi bounds: the box comes back within the rounding of hi - lo
        assertEquals(5, back.box().lx(), 1e-15);
        assertEquals(-1.5, back.box().xlo(), 0.0);
    }

    @Test
    void readsWhatLammpsWriteDataProduces() {
        String text = """
            LAMMPS data file via write_data, version 29 Sep 2021, timestep = 0

            2 atoms
            2 atom types

            0 4 xlo xhi
            0 4 ylo yhi
            0 4 zlo zhi

            Masses

            1 6.94
            2 32.06

            Pair Coeffs # lj/cut

            1 0.01 1.6
            2 0.02 2.4

            Velocities

            2 0.5 0 0
            1 0 0 -0.5

            Atoms # charge

            1 1 1 0.5 0.5 0.5 0 0 0
            2 2 -1 2.5 2.5 2.5 1 0 -1
            """;
        AtomSystem sys = parse(text, null);
        assertEquals("Li,S", sys.species().toString());
        assertArrayEquals(new double[] {0, 0, -0.5, 0.5, 0, 0}, TestSystems.first(sys.v(), 6), 0.0);
        assertArrayEquals(new int[] {0, 0, 0, 1, 0, -1}, TestSystems.first(sys.image(), 6));
        assertArrayEquals(new double[] {1, -1}, TestSystems.first(sys.q(), 2), 0.0);
        AtomSystem named = parse(text, new String[] {"Na", "Cl"});
        assertEquals("Na,Cl", named.species().toString());
        String labelled = text.replace("Pair Coeffs # lj/cut\n\n1 0.01 1.6\n2 0.02 2.4\n", "Atom Type Labels\n\n1 Li+\n2 S2-\n");
        assertEquals("Li+,S2-", parse(labelled, null).species().toString());
    }

    @Test
    void malformedInputNamesLineAndProblem() {
        String head = "t\n\n2 atoms\n1 atom types\n0 4 xlo xhi\n0 4 ylo yhi\n0 4 zlo zhi\n\nMasses\n\n1 6.94\n\n";
        assertError(head + "Atoms # atomic\n\n1 1 0 0 0\n", 16, "end of file");
        assertError(head + "Atoms # atomic\n\n1 1 0 0 0\n1 1 1 1 1\n", 16, "twice");
        assertError(head + "Atoms # atomic\n\n1 1 0 0 0\n2 2 1 1 1\n", 16, "type 2");
        assertError(head + "Atoms # full\n\n", 13, "atom style");
        assertError(head + "Bonds\n\n", 13, "unsupported section");
        assertError(head + "Masses\n\n1 6.94\n", 13, "twice");
        assertError("t\n\n2 atoms\n1 bonds\n", 4, "topology");
        assertError("t\n\n2 atoms\n5 widgets\n", 4, "unsupported header");
        assertError("t\n\n999999999999 atoms\n", 3, "out of range");
        assertError("t\n\n2 atoms\n1 atom types\n0 -4 xlo xhi\n", 5, "not above");
        assertError(head + "Atoms # atomic\n\n1 1 0 inf 0\n", 15, "not a number");
        assertError(head + "Atoms # atomic\n\n1 1 0 0 0\n2 1 1 1 1\nVelocities\n\n1 0 0 0\n3 0 0 0\n", 20, "unknown atom id 3");
    }

    @Test
    void hugeDeclaredCountsAllocateNothingUpFront() {
        String text = "t\n\n499999999 atoms\n1 atom types\n0 4 xlo xhi\n0 4 ylo yhi\n0 4 zlo zhi\n\nMasses\n\n1 6.94\n\n"
            + "Atoms # atomic\n\n1 1 0 0 0\n\nVelocities\n\n1 0 0 0\n";
        FormatException e = assertTimeoutPreemptively(Duration.ofSeconds(10),
            () -> assertThrows(FormatException.class, () -> parse(text, null)));
        assertEquals(17, e.line(), e.getMessage());
    }

    private static void assertError(String text, int line, String words) {
        FormatException e = assertThrows(FormatException.class, () -> parse(text, null));
        assertEquals("in.data", e.source());
        assertEquals(line, e.line(), e.getMessage());
        assertTrue(e.getMessage().contains(words), e.getMessage());
    }
}
