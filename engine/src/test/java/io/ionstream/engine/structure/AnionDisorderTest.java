package io.ionstream.engine.structure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.ionstream.engine.system.AtomSystem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Anion (X/S) site disorder: random fractions, Kim et al.'s configurations and their symmetry, the random structure. */
class AnionDisorderTest {
    private static final double A = Halide.CL.defaultLattice();

    private static BuiltStructure build(int n, AnionDisorderSpec spec, long seed) {
        return ArgyroditeBuilder.build(ArgyroditeBuilder.Options.defaults(Halide.CL).withSupercell(n, n, n).withDisorder(spec).withSeed(seed));
    }

    @Test
    void halfDisorderedSupercellSwapsExactlyHalfAndIsSeeded() {
        BuiltStructure a = build(4, new AnionDisorderSpec.RandomFraction(0.5), 9);
        assertEquals(0.5, (double) a.report().details().get("X on 4c"), 0);
        assertEquals(Map.of("Li", 1536, "P", 256, "S", 1280, "Cl", 256), a.report().composition());
        assertEquals(0, a.report().totalFormalCharge());
        assertEquals(128, xOn4c(a.system()).stream().filter(b -> b).count(), "measured on the atoms: Cl at 4c positions");
        assertEquals(Structures.atomSet(a.system(), "Cl"), Structures.atomSet(build(4, new AnionDisorderSpec.RandomFraction(0.5), 9).system(), "Cl"));
        assertNotEquals(Structures.atomSet(a.system(), "Cl"), Structures.atomSet(build(4, new AnionDisorderSpec.RandomFraction(0.5), 10).system(), "Cl"));
    }

    @Test
    void fractionsRoundToWholeSwaps() {
        assertEquals(0.25, (double) build(1, new AnionDisorderSpec.RandomFraction(0.3), 1).report().details().get("X on 4c"), 0);
        assertEquals(1.0, (double) build(2, new AnionDisorderSpec.RandomFraction(1.0), 1).report().details().get("X on 4c"), 0);
        assertThrows(IllegalArgumentException.class, () -> new AnionDisorderSpec.RandomFraction(1.5));
    }

    @ParameterizedTest
    @EnumSource(AnionConfiguration.class)
    void kimConfigurationsHaveTheirFraction(AnionConfiguration c) {
        BuiltStructure b = build(2, new AnionDisorderSpec.Uniform(c), 1);
        long x4c = xOn4c(b.system()).stream().filter(v -> v).count();
        assertEquals(c.fraction() * 32, x4c, c.label());
        assertEquals(32, b.report().formulaUnits());
        assertEquals(0, b.report().totalFormalCharge());
    }

