package io.ionstream.engine.io.vasp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ionstream.engine.io.FormatException;
import io.ionstream.engine.io.StructureFiles;
import io.ionstream.engine.io.TestSystems;
import io.ionstream.engine.system.AtomSystem;
import io.ionstream.engine.system.Box;
import io.ionstream.engine.system.SpeciesTable;
import java.io.BufferedReader;
import java.io.StringReader;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PoscarTest {
    @TempDir
    Path dir;

    private static Poscar parse(String text, String[] species) {
        return PoscarReader.read(new BufferedReader(new StringReader(text)), "POSCAR", species);
    }

    @Test
    void roundTripKeepsCellSpeciesPositionsAndVelocities() {
        for (Box box : new Box[] {TestSystems.triclinic(), TestSystems.orthorhombic()}) {
            AtomSystem sys = TestSystems.random(21, box, SpeciesTable.of("Li", "P", "S", "Cl"), 30);
            for (String name : new String[] {"POSCAR", "CONTCAR", "x.vasp", "y.poscar.gz"}) {
                Path file = dir.resolve(name);
                StructureFiles.write(sys, file);
                AtomSystem back = StructureFiles.read(file);
                TestSystems.assertSameBox(box, back.box());
                assertEquals(sys.species(), back.species());
                // POSCAR groups atoms by species: atom k of the file is the k-th in stable type order
                int[] order = PoscarWriter.typeOrder(sys);
                for (int k = 0; k < order.length; k++) {
                    int i = order[k];
                    assertEquals(sys.type()[i], back.type()[k]);
                    assertEquals(k + 1, back.id()[k]);
                    for (int d = 0; d < 3; d++) {
                        assertEquals(sys.x()[3 * i + d], back.x()[3 * k + d], 0.0, "position");
                        double v = sys.v()[3 * i + d];
                        // Å/ps -> Å/fs -> Å/ps: one rounding each way
                        assertEquals(v, back.v()[3 * k + d], 4 * Math.ulp(v), "velocity");
                    }
                }
            }
        }
    }

    @Test
    void selectiveDynamicsAndCommentRoundTrip() {
        AtomSystem sys = new AtomSystem(SpeciesTable.of("S", "Li"), TestSystems.orthorhombic(), 3);
        sys.add(0, 1, 1, 1);
        sys.add(1, 2, 2, 2);
        sys.add(1, 3, 3, 3);
        boolean[] movable = {true, false, true, false, false, false, true, true, true};
        Path file = dir.resolve("POSCAR");
        new Poscar(sys, "slab with fixed layer", movable, null).write(file);
        Poscar back = Poscar.read(file, null);
        assertArrayEquals(movable, back.movable());
        assertEquals("slab with fixed layer", back.comment());
        TestSystems.assertSameAtoms(sys, back.system());
    }

    @Test
    void scalingFactorsDirectAndCartesianAgree() {
        String lattice = "0.5 0 0\n0 0.75 0\n0.1 0 1\nLi S\n1 1\n";
        // scale 2: lattice (1, 0, 0), (0, 1.5, 0), (0.2, 0, 2)
        Poscar direct = parse("c\n2.0\n" + lattice + "Direct\n0.5 0.5 0.5\n0 0 0.25\n", null);
        Poscar cart = parse("c\n2.0\n" + lattice + "Cartesian\n0.3 0.375 0.5\n0.025 0 0.25\n", null);
        double[] expect = {0.6, 0.75, 1.0, 0.05, 0, 0.5};
        assertArrayEquals(expect, TestSystems.first(direct.system().x(), 6), 1e-15);
        assertArrayEquals(expect, TestSystems.first(cart.system().x(), 6), 1e-15);
        // a negative factor is the volume: 0.5 * 0.75 * 1 = 0.375 Å³ unscaled, 3.0 requested -> scale 2
        Poscar vol = parse("c\n-3.0\n" + lattice + "Direct\n0.5 0.5 0.5\n0 0 0.25\n", null);
        assertEquals(3.0, vol.system().box().volume(), 1e-12);
        assertArrayEquals(expect, TestSystems.first(vol.system().x(), 6), 1e-12);
        // three factors scale x, y, z separately
        Poscar three = parse("c\n2 4 1\n" + lattice + "Direct\n1 1 1\n0 0 0\n", null);
        Box b = three.system().box();
        assertArrayEquals(new double[] {1.0, 3.0, 1.0, 0.2}, new double[] {b.lx(), b.ly(), b.lz(), b.xz()}, 1e-15);
    }

    @Test
    void vasp4FilesNeedNamedSpecies() {
        String text = "no species line\n1.0\n4 0 0\n0 4 0\n0 0 4\n2 1\nDirect\n0 0 0\n0.5 0.5 0.5\n0.25 0.25 0.25\n";
        FormatException e = assertThrows(FormatException.class, () -> parse(text, null));
        assertEquals(6, e.line());
        assertTrue(e.getMessage().contains("name the species"), e.getMessage());
        AtomSystem sys = parse(text, new String[] {"Li", "Cl"}).system();
        assertEquals("Li2 Cl1", sys.formula());
    }

    @Test
    void potcarSuffixesAndCallerOrder() {
        String text = "c\n1.0\n4 0 0\n0 4 0\n0 0 4\nS_GW Li_sv/1a2b3c\n1 2\nDirect\n0 0 0\n0.5 0.5 0.5\n0.25 0.25 0.25\n";
        AtomSystem own = parse(text, null).system();
        assertEquals("S,Li", own.species().toString());
        AtomSystem ordered = parse(text, new String[] {"Li", "P", "S", "Cl"}).system();
        assertEquals("Li,P,S,Cl", ordered.species().toString());
        assertArrayEquals(new int[] {2, 0, 0}, TestSystems.first(ordered.type(), 3));
    }

    @Test
    void rotatedCellKeepsDistancesAndVolume() {
        // fcc primitive vectors (VASP's own example orientation), a = 5.64
        String text = "rock salt\n5.64\n0 0.5 0.5\n0.5 0 0.5\n0.5 0.5 0\nNa Cl\n1 1\nCartesian\n0 0 0\n0.5 0.5 0.5\n";
        Poscar p = parse(text, null);
        Box b = p.system().box();
        assertEquals(Math.pow(5.64, 3) / 4, b.volume(), 1e-10);
        double[] x = p.system().x();
        double d = Math.sqrt(Math.pow(x[3] - x[0], 2) + Math.pow(x[4] - x[1], 2) + Math.pow(x[5] - x[2], 2));
        assertEquals(5.64 * Math.sqrt(0.75), d, 1e-12);
    }

    @Test
    void contcarVelocitiesAreAngstromPerFemtosecond() {
        String base = "c\n1.0\n4 0 0\n0 4 0\n0 0 4\nLi\n2\nCartesian\n0 0 0\n1 1 1\n";
        AtomSystem blank = parse(base + "\n 0.001 0.002 0.003\n-0.004 0 0\n\n predictor corrector lines\n 1 2 3\n", null).system();
        assertArrayEquals(new double[] {1, 2, 3, -4, 0, 0}, TestSystems.first(blank.v(), 6), 1e-12);
        AtomSystem labelled = parse(base + "Cartesian\n 0.001 0.002 0.003\n-0.004 0 0\n", null).system();
        assertArrayEquals(new double[] {1, 2, 3, -4, 0, 0}, TestSystems.first(labelled.v(), 6), 1e-12);
        AtomSystem none = parse(base + "\n\n", null).system();
        assertArrayEquals(new double[6], TestSystems.first(none.v(), 6), 0.0);
        assertNull(parse(base, null).movable());
    }

    @Test
    void malformedInputNamesLineAndProblem() {
        String head = "c\n1.0\n4 0 0\n0 4 0\n0 0 4\nLi\n2\n";
        assertError(head + "Reciprocal\n0 0 0\n1 1 1\n", 8, "Direct");
        assertError(head + "Direct\n0 0 0\n", 10, "end of file");
        assertError(head + "Selective dynamics\nDirect\n0 0 0 T T T\n1 1 1 T X T\n", 11, "T or F");
        assertError(head + "Direct\n0 0 0\n1 1\n", 10, "3 fields");
        assertError("c\n0\n4 0 0\n0 4 0\n0 0 4\nLi\n1\nDirect\n0 0 0\n", 2, "zero");
        assertError("c\n1.0 2.0\n4 0 0\n0 4 0\n0 0 4\nLi\n1\nDirect\n0 0 0\n", 2, "one or three");
        assertError("c\n1\n4 0 0\n0 4 0\n0 0 4\nLi S\n1\nDirect\n0 0 0\n", 7, "counts");
        assertError("c\n1\n4 0 0\n0 4 0\n0 0 -4\nLi\n1\nDirect\n0 0 0\n", 3, "right-handed");
        assertError(head + "Direct\n0 0 0\n1 1 1\nnonsense\n", 11, "blank line");
        assertError(head + "Direct\n0 0 0\n1 1 1\n\n0.1 0.1 0.1\n", 13, "end of file");
    }

    private static void assertError(String text, int line, String words) {
        FormatException e = assertThrows(FormatException.class, () -> parse(text, null));
        assertEquals(line, e.line(), e.getMessage());
        assertTrue(e.getMessage().contains(words), e.getMessage());
    }
}
