package io.ionstream.engine.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ionstream.engine.SharedData;
import io.ionstream.engine.system.AtomSystem;
import io.ionstream.engine.system.Box;
import io.ionstream.engine.system.SpeciesTable;
import java.io.BufferedReader;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LammpsDumpTest {
    @TempDir
    Path dir;

    private static TrajectoryReader parse(String text, String[] species) {
        return new LammpsDumpTrajectory(new LammpsDumpReader(new BufferedReader(new StringReader(text)), "test.dump"), species);
    }

    /** Box parameters through LAMMPS's lo/hi bounds (and the tilted bounding box) round to within a few ulps. */
    private static void assertBoxClose(Box e, Box a) {
        double[] x = {e.xlo(), e.ylo(), e.zlo(), e.lx(), e.ly(), e.lz(), e.xy(), e.xz(), e.yz()};
        double[] y = {a.xlo(), a.ylo(), a.zlo(), a.lx(), a.ly(), a.lz(), a.xy(), a.xz(), a.yz()};
        for (int k = 0; k < 9; k++) assertEquals(x[k], y[k], 8 * Math.ulp(20.0), "box parameter " + k);
    }

    @Test
    void unwrappedTrajectoryRoundTripsSortedById() {
        Path file = dir.resolve("traj.lammpstrj.gz");
        AtomSystem sys = TestSystems.random(9, TestSystems.triclinic(), SpeciesTable.of("Li", "P", "S", "Cl"), 30);
        AtomSystem[] frames = new AtomSystem[3];
        try (LammpsDumpWriter w = LammpsDumpWriter.open(file).time(true)) {
            for (int s = 0; s < 3; s++) {
                frames[s] = sys.copy();
                w.write(sys, 50L * s, 0.1 * s);
                for (int k = 0; k < 3 * sys.size(); k++) sys.x()[k] -= 1.9;
                sys.wrapAll();
            }
        }
        try (TrajectoryReader r = TrajectoryFiles.open(file)) {
            for (int s = 0; s < 3; s++) {
                TrajectoryFrame f = r.next();
                assertEquals(50L * s, f.step());
                assertEquals(0.1 * s, f.time());
                assertTrue(f.unwrapped());
                assertEquals(frames[s].species(), f.species());
                assertBoxClose(frames[s].box(), f.box());
                for (int k = 1; k < f.atoms(); k++) assertTrue(f.id()[k] > f.id()[k - 1], "sorted by id");
                double[] u = new double[3];
                for (int k = 0; k < f.atoms(); k++) {
                    int i = frames[s].indexOfId(f.id()[k]);
                    frames[s].unwrapped(i, u, 0);
                    assertArrayEquals(u, new double[] {f.x()[3 * k], f.x()[3 * k + 1], f.x()[3 * k + 2]}, 0.0);
                    assertEquals(frames[s].type()[i], f.type()[k]);
                }
            }
            assertNull(r.next());
        }
    }

    @Test
    void structureRoundTripKeepsWrappedPositionsImagesAndVelocities() {
        for (Box box : new Box[] {TestSystems.orthorhombic(), TestSystems.triclinic()}) {
            AtomSystem sys = TestSystems.random(4, box, SpeciesTable.of("Li", "Cl"), 20);
            Path file = dir.resolve("state.dump");
            StructureFiles.write(sys, file);
            AtomSystem back = StructureFiles.read(file);
            assertBoxClose(box, back.box());
            TestSystems.assertSameAtoms(sys, back);
            int n = sys.size();
            assertArrayEquals(TestSystems.first(sys.image(), 3 * n), TestSystems.first(back.image(), 3 * n));
            assertArrayEquals(TestSystems.first(sys.v(), 3 * n), TestSystems.first(back.v(), 3 * n), 0.0);
        }
    }

    /** The LAMMPS-written liquid trajectory (../shared/lammps-reference), as frames and as raw columns. */
    @Test
    void readsLammpsOwnDumpWithNamedSpecies() throws Exception {
        Path file = SharedData.file("lammps-reference/lj_liquid_traj.dump");
        long frames = Files.readAllLines(file).stream().filter(l -> l.startsWith("ITEM: TIMESTEP")).count();
        List<DumpFrame> raw = LammpsDumpReader.readAll(file);
        assertEquals(frames, raw.size());
        FormatException e = assertThrows(FormatException.class, () -> {
            try (TrajectoryReader r = TrajectoryFiles.open(file)) {
                r.next();
            }
        });
        assertTrue(e.getMessage().contains("name the species"), e.getMessage());
        try (TrajectoryReader r = TrajectoryFiles.open(file, new String[] {"Ar"})) {
            for (DumpFrame d : raw) {
                TrajectoryFrame f = r.next();
                assertEquals(d.timestep(), f.step());
                assertTrue(f.unwrapped());
                double[] id = d.column("id");
                double[] xu = d.interleaved("xu", "yu", "zu");
                for (int row = 0; row < d.atoms(); row++) {
                    int k = (int) id[row] - 1; // ids 1..n, sorted by the adapter
                    assertEquals((long) id[row], f.id()[k]);
                    for (int c = 0; c < 3; c++) assertEquals(xu[3 * row + c], f.x()[3 * k + c], 0.0);
                }
            }
            assertNull(r.next());
        }
    }

    @Test
    void imageFlagsAndScaledCoordinatesAreUnwrapped() {
        String text = """
            ITEM: TIMESTEP
            7
            ITEM: NUMBER OF ATOMS
            2
            ITEM: BOX BOUNDS xy xz yz pp pp pp
            -1 11 1
            0 10 -1
            0 10 0
            ITEM: ATOMS id type xs ys zs ix iy iz
            2 2 0.5 0.5 0.5 1 0 -1
            1 1 0.25 0 0 0 2 0
            """;
        try (TrajectoryReader r = parse(text, new String[] {"Li", "S"})) {
            TrajectoryFrame f = r.next();
            assertTrue(f.unwrapped());
            assertArrayEquals(new long[] {1, 2}, f.id());
            assertArrayEquals(new int[] {0, 1}, f.type());
            // box: xlo 0, lx 10, xy 1, xz -1; atom 1: s = (0.25, 0, 0) + 2 b
            assertArrayEquals(new double[] {2.5 + 2, 20, 0, 5 + 0.5 - 0.5 + 10 - (-1), 5, 5 - 10}, f.x(), 1e-12);
        }
        String wrapped = text.replace("xs ys zs ix iy iz", "x y z").replace("0.5 0.5 0.5 1 0 -1", "1 2 3").replace("0.25 0 0 0 2 0", "4 5 6");
        try (TrajectoryReader r = parse(wrapped, new String[] {"Li", "S"})) {
            TrajectoryFrame f = r.next();
            assertFalse(f.unwrapped());
            assertArrayEquals(new double[] {4, 5, 6, 1, 2, 3}, f.x(), 0.0);
        }
    }

    @Test
    void elementColumnNamesSpeciesInTypeOrder() {
        String text = """
            ITEM: TIMESTEP
            0
            ITEM: NUMBER OF ATOMS
            3
            ITEM: BOX BOUNDS pp pp pp
            0 5
            0 5
            0 5
            ITEM: ATOMS id type element xu yu zu
            1 2 S 0 0 0
            2 1 Li 1 1 1
            3 2 S 2 2 2
            """;
        try (TrajectoryReader r = parse(text, null)) {
            TrajectoryFrame f = r.next();
            assertEquals("Li,S", f.species().toString());
            assertArrayEquals(new int[] {1, 0, 1}, f.type());
        }
        try (TrajectoryReader r = parse(text, new String[] {"S", "Li"})) {
            assertArrayEquals(new int[] {0, 1, 0}, r.next().type());
        }
    }

    @Test
    void malformedInputNamesLineAndProblem() {
        String head = "ITEM: TIMESTEP\n0\nITEM: NUMBER OF ATOMS\n2\nITEM: BOX BOUNDS pp pp pp\n0 5\n0 5\n0 5\n";
        assertError(head + "ITEM: ATOMS id type x y z\n1 1 0 0 0\n", 11, "end of file");
        assertError(head + "ITEM: ATOMS id type x y z\n1 1 0 0 0\n1 1 1 1 1\n", 11, "twice");
        assertError(head + "ITEM: ATOMS id type x y z\n1 1 0 0 0\n2 1.5 1 1 1\n", 11, "atom type");
        assertError(head + "ITEM: ATOMS id type vx vy vz\n1 1 0 0 0\n2 1 1 1 1\n", 11, "no positions");
        assertError(head + "ITEM: ATOMS type x y z\n1 0 0 0\n1 1 1 1\n", 11, "'id'");
        assertError(head + "ITEM: ATOMS id type x y z\n1 1 0 0 0\n2 3 1 1 1\n", 11, "type 3");
        assertError(head.replace("0 5\n0 5\n0 5", "0 5\n5 0\n0 5") + "ITEM: ATOMS id type x y z\n", 7, "not above");
        assertError("ITEM: TIMESTEP\n0\nITEM: NUMBER OF ATOMS\n99999999999\n", 4, "out of range");
        assertError("ITEM: NUMBER OF ATOMS\n", 1, "TIMESTEP");
    }

    private static void assertError(String text, int line, String words) {
        FormatException e = assertThrows(FormatException.class, () -> {
            try (TrajectoryReader r = parse(text, new String[] {"Li", "S"})) {
                while (r.next() != null) {
                    // read to the end
                }
            }
        });
        assertEquals("test.dump", e.source());
        assertEquals(line, e.line(), e.getMessage());
        assertTrue(e.getMessage().contains(words), e.getMessage());
    }
}