    /**
     * The space-group claims, checked on the built atoms: which of the 96 F-43m operations (modulo
     * the cubic lattice, all that a configuration can keep) map the whole 52-atom cell onto
     * itself. Their distinct rotation parts form the point group; kept / distinct is the number of
     * lattice translations left inside the conventional cell; for operations of order 2 the
     * intrinsic translation tells a 2-fold from a 2₁ screw and a mirror from a glide.
     *
     * <p>Finding: Kim et al.'s "P2₁2₁2" configuration has point group 222 as stated, but one
     * screw axis and two pure 2-folds, i.e. space group P222₁ (No. 17), not P2₁2₁2 (No. 18).
     * Only two 50 % classes exist in one cell (24 and 12 of the 36 ways to pick two 4a and two 4c
     * sites), so it cannot be another choice of sites; the label in the seed is presumably loose.
     * The "P2mm" class keeps the translation ½⟨110⟩ of its swapped pairs (a half-size cell).
     */
    @ParameterizedTest
    @EnumSource(AnionConfiguration.class)
    void kimConfigurationsHaveTheStatedSymmetry(AnionConfiguration c) {
        AtomSystem sys = build(1, new AnionDisorderSpec.Uniform(c), 1).system();
        List<SymmetryOperation> kept = symmetry(sys);
        java.util.Set<String> rotations = new java.util.HashSet<>();
        int threeFold = 0, pure2 = 0, screw2 = 0, pureMirrors = 0, glides = 0;
        for (SymmetryOperation op : kept) {
            int[] w = op.rotation();
            int trace = w[0] + w[4] + w[8];
            if (!rotations.add(java.util.Arrays.toString(w))) continue;
            if (op.isProper() && trace == 0) threeFold++;
            if (op.isProper() && trace == -1) { if (pure(op, kept)) pure2++; else screw2++; }
            if (!op.isProper() && trace == 1) { if (pure(op, kept)) pureMirrors++; else glides++; }
        }
        int translations = kept.size() / rotations.size();
        switch (c) {
            case ORDERED, INVERTED_100 -> {
                assertEquals(24, rotations.size(), "point group -43m");
                assertEquals(4, translations, "F centring kept");
            }
            case R3M_25, R3M_75 -> {
                assertEquals(6, rotations.size(), "point group 3m");
                assertEquals(1, translations);
                assertEquals(2, threeFold);
                assertEquals(3, pureMirrors, "three mirrors, no glides (R3m, not R3c)");
            }
            case P21212_50 -> {
                assertEquals(4, rotations.size(), "point group 222");
                assertEquals(1, translations);
                assertEquals(3, pure2 + screw2, "three proper 2-fold axes, no mirrors");
                assertEquals(1, screw2, "one 2_1 screw: P222_1");
                assertEquals(2, pure2);
            }
            case P2MM_50 -> {
                assertEquals(4, rotations.size(), "point group mm2");
                assertEquals(2, translations, "the swapped pairs' translation 1/2<110> is kept");
                assertEquals(1, pure2, "one 2-fold axis");
                assertEquals(2, pureMirrors, "two mirrors, no glides");
                assertEquals(0, glides);
            }
        }
    }

    /** Cell counts follow the weights exactly (27 cells), each cell identified by its own symmetry and fraction. */
    @Test
    void randomStructureDrawsCellsByWeight() {
        double[] weights = {3, 6, 6, 4, 5, 3};
        AtomSystem sys = build(3, new AnionDisorderSpec.Mixed(weights), 21).system();
        int[] found = new int[6];
        for (int k = 0; k < 3; k++) for (int j = 0; j < 3; j++) for (int i = 0; i < 3; i++) {
            boolean[] xa = new boolean[4], xc = new boolean[4];
            for (int s = 0; s < 4; s++) {
                double[] t = SpaceGroupF43m.F_CENTRING[s];
                xa[s] = speciesAt(sys, (i + t[0]) * A, (j + t[1]) * A, (k + t[2]) * A).equals("Cl");
                xc[s] = speciesAt(sys, (i + t[0] + 0.25) * A, (j + t[1] + 0.25) * A, (k + t[2] + 0.25) * A).equals("Cl");
            }
            found[classify(xa, xc).ordinal()]++;
        }
        assertEquals(List.of(3, 6, 6, 4, 5, 3), List.of(found[0], found[1], found[2], found[3], found[4], found[5]));
        assertThrows(IllegalArgumentException.class, () -> new AnionDisorderSpec.Mixed(new double[] {1, 2}));
    }

    private static AnionConfiguration classify(boolean[] xa, boolean[] xc) {
        int swapped = 0;
        for (boolean b : xc) if (b) swapped++;
        int kept = 0, improper = 0;
        for (SymmetryOperation op : SpaceGroupF43m.operations()) {
            boolean ok = true;
            for (int s = 0; s < 4 && ok; s++) {
                ok = xa[image(op, s, 0)] == xa[s] && xc[image(op, s, 0.25)] == xc[s];
            }
            if (ok) { kept++; if (!op.isProper()) improper++; }
        }
        AnionConfiguration c = switch (kept) {
            case 96 -> swapped == 0 ? AnionConfiguration.ORDERED : AnionConfiguration.INVERTED_100;
            case 6 -> swapped == 1 ? AnionConfiguration.R3M_25 : AnionConfiguration.R3M_75;
            case 4 -> improper == 0 ? AnionConfiguration.P21212_50 : null;
            case 8 -> improper == 4 ? AnionConfiguration.P2MM_50 : null;
            default -> null;
        };
        if (c == null) throw new AssertionError("cell with " + kept + " symmetry operations, " + improper + " improper");
        return c;
    }

