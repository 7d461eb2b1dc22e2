package io.ionstream.engine.structure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ionstream.engine.system.AtomSystem;
import io.ionstream.engine.system.Elements;
import io.ionstream.engine.units.MetalUnits;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** bcc Li, Li2S, LiCl and Li3P: composition, charge, nearest-neighbour shells from the lattice parameters, density. */
class ReferenceCrystalsTest {

    @Test
    void bccLithium() {
        double a = ReferenceCrystals.LI_BCC_A;
        BuiltStructure b = CrystalBuilder.supercell(ReferenceCrystals.bccLithium(a), 3, 3, 3);
        assertEquals(54, b.system().size());
        assertEquals(0, b.report().totalFormalCharge());
        for (int i = 0; i < b.system().size(); i++) assertEquals(8, Structures.neighbours(b.system(), i, "Li", a * Math.sqrt(3) / 2 + 1e-6));
        assertEquals(a * Math.sqrt(3) / 2, b.report().minDistance(), 1e-9);
        assertEquals(2 * Elements.mass("Li") / (a * a * a) * MetalUnits.MV2D, b.report().density(), 1e-12);
    }

    @Test
    void antifluoriteLithiumSulfide() {
        double a = ReferenceCrystals.LI2S_A;
        BuiltStructure b = CrystalBuilder.supercell(ReferenceCrystals.lithiumSulfide(a), 2, 2, 2);
        AtomSystem sys = b.system();
        assertEquals(Map.of("Li", 64, "S", 32), b.report().composition());
        assertEquals(0, b.report().totalFormalCharge());
        double d = a * Math.sqrt(3) / 4;
        for (int i : Structures.ofSpecies(sys, "Li")) assertEquals(4, Structures.neighbours(sys, i, "S", d + 1e-6));
        for (int i : Structures.ofSpecies(sys, "S")) assertEquals(8, Structures.neighbours(sys, i, "Li", d + 1e-6));
        assertEquals(d, b.report().minDistanceByPair().get("Li-S"), 1e-9);
    }

    @Test
    void rockSaltLithiumChloride() {
        double a = ReferenceCrystals.LICL_A;
        BuiltStructure b = CrystalBuilder.supercell(ReferenceCrystals.lithiumChloride(a), 2, 2, 2);
        assertEquals(Map.of("Li", 32, "Cl", 32), b.report().composition());
        assertEquals(0, b.report().totalFormalCharge());
        for (int i : Structures.ofSpecies(b.system(), "Li")) assertEquals(6, Structures.neighbours(b.system(), i, "Cl", a / 2 + 1e-6));
        assertEquals(4 * (Elements.mass("Li") + Elements.mass("Cl")) / (a * a * a) * MetalUnits.MV2D, b.report().density(), 1e-12);
    }

    /** Na3As type: Li(2b)–P in-plane at a/√3; Li(4f) pairs along c at (3/2 − 2z)·c. */
    @Test
    void hexagonalLithiumPhosphide() {
        double a = ReferenceCrystals.LI3P_A, c = ReferenceCrystals.LI3P_C, z = ReferenceCrystals.LI3P_Z;
        BuiltStructure b = CrystalBuilder.supercell(ReferenceCrystals.lithiumPhosphide(a, c, z), 2, 2, 2);
        assertEquals(Map.of("Li", 48, "P", 16), b.report().composition());
        assertEquals(0, b.report().totalFormalCharge(), "Li +1, P −3");
        assertEquals(120, b.report().angles()[2], 1e-9);
        assertEquals(a / Math.sqrt(3), b.report().minDistanceByPair().get("Li-P"), 1e-9);
        assertEquals((1.5 - 2 * z) * c, b.report().minDistanceByPair().get("Li-Li"), 1e-9);
        double volume = 8 * a * a * Math.sqrt(3) / 2 * c;
        assertEquals(16 * (3 * Elements.mass("Li") + Elements.mass("P")) / volume * MetalUnits.MV2D, b.report().density(), 1e-12);
    }

    /** A hexagonal 1×3 supercell has xy = −3a/2 before reduction; LAMMPS needs |xy| ≤ lx/2. The lattice is unchanged. */
    @Test
    void skewedSupercellsGetReducedTilts() {
        double a = ReferenceCrystals.LI3P_A;
        Crystal c = ReferenceCrystals.lithiumPhosphide(a, ReferenceCrystals.LI3P_C, ReferenceCrystals.LI3P_Z);
        BuiltStructure b = CrystalBuilder.supercell(c, 1, 3, 1);
        assertEquals(24, b.system().size());
        assertTrue(Math.abs(b.system().box().xy()) <= b.system().box().lx() / 2 + 1e-12, "xy " + b.system().box().xy());
        assertEquals(3 * a * a * Math.sqrt(3) / 2 * ReferenceCrystals.LI3P_C, b.system().box().volume(), 1e-9);
        BuiltStructure ref = CrystalBuilder.supercell(c, 1, 1, 1);
        assertEquals(ref.report().minDistanceByPair().keySet(), b.report().minDistanceByPair().keySet());
        ref.report().minDistanceByPair().forEach((k, v) -> assertEquals(v, b.report().minDistanceByPair().get(k), 1e-9, k));
    }

    @Test
    void badLatticeConstantsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> ReferenceCrystals.bccLithium(0));
        assertThrows(IllegalArgumentException.class, () -> ReferenceCrystals.lithiumPhosphide(4.2, Double.NaN, 0.583));
    }
}
