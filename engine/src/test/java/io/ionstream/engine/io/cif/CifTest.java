package io.ionstream.engine.io.cif;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ionstream.engine.io.FormatException;
import io.ionstream.engine.io.StructureFiles;
import io.ionstream.engine.system.AtomSystem;
import io.ionstream.engine.system.Box;
import java.io.BufferedReader;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CifTest {
    @TempDir
    Path dir;

    private static AtomSystem parse(String text) {
        return CifReader.read(new BufferedReader(new StringReader(text)), "test.cif", null, CifReader.DEFAULT_TOLERANCE);
    }

    /**
     * The 192 operations of Fm-3m written out as CIF text: the 48 signed permutations of x, y, z
     * (the point group m-3m) combined with the four face-centring translations.
     */
    static List<String> fm3mOperations() {
        int[][] perms = {{0, 1, 2}, {0, 2, 1}, {1, 0, 2}, {1, 2, 0}, {2, 0, 1}, {2, 1, 0}};
        String[][] centring = {{"", "", ""}, {"", "+1/2", "+1/2"}, {"+1/2", "", "+1/2"}, {"+1/2", "+1/2", ""}};
        List<String> ops = new ArrayList<>();
        for (String[] t : centring) {
            for (int[] p : perms) {
                for (int signs = 0; signs < 8; signs++) {
                    StringBuilder sb = new StringBuilder();
                    for (int d = 0; d < 3; d++) {
                        if (d > 0) sb.append(", ");
                        sb.append((signs >> d & 1) == 1 ? "-" : "").append("xyz".charAt(p[d])).append(t[d]);
                    }
                    ops.add(sb.toString());
                }
            }
        }
        return ops;
    }

    static String cubicCif(double a, String sites) {
        StringBuilder sb = new StringBuilder("data_test\n_symmetry_space_group_name_H-M 'F m -3 m'\n");
        sb.append("_cell_length_a ").append(a).append("\n_cell_length_b ").append(a).append("\n_cell_length_c ").append(a)
            .append("\n_cell_angle_alpha 90\n_cell_angle_beta 90\n_cell_angle_gamma 90\n");
        sb.append("loop_\n_space_group_symop_operation_xyz\n");
        for (String op : fm3mOperations()) sb.append("'").append(op).append("'\n");
        sb.append("loop_\n_atom_site_label\n_atom_site_type_symbol\n_atom_site_fract_x\n_atom_site_fract_y\n_atom_site_fract_z\n_atom_site_occupancy\n");
        return sb.append(sites).toString();
    }

    @Test
    void rockSaltLiClHasFourFormulaUnitsOnTheFccSites() throws Exception {
        double a = 5.14;
        Path file = dir.resolve("LiCl.cif");
        Files.writeString(file, cubicCif(a, "Li1 Li1+ 0 0 0 1\nCl1 Cl1- 0.5 0.5 0.5 1.0(0)\n"));
        AtomSystem sys = StructureFiles.read(file);
        assertEquals("Li4 Cl4", sys.formula());
        Box b = sys.box();
        assertTrue(b.isOrthorhombic());
        assertEquals(a, b.lx(), 0.0);
        double[][] fcc = {{0, 0, 0}, {0, 0.5, 0.5}, {0.5, 0, 0.5}, {0.5, 0.5, 0}};
        for (int t = 0; t < 2; t++) {
            List<double[]> got = fractional(sys, t);
            for (double[] f : fcc) {
                double[] want = t == 0 ? f : new double[] {(f[0] + 0.5) % 1, (f[1] + 0.5) % 1, (f[2] + 0.5) % 1};
                assertTrue(got.stream().anyMatch(g -> close(g, want)), "missing " + sys.species().symbol(t) + " at " + java.util.Arrays.toString(want));
            }
        }
    }

    @Test
    void antifluoriteLi2SHasEightLiInTetrahedralSites() {
        double a = 5.69;
        AtomSystem sys = parse(cubicCif(a, "S1 S2- 0 0 0 1\nLi1 Li1+ 0.25 0.25 0.25 1\n"));
        assertEquals("S4 Li8", sys.formula());
        // every Li has four S at a·√3/4, every S eight Li
        int[] sNeighbours = new int[sys.size()];
        for (int i = 0; i < sys.size(); i++) {
            if (sys.type()[i] != 1) continue;
            int near = 0;
            for (int j = 0; j < sys.size(); j++) {
                if (sys.type()[j] != 0) continue;
                double[] d = {sys.x()[3 * j] - sys.x()[3 * i], sys.x()[3 * j + 1] - sys.x()[3 * i + 1], sys.x()[3 * j + 2] - sys.x()[3 * i + 2]};
                sys.box().minimumImage(d, 0);
                double r = Math.sqrt(d[0] * d[0] + d[1] * d[1] + d[2] * d[2]);
                if (Math.abs(r - a * Math.sqrt(3) / 4) < 1e-9) {
                    near++;
                    sNeighbours[j]++;
                }
            }
            assertEquals(4, near, "S neighbours of Li " + i);
        }
        for (int j = 0; j < sys.size(); j++) if (sys.type()[j] == 0) assertEquals(8, sNeighbours[j]);
    }

    /** A monoclinic P 21/c crystal typed by hand, with the CIF syntax real files use. */
    @Test
    void monoclinicExampleWithSpecialPositionAndCifSyntax() {
        String text = """
            # written by hand for this test
            data_global
            _journal_name_full 'none'
            data_example
            _chemical_name_common 'made up; for testing'
            _publ_section_comment
            ;
            A text field: loop_ and _tags inside it are text.
            ;
            _cell_length_a    5.0000(2)
            _cell_length_b    6.0000
            _cell_length_c    7.0000(10)
            _cell_angle_alpha 90
            _cell_angle_beta  100.0
            _cell_angle_gamma 90
            _symmetry_space_group_name_H-M   'P 1 21/c 1'
            loop_
              _symmetry_equiv_pos_site_id
              _symmetry_equiv_pos_as_xyz
              1 x,y,z
              2 -x,y+1/2,-z+1/2
              3 -x,-y,-z
              4 "x, -y+1/2, z+1/2"
            loop_
              _atom_site_label
              _atom_site_fract_x
              _atom_site_fract_y
              _atom_site_fract_z
              _atom_site_occupancy
              Li1 0.1000(3) 0.2000 0.3000 1
              S1  0 0 0 ?
            """;
        AtomSystem sys = parse(text);
        assertEquals("Li4 S2", sys.formula());
        List<double[]> li = fractional(sys, 0);
        double[][] want = {{0.1, 0.2, 0.3}, {0.9, 0.7, 0.2}, {0.9, 0.8, 0.7}, {0.1, 0.3, 0.8}};
        for (double[] w : want) assertTrue(li.stream().anyMatch(g -> close(g, w)), "missing Li at " + java.util.Arrays.toString(w));
        List<double[]> s = fractional(sys, 1);
        assertTrue(s.stream().anyMatch(g -> close(g, new double[] {0, 0.5, 0.5})));
        Box b = sys.box();
        assertEquals(7 * Math.cos(Math.toRadians(100)), b.xz(), 1e-12);
        assertEquals(5 * 6 * 7 * Math.sin(Math.toRadians(100)), b.volume(), 1e-9);
    }

    @Test
    void operationsParseInEveryCommonSpelling() {
        SymmetryOperation op = SymmetryOperation.parse("1/2+x, -y+0.25 ,z-x");
        assertArrayEquals(new int[] {1, 0, 0, 0, -1, 0, -1, 0, 1}, op.rotation());
        assertArrayEquals(new double[] {0.5, 0.25, 0}, op.translation(), 0.0);
        assertArrayEquals(new double[] {0, 0, 0.5}, SymmetryOperation.parse("x,y,z-1/2").translation(), 0.0);
        assertThrows(IllegalArgumentException.class, () -> SymmetryOperation.parse("x,y"));
        assertThrows(IllegalArgumentException.class, () -> SymmetryOperation.parse("x,x,z"));
        assertThrows(IllegalArgumentException.class, () -> SymmetryOperation.parse("x,y,w"));
        assertThrows(IllegalArgumentException.class, () -> SymmetryOperation.parse("x,y,z+1/0"));
    }

    @Test
    void refusesWhatItCannotReadFaithfully() {
        String cell = "data_x\n_cell_length_a 4\n_cell_length_b 4\n_cell_length_c 4\n_cell_angle_alpha 90\n_cell_angle_beta 90\n_cell_angle_gamma 90\n";
        String sites = "loop_\n_atom_site_label\n_atom_site_fract_x\n_atom_site_fract_y\n_atom_site_fract_z\n_atom_site_occupancy\n";
        assertError(cell + "_symmetry_space_group_name_H-M 'P 1'\n" + sites + "Li1 0 0 0 0.5\n", 15, "partially occupied");
        assertError(cell + "_symmetry_space_group_name_H-M 'F m -3 m'\n" + sites + "Li1 0 0 0 1\n", 8, "by name");
        assertError(cell + sites + "Li1 0 0 0 1\n", 1, "no space group");
        assertError(cell + "loop_\n_symmetry_equiv_pos_as_xyz\nx,y,z\n-x,-y,-z\n" + sites + "Li1 0 0 0 1\nCl1 0 0 0.0001 1\n", 19,
            "falls on an atom");
        assertError(cell + "loop_\n_symmetry_equiv_pos_as_xyz\nx,y,z\n-x,y\n" + sites + "Li1 0 0 0 1\n", 11, "three");
        assertError(cell.replace("_cell_angle_beta 90", "_cell_angle_beta 190") + "_symmetry_space_group_name_H-M P1\n" + sites + "Li1 0 0 0 1\n", 6, "(0, 180)");
        assertError(cell + "_symmetry_space_group_name_H-M 'P 1'\n" + sites + "Li1 0 0 ?\n", 10, "not a whole number");
        assertError(cell + "_symmetry_space_group_name_H-M 'P 1'\n" + sites + "Li1 0 0 ? 1\n", 15, "unknown");
        assertError(cell + "_cell_length_a 5\n", 8, "twice");
        assertError("data_x\n_a 'unclosed\n", 2, "not closed");
        assertError("data_x\n_a\n;\ntext\n", 3, "never closed");
        assertError("_a 1\n", 1, "before the first data_");
        assertError(cell, 0, "no data block");
        // P 1 without operations is accepted
        AtomSystem p1 = parse(cell + "_symmetry_space_group_name_H-M 'P 1'\n" + sites + "Li1 0 0 0 1\nCl1 0.5 0.5 0.5 1\n");
        assertEquals("Li1 Cl1", p1.formula());
    }

    private static void assertError(String text, int line, String words) {
        FormatException e = assertThrows(FormatException.class, () -> parse(text));
        assertEquals("test.cif", e.source());
        assertEquals(line, e.line(), e.getMessage());
        assertTrue(e.getMessage().contains(words), e.getMessage());
    }

    private static List<double[]> fractional(AtomSystem sys, int type) {
        List<double[]> out = new ArrayList<>();
        for (int i = 0; i < sys.size(); i++) {
            if (sys.type()[i] != type) continue;
            double[] s = new double[3];
            sys.box().toFractional(sys.x()[3 * i], sys.x()[3 * i + 1], sys.x()[3 * i + 2], s, 0);
            out.add(s);
        }
        return out;
    }

    private static boolean close(double[] a, double[] b) {
        for (int d = 0; d < 3; d++) {
            double x = a[d] - b[d];
            if (Math.abs(x - Math.rint(x)) > 1e-9) return false;
        }
        return true;
    }
}
