package io.ionstream.engine.structure;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ionstream.engine.system.AtomSystem;
import io.ionstream.engine.system.Elements;
import io.ionstream.engine.units.MetalUnits;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The Li6PS5X cell from Wyckoff positions: composition, charge, coordination, supercells, Li split sites. */
class ArgyroditeTest {

    @ParameterizedTest
    @EnumSource(Halide.class)
    void conventionalCellHasFourNeutralFormulaUnits(Halide h) {
        BuiltStructure b = ArgyroditeBuilder.build(ArgyroditeBuilder.Options.defaults(h));
        AtomSystem sys = b.system();
        assertEquals(52, sys.size());
        assertEquals(Map.of("Li", 24, "P", 4, "S", 20, h.symbol(), 4), b.report().composition());
        assertEquals(4, b.report().formulaUnits());
        assertEquals(0, b.report().totalFormalCharge());
        assertEquals(h.defaultLattice(), sys.box().lx(), 0);
        // density from the formula mass and the cell volume, independently of the report's code path
        double fu = 6 * Elements.mass("Li") + Elements.mass("P") + 5 * Elements.mass("S") + Elements.mass(h.symbol());
        assertEquals(4 * fu / Math.pow(h.defaultLattice(), 3) * MetalUnits.MV2D, b.report().density(), 1e-12);
    }

    @Test
    void wyckoffSitesOfTheCell() {
        Crystal c = Argyrodite.crystal(ArgyroditeParameters.defaults(Halide.CL));
        Map<String, Long> bySite = c.sites().stream().collect(java.util.stream.Collectors.groupingBy(
            s -> s.species() + " " + s.wyckoff(), java.util.stream.Collectors.counting()));
        assertEquals(Map.of("Cl 4a", 4L, "S 4c", 4L, "P 4b", 4L, "S 16e", 16L, "Li 24g", 24L), bySite);
        Crystal split = Argyrodite.crystal(ArgyroditeParameters.defaults(Halide.CL).withLithium(LithiumSites.H48));
        long pairs = split.sites().stream().filter(CrystalSite::isSplit).count();
        assertEquals(24, pairs, "24 Li sites, each a pair of 48h positions");
        assertEquals(48, split.sites().stream().filter(CrystalSite::isSplit).mapToInt(s -> s.alternatives().length).sum());
    }

    /** PS4 tetrahedra: 4 S at distance √3·|x − ½|·a from each P; Li cages: 6 Li around each 4c S; fcc Cl and P. */
    @Test
    void coordinationFollowsFromTheSiteParameters() {
        ArgyroditeParameters p = ArgyroditeParameters.defaults(Halide.CL);
        AtomSystem sys = ArgyroditeBuilder.build(ArgyroditeBuilder.Options.defaults(Halide.CL).withSupercell(2, 2, 2)).system();
        double a = p.lattice(), ps = Math.sqrt(3) * Math.abs(p.sulfur16eX() - 0.5) * a;
        for (int i : Structures.ofSpecies(sys, "P")) {
            assertEquals(4, Structures.neighbours(sys, i, "S", ps + 1e-6));
            assertEquals(0, Structures.neighbours(sys, i, "S", ps - 1e-6));
        }
        double liS = (0.25 - p.lithium24gX()) * a; // 24g (x,¼,¼) to 4c (¼,¼,¼)
        int cages = 0;
        for (int i : Structures.ofSpecies(sys, "S")) {
            int li = Structures.neighbours(sys, i, "Li", liS + 1e-6);
            if (li > 0) { assertEquals(6, li); cages++; }
        }
        assertEquals(32, cages, "one cage per 4c S in a 2×2×2 supercell");
        for (String s : new String[] {"Cl", "P"}) {
            for (int i : Structures.ofSpecies(sys, s)) assertEquals(12, Structures.neighbours(sys, i, s, a / Math.sqrt(2) + 1e-6), s + " fcc");
        }
    }

    @Test
    void supercellsRepeatTheCell() {
        BuiltStructure one = ArgyroditeBuilder.build(ArgyroditeBuilder.Options.defaults(Halide.BR));
        BuiltStructure big = ArgyroditeBuilder.build(ArgyroditeBuilder.Options.defaults(Halide.BR).withSupercell(2, 3, 1));
        assertEquals(52 * 6, big.system().size());
        assertEquals(2 * Halide.BR.defaultLattice(), big.system().box().lx(), 1e-12);
        assertEquals(3 * Halide.BR.defaultLattice(), big.system().box().ly(), 1e-12);
        assertEquals(one.report().density(), big.report().density(), 1e-12);
        assertEquals(one.report().minDistance(), big.report().minDistance(), 1e-9);
        assertEquals(24, big.report().formulaUnits());
    }

    @Test
    void splitLithiumKeeps24PerCellOnePerPairAndIsSeeded() {
        ArgyroditeParameters p = ArgyroditeParameters.defaults(Halide.CL).withLithium(LithiumSites.H48);
        var o = ArgyroditeBuilder.Options.defaults(Halide.CL).withParameters(p).withSupercell(3, 3, 3).withSeed(11);
        AtomSystem a = ArgyroditeBuilder.build(o).system(), b = ArgyroditeBuilder.build(o).system();
        AtomSystem c = ArgyroditeBuilder.build(o.withSeed(12)).system();
        assertEquals(24 * 27, Structures.ofSpecies(a, "Li").size());
        assertArrayEquals(java.util.Arrays.copyOf(a.x(), 3 * a.size()), java.util.Arrays.copyOf(b.x(), 3 * b.size()), "same seed, same structure");
        assertNotEquals(Structures.atomSet(a, "Li"), Structures.atomSet(c, "Li"), "another seed, another Li arrangement");
        // every 24g centre keeps exactly one Li within half the pair distance
        Crystal g24 = Argyrodite.crystal(ArgyroditeParameters.defaults(Halide.CL));
        AtomSystem centres = CrystalBuilder.supercell(g24, 3, 3, 3).system();
        double half = Math.sqrt(2) * (0.25 - p.lithium48hX()) * p.lattice() + 1e-6;
        for (int i : Structures.ofSpecies(centres, "Li")) {
            int near = 0;
            for (int j : Structures.ofSpecies(a, "Li")) {
                double[] d = {a.x()[3 * j] - centres.x()[3 * i], a.x()[3 * j + 1] - centres.x()[3 * i + 1], a.x()[3 * j + 2] - centres.x()[3 * i + 2]};
                a.box().minimumImage(d, 0);
                if (Math.sqrt(d[0] * d[0] + d[1] * d[1] + d[2] * d[2]) < half) near++;
            }
            assertEquals(1, near, "24g centre " + i);
        }
        assertTrue(ArgyroditeBuilder.build(o).report().minDistanceByPair().get("Li-Li") >= ArgyroditeBuilder.MIN_LI_LI);
    }

    @Test
    void specialPositionsAreRejectedNamingTheSite() {
        var bad = new ArgyroditeParameters(Halide.CL, 10.25, 0.5, LithiumSites.G24, 0.024, 0.204, 0.024);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Argyrodite.crystal(bad));
        assertTrue(e.getMessage().contains("16e") && e.getMessage().contains("special position"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ArgyroditeParameters.defaults(Halide.CL).withLattice(-1));
        assertThrows(IllegalArgumentException.class, () -> ArgyroditeBuilder.build(ArgyroditeBuilder.Options.defaults(Halide.CL).withSupercell(0, 1, 1)));
    }
}
