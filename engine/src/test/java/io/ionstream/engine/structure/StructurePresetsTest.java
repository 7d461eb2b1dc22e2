package io.ionstream.engine.structure;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every preset: stoichiometric, formally neutral, no two atoms closer than 1.5 Å; settings that do not apply are refused. */
class StructurePresetsTest {

    static List<String> names() { return StructurePresets.names(); }

    @Test
    void theIssuesPresetsExist() {
        assertEquals(List.of("li6ps5cl", "li6ps5br", "li6ps5i", "gb-sigma3-112", "gb-sigma3-111", "gb-sigma5-001", "gb-sigma5-021",
            "interface-model-I", "interface-model-II", "li-bcc", "li2s", "licl", "li3p"), StructurePresets.names());
    }

    @ParameterizedTest
    @MethodSource("names")
    void everyPresetIsStoichiometricAndNeutral(String name) {
        BuiltStructure b = Structures.preset(name);
        StructureReport r = b.report();
        assertEquals(0, r.totalFormalCharge(), name);
        assertEquals(b.system().size(), r.atoms());
        if (!name.startsWith("interface")) {
            assertTrue(r.formulaUnits() > 0, name);
            int perUnit = r.composition().values().stream().mapToInt(Integer::intValue).sum() / r.formulaUnits();
            assertEquals(b.system().size(), perUnit * r.formulaUnits(), name + ": whole formula units");
        } else {
            Map<String, Integer> c = r.composition();
            int p = c.get("P");
            assertEquals(List.of(5 * p, p), List.of(c.get("S"), c.get("Cl")), "electrolyte Li6PS5Cl, the rest of the Li metallic");
        }
        assertTrue(r.minDistance() >= GrainBoundaryBuilder.MIN_DISTANCE, name + " min distance " + r.minDistance());
        assertTrue(r.density() > 0.4 && r.density() < 2.5, name + " density " + r.density());
        assertTrue(r.toText().contains(r.formula()));
        assertEquals(r.formula(), r.toMap().get("formula"));
    }

    @Test
    void settingsOverrideDefaultsAndForeignOnesAreRefused() {
        var s = StructurePresets.Settings.defaults().withSupercell(2, 1, 1).withLithium(LithiumSites.H48).withSeed(5)
            .withDisorder(new AnionDisorderSpec.RandomFraction(0.5));
        BuiltStructure a = StructurePresets.build("li6ps5i", s), b = StructurePresets.build("li6ps5i", s);
        assertEquals(104, a.system().size());
        assertEquals(Structures.atomSet(a.system(), null), Structures.atomSet(b.system(), null), "same seed, same structure");
        assertEquals(0.5, (double) a.report().details().get("X on 4c"), 0);
        assertEquals(2 * ReferenceCrystals.LI2S_A, StructurePresets.build("li2s", StructurePresets.Settings.defaults().withSupercell(2, 2, 2)).system().box().lx(), 1e-12);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> StructurePresets.build("li2s", StructurePresets.Settings.defaults().withDisorder(new AnionDisorderSpec.RandomFraction(0.5))));
        assertTrue(e.getMessage().contains("does not apply"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> StructurePresets.build("nacl", StructurePresets.Settings.defaults()));
        assertThrows(IllegalArgumentException.class, () -> StructurePresets.build("gb-sigma5-001",
            StructurePresets.Settings.defaults().withDisorder(new AnionDisorderSpec.Uniform(AnionConfiguration.R3M_25))));
    }

    @Test
    void grainBoundarySizeRoundsToWholeCslPeriods() {
        BuiltStructure b = StructurePresets.build("gb-sigma3-112", StructurePresets.Settings.defaults().withSupercell(1, 1, 1)
            .withSize(new double[] {36, 15}));
        assertArrayEquals(new int[] {2, 2, 1}, (int[]) b.report().details().get("CSL repeats"), "36 Å / (a√3) → 2, 15 Å / (a√2/2) → 2");
    }

    /** The interface search keeps the area within the bound and strains the metal no more than any other choice within it. */
    @Test
    void interfaceAreaSearch() {
        BuiltStructure b = StructurePresets.build("interface-model-I", StructurePresets.Settings.defaults().withSupercell(1, 1, 1)
            .withMetalLayers(2).withArea(700.0));
        double area = (double) b.report().details().get("area");
        assertTrue(area <= 700.0);
        double[] strain = (double[]) b.report().details().get("metal strain");
        double a = Halide.CL.defaultLattice(), m = InterfaceBuilder.METAL_LATTICE;
        for (int n1 = 1; n1 * a / Math.sqrt(2) * a <= 700; n1++) {
            for (int n2 = 1; n1 * a / Math.sqrt(2) * n2 * a <= 700; n2++) {
                LateralMatch other = LateralMatch.forSubstrate(n1, n2, a / Math.sqrt(2), a, m * Math.sqrt(2), m);
                assertTrue(Math.max(Math.abs(strain[0]), Math.abs(strain[1])) <= other.maxStrain() + 1e-12, n1 + "×" + n2);
            }
        }
    }

    @Test
    void grainBoundarySpacingSetsThePeriodsPerGrain() {
        BuiltStructure b = StructurePresets.build("gb-sigma3-111", StructurePresets.Settings.defaults().withSupercell(1, 2, 1).withSpacing(30.0));
        int[] rep = (int[]) b.report().details().get("CSL repeats");
        assertEquals(2, rep[2], "ceil(30 Å / a√3) periods per grain");
        assertTrue((double) b.report().details().get("GB spacing") >= 30.0);
    }
}