    private static int image(SymmetryOperation op, int s, double off) {
        double[] t = SpaceGroupF43m.F_CENTRING[s];
        double[] p = op.apply(new double[] {t[0] + off, t[1] + off, t[2] + off});
        for (int k = 0; k < 4; k++) {
            double[] q = SpaceGroupF43m.F_CENTRING[k];
            if (WyckoffExpander.samePosition(p, new double[] {q[0] + off, q[1] + off, q[2] + off}, 1e-9)) return k;
        }
        throw new AssertionError("not a site");
    }

    private static List<Boolean> xOn4c(AtomSystem sys) {
        List<Boolean> out = new ArrayList<>();
        int nx = (int) Math.round(sys.box().lx() / A);
        for (int k = 0; k < nx; k++) for (int j = 0; j < nx; j++) for (int i = 0; i < nx; i++) {
            for (double[] t : SpaceGroupF43m.F_CENTRING) {
                out.add(speciesAt(sys, (i + t[0] + 0.25) * A, (j + t[1] + 0.25) * A, (k + t[2] + 0.25) * A).equals("Cl"));
            }
        }
        return out;
    }

    private static String speciesAt(AtomSystem sys, double x, double y, double z) {
        for (int i = 0; i < sys.size(); i++) {
            double[] d = {sys.x()[3 * i] - x, sys.x()[3 * i + 1] - y, sys.x()[3 * i + 2] - z};
            sys.box().minimumImage(d, 0);
            if (d[0] * d[0] + d[1] * d[1] + d[2] * d[2] < 1e-8) return sys.species().symbol(sys.type()[i]);
        }
        throw new AssertionError("no atom at " + x + " " + y + " " + z);
    }

    /** Operations of F-43m (with its centring) that map every atom onto an atom of the same species, modulo the cell. */
    private static List<SymmetryOperation> symmetry(AtomSystem sys) {
        int n = sys.size();
        double[][] f = new double[n][3];
        for (int i = 0; i < n; i++) sys.box().toFractional(sys.x()[3 * i], sys.x()[3 * i + 1], sys.x()[3 * i + 2], f[i], 0);
        List<SymmetryOperation> kept = new ArrayList<>();
        for (SymmetryOperation op : SpaceGroupF43m.operations()) {
            boolean ok = true;
            for (int i = 0; i < n && ok; i++) {
                double[] img = op.apply(f[i]);
                boolean found = false;
                for (int j = 0; j < n && !found; j++) {
                    found = sys.type()[j] == sys.type()[i] && WyckoffExpander.samePosition(img, f[j], 1e-6);
                }
                ok = found;
            }
            if (ok) kept.add(op);
        }
        return kept;
    }

    /**
     * Whether an order-2 operation (or another kept one with the same rotation part) has no
     * intrinsic translation: (W v + v)/2 = 0 for its translation v = w + L with some lattice
     * vector L. Translations differ by lattice vectors and kept centring translations, so the
     * rotation part's best representative decides.
     */
    private static boolean pure(SymmetryOperation op, List<SymmetryOperation> kept) {
        for (SymmetryOperation o : kept) {
            if (!java.util.Arrays.equals(o.rotation(), op.rotation())) continue;
            int[] w = o.rotation();
            double[] t = o.translation();
            for (int a = -2; a <= 2; a++) for (int b = -2; b <= 2; b++) for (int c = -2; c <= 2; c++) {
                double[] v = {t[0] + a, t[1] + b, t[2] + c};
                boolean zero = true;
                for (int r = 0; r < 3 && zero; r++) zero = Math.abs(w[3 * r] * v[0] + w[3 * r + 1] * v[1] + w[3 * r + 2] * v[2] + v[r]) < 1e-9;
                if (zero) return true;
            }
        }
        return false;
    }
}
