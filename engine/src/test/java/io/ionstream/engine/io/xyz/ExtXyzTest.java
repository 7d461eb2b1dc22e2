package io.ionstream.engine.io.xyz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ionstream.engine.io.FormatException;
import io.ionstream.engine.io.StructureFiles;
import io.ionstream.engine.io.TestSystems;
import io.ionstream.engine.io.TrajectoryFiles;
import io.ionstream.engine.io.TrajectoryFrame;
import io.ionstream.engine.io.TrajectoryReader;
import io.ionstream.engine.system.AtomSystem;
import io.ionstream.engine.system.Box;
import io.ionstream.engine.system.SpeciesTable;
import io.ionstream.engine.units.MetalUnits;
import java.io.BufferedReader;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExtXyzTest {
    @TempDir
    Path dir;

    private static ExtXyzFrame parse(String text, String[] species) {
        try (ExtXyzReader r = new ExtXyzReader(new BufferedReader(new StringReader(text)), "test.xyz", species)) {
            return r.nextFrame();
        }
    }

    @Test
    void roundTripKeepsEveryFieldBitForBit() {
        for (Box box : new Box[] {TestSystems.triclinic(), TestSystems.orthorhombic(), new Box(-3.5, 1.25, 0.5, 9, 8, 7, 0.5, 0, -0.25)}) {
            AtomSystem sys = TestSystems.random(11, box, SpeciesTable.of("Li", "P", "S", "Cl"), 40);
            Map<String, String> info = new LinkedHashMap<>();
            info.put("energy", "-123.456");
            info.put("stress", "1 2 3 2 5 6 3 6 9");
            info.put("config_type", "two words \"quoted\"");
            Path file = dir.resolve("rt.extxyz");
            ExtXyzWriter.write(sys, info, file);

            ExtXyzFrame f = ExtXyzReader.readSingle(file, null);
            AtomSystem back = f.system();
            TestSystems.assertSameBox(box, back.box());
            TestSystems.assertSameAtoms(sys, back);
            int n = sys.size();
            assertArrayEquals(TestSystems.first(sys.v(), 3 * n), TestSystems.first(back.v(), 3 * n), 0.0, "velocities");
            assertArrayEquals(TestSystems.first(sys.f(), 3 * n), TestSystems.first(back.f(), 3 * n), 0.0, "forces");
            assertArrayEquals(TestSystems.first(sys.q(), n), TestSystems.first(back.q(), n), 0.0, "charges");
            assertArrayEquals(TestSystems.first(sys.image(), 3 * n), TestSystems.first(back.image(), 3 * n), "image flags");
            assertEquals(info, f.info());
            assertEquals(-123.456, f.energy());
            assertArrayEquals(new double[] {1, 2, 3, 2, 5, 6, 3, 6, 9}, f.stress(), 0.0);
            assertTrue(f.fullyPeriodic());
        }
    }

    @Test
    void nonStandardMassesAndPlainIdsRoundTrip() {
        SpeciesTable sp = new SpeciesTable(new String[] {"Li", "X"}, new double[] {7.016, 12.5});
        AtomSystem sys = new AtomSystem(sp, TestSystems.orthorhombic(), 3);
        sys.add(1, 1, 2, 3);
        sys.add(0, 4, 5, 6);
        sys.add(1, 7, 8, 9);
        Path file = dir.resolve("m.xyz");
        StructureFiles.write(sys, file);
        AtomSystem back = StructureFiles.read(file);
        TestSystems.assertSameAtoms(sys, back);
    }

    /** An ASE-style file whose cell is rotated away from the LAMMPS orientation. */
    @Test
    void arbitraryOrientationIsRotatedIntoTheLammpsFrame() {
        Box box = TestSystems.triclinic();
        AtomSystem sys = TestSystems.random(5, box, SpeciesTable.of("Li", "S"), 12);
        double[] rot = rotation(0.3, -1.1, 2.2);
        double[][] lat = box.latticeVectors();
        StringBuilder sb = new StringBuilder();
        sb.append(sys.size()).append('\n').append("Lattice=\"");
        for (double[] v : lat) {
            double[] w = apply(rot, v[0], v[1], v[2]);
            sb.append(String.format(Locale.ROOT, "%.17g %.17g %.17g ", w[0], w[1], w[2]));
        }
        double[] stress = {1.5, 0.2, -0.3, 0.2, -2.0, 0.7, -0.3, 0.7, 0.4};
        double[] rs = rotateTensor(rot, stress);
        sb.append("\" Properties=species:S:1:pos:R:3:forces:R:3 energy=-7.25 stress=\"");
        for (double v : rs) sb.append(String.format(Locale.ROOT, "%.17g ", v));
        sb.append("\" pbc=\"T T T\"\n");
        for (int i = 0; i < sys.size(); i++) {
            double[] p = apply(rot, sys.x()[3 * i], sys.x()[3 * i + 1], sys.x()[3 * i + 2]);
            double[] f = apply(rot, sys.f()[3 * i], sys.f()[3 * i + 1], sys.f()[3 * i + 2]);
            sb.append(sys.species().symbol(sys.type()[i]));
            for (double v : p) sb.append(String.format(Locale.ROOT, " %.17g", v));
            for (double v : f) sb.append(String.format(Locale.ROOT, " %.17g", v));
            sb.append('\n');
        }
        ExtXyzFrame frame = parse(sb.toString(), new String[] {"Li", "S"});
        AtomSystem back = frame.system();
        Box b = back.box();
        double[] expect = {box.lx(), box.ly(), box.lz(), box.xy(), box.xz(), box.yz()};
        double[] got = {b.lx(), b.ly(), b.lz(), b.xy(), b.xz(), b.yz()};
        assertArrayEquals(expect, got, 1e-12);
        for (int k = 0; k < 3 * sys.size(); k++) {
            assertEquals(sys.x()[k], back.x()[k], 1e-12, "position component " + k);
            assertEquals(sys.f()[k], back.f()[k], 1e-12, "force component " + k);
        }
        assertArrayEquals(stress, frame.stress(), 1e-12, "stress rotated back");
        assertEquals(-7.25, frame.energy());
    }

    @Test
    void aseMomentaBecomeVelocitiesWithTheSameKineticEnergy() {
        double m = 6.94, p = 0.37;
        // ASE: kinetic energy p²/2m in eV with p in ASE units
        String text = "1\nLattice=\"5 0 0 0 5 0 0 0 5\" Properties=species:S:1:pos:R:3:momenta:R:3\nLi 1 1 1 " + p + " 0 0\n";
        AtomSystem sys = parse(text, null).system();
        double keOurs = 0.5 * m * sys.v()[0] * sys.v()[0] * MetalUnits.MVV2E;
        assertEquals(p * p / (2 * m), keOurs, 1e-12);
    }

    @Test
    void typeColumnNeedsNamedSpecies() {
        String text = "2\nLattice=\"5 0 0 0 5 0 0 0 5\" Properties=type:I:1:pos:R:3\n2 1 1 1\n1 2 2 2\n";
        FormatException e = assertThrows(FormatException.class, () -> parse(text, null));
        assertTrue(e.getMessage().contains("name the species"), e.getMessage());
        AtomSystem sys = parse(text, new String[] {"Li", "S"}).system();
        assertEquals(1, sys.type()[0]);
        assertEquals(0, sys.type()[1]);
    }

    @Test
    void trajectoryFramesAreUnwrappedWithImagesAndCarryTheStep() {
        Path file = dir.resolve("traj.extxyz.gz");
        AtomSystem sys = TestSystems.random(3, TestSystems.triclinic(), SpeciesTable.of("Li", "Cl"), 10);
        AtomSystem[] frames = new AtomSystem[3];
        try (ExtXyzWriter w = ExtXyzWriter.open(file).alwaysImages()) {
            for (int s = 0; s < 3; s++) {
                frames[s] = sys.copy();
                w.write(sys, 100L * s, 0.2 * s);
                for (int k = 0; k < 3 * sys.size(); k++) sys.x()[k] += 0.7;
                sys.wrapAll();
            }
        }
        try (TrajectoryReader r = TrajectoryFiles.open(file)) {
            for (int s = 0; s < 3; s++) {
                TrajectoryFrame f = r.next();
                assertEquals(100L * s, f.step());
                assertEquals(0.2 * s, f.time());
                assertTrue(f.unwrapped());
                double[] u = new double[3];
                for (int i = 0; i < f.atoms(); i++) {
                    frames[s].unwrapped(i, u, 0);
                    assertArrayEquals(u, new double[] {f.x()[3 * i], f.x()[3 * i + 1], f.x()[3 * i + 2]}, 0.0);
                    assertEquals(frames[s].id()[i], f.id()[i]);
                }
            }
            assertNull(r.next());
        }
        FormatException e = assertThrows(FormatException.class, () -> StructureFiles.read(file));
        assertTrue(e.getMessage().contains("more than one frame"), e.getMessage());
    }

    @Test
    void nonPeriodicFilesAreReadButNotTakenAsStructures() throws Exception {
        String text = "1\nLattice=\"5 0 0 0 5 0 0 0 5\" pbc=\"T T F\"\nLi 1 1 1\n";
        ExtXyzFrame f = parse(text, null);
        assertFalse(f.fullyPeriodic());
        Path file = dir.resolve("slab.xyz");
        Files.writeString(file, text);
        FormatException e = assertThrows(FormatException.class, () -> StructureFiles.read(file));
        assertTrue(e.getMessage().contains("pbc"), e.getMessage());
    }

    @Test
    void malformedInputNamesLineAndProblem() {
        assertError("1\nProperties=species:S:1:pos:R:3\nLi 0 0 0\n", 2, "Lattice");
        assertError("2\nLattice=\"5 0 0 0 5 0 0 0 5\"\nLi 0 0 0\nLi 0 0\n", 4, "fields");
        assertError("1\nLattice=\"5 0 0 0 5 0 0 0 5\ncomment\nLi 0 0 0\n", 2, "unterminated");
        assertError("1\nLattice=\"5 0 0 0 5 0 0 0 5\" a=1 A=2\nLi 0 0 0\n", 2, "twice");
        assertError("1\nLattice=\"5 0 0 0 5 0 0 0 5\" Properties=species:S:1:pos:Q:3\nLi 0 0 0\n", 2, "type");
        assertError("1\nLattice=\"5 0 0 0 5 0 0\"\nLi 0 0 0\n", 2, "9 numbers");
        assertError("1\nLattice=\"5 0 0 0 5 0 0 0 -5\"\nLi 0 0 0\n", 2, "right-handed");
        assertError("x\n", 1, "number of atoms");
        assertError("3\nLattice=\"5 0 0 0 5 0 0 0 5\"\nLi 0 0 0\n", 4, "end of file");
        assertError("1\nLattice=\"5 0 0 0 5 0 0 0 5\"\nLi 0 NaN 0\n", 3, "finite");
        assertError("1\nLattice=\"5 0 0 0 5 0 0 0 5\"\nLi 0 inf 0\n", 3, "not a number");
        FormatException e = assertThrows(FormatException.class,
            () -> parse("1\nLattice=\"5 0 0 0 5 0 0 0 5\"\nNa 0 0 0\n", new String[] {"Li", "Cl"}));
        assertEquals(3, e.line());
    }

    private static void assertError(String text, int line, String words) {
        FormatException e = assertThrows(FormatException.class, () -> parse(text, null));
        assertEquals("test.xyz", e.source());
        assertEquals(line, e.line(), e.getMessage());
        assertTrue(e.getMessage().contains(words), e.getMessage());
    }

    static double[] rotation(double a, double b, double c) {
        double[] rz = {Math.cos(a), -Math.sin(a), 0, Math.sin(a), Math.cos(a), 0, 0, 0, 1};
        double[] ry = {Math.cos(b), 0, Math.sin(b), 0, 1, 0, -Math.sin(b), 0, Math.cos(b)};
        double[] rx = {1, 0, 0, 0, Math.cos(c), -Math.sin(c), 0, Math.sin(c), Math.cos(c)};
        return mul(rz, mul(ry, rx));
    }

    static double[] mul(double[] a, double[] b) {
        double[] o = new double[9];
        for (int i = 0; i < 3; i++) for (int j = 0; j < 3; j++) for (int k = 0; k < 3; k++) o[3 * i + j] += a[3 * i + k] * b[3 * k + j];
        return o;
    }

    static double[] apply(double[] r, double x, double y, double z) {
        return new double[] {r[0] * x + r[1] * y + r[2] * z, r[3] * x + r[4] * y + r[5] * z, r[6] * x + r[7] * y + r[8] * z};
    }

    static double[] rotateTensor(double[] r, double[] t) {
        double[] rt = {r[0], r[3], r[6], r[1], r[4], r[7], r[2], r[5], r[8]};
        return mul(mul(r, t), rt);
    }
}
