package io.ionstream.engine.potential;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ionstream.engine.md.MdRunner;
import io.ionstream.engine.md.VelocityVerlet;
import io.ionstream.engine.neighbor.NeighborSettings;
import io.ionstream.engine.potential.pair.Buckingham;
import io.ionstream.engine.potential.pair.LjCut;
import io.ionstream.engine.system.AtomSystem;
import io.ionstream.engine.system.Box;
import io.ionstream.engine.system.SpeciesTable;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Bad input fails on construction with a message that names the atom or the parameter. */
class SystemValidatorTest {
    private static final NeighborSettings SETTINGS = NeighborSettings.withSkin(1.0);

    /** A valid Li/S system: a 3x3x3 simple cubic grid, 3 Å apart, alternating species. */
    private static AtomSystem grid() {
        AtomSystem sys = new AtomSystem(SpeciesTable.of("Li", "S"), Box.orthorhombic(9, 9, 9), 27);
        for (int i = 0; i < 27; i++) sys.add(i % 2, 3.0 * (i % 3) + 0.5, 3.0 * ((i / 3) % 3) + 0.5, 3.0 * (i / 9) + 0.5);
        return sys;
    }

    private static ForceField lj() {
        return ForceField.of(new LjCut(2, 5.0).coeff(0, 0, 0.01, 2.0).coeff(1, 1, 0.02, 3.0));
    }

    private static String message(Executable e) {
        return assertThrows(IllegalArgumentException.class, e).getMessage();
    }

    private static void assertMentions(String msg, String... parts) {
        for (String p : parts) assertTrue(msg.contains(p), "message '" + msg + "' should mention '" + p + "'");
    }

    @Test
    void aValidSystemPassesAndIsNotModified() {
        AtomSystem sys = grid();
        sys.x()[0] = -0.2; // outside the cell: validation must not wrap it
        double[] before = Arrays.copyOf(sys.x(), 3 * sys.size());
        assertDoesNotThrow(() -> new ForceEngine(sys, lj(), SETTINGS));
        assertArrayEquals(before, Arrays.copyOf(sys.x(), 3 * sys.size()));
    }

    @Test
    void nonFinitePositionNamesTheAtomId() {
        AtomSystem sys = grid();
        sys.id()[4] = 1005;
        sys.x()[3 * 4 + 1] = Double.NaN;
        assertMentions(message(() -> new ForceEngine(sys, lj(), SETTINGS)), "atom id 1005", "position", "y = NaN");
    }

    @Test
    void infiniteVelocityNamesTheAtomIdAndMdRunnerValidatesToo() {
        AtomSystem sys = grid();
        sys.v()[3 * 7] = Double.POSITIVE_INFINITY;
        assertMentions(message(() -> new MdRunner(sys, lj(), new VelocityVerlet(0.001), SETTINGS)),
            "atom id 8", "velocity", "vx");
    }

    @Test
    void overlappingAtomsNameBothIdsAndTheDistance() {
        AtomSystem sys = grid();
        sys.x()[3 * 13] = sys.x()[3 * 12] + 0.1; // atom 13 (id 14) onto atom 12 (id 13)
        sys.x()[3 * 13 + 1] = sys.x()[3 * 12 + 1];
        sys.x()[3 * 13 + 2] = sys.x()[3 * 12 + 2];
        assertMentions(message(() -> new ForceEngine(sys, lj(), SETTINGS)), "atom id 13", "atom id 14", "0.1 Å apart");
    }

    @Test
    void overlapAcrossThePeriodicBoundaryIsFound() {
        AtomSystem sys = grid();
        sys.x()[0] = 0.02;
        sys.x()[3 * 2] = 8.99; // atom id 3 sits 0.03 Å from atom id 1 through the x boundary
        sys.x()[3 * 2 + 1] = sys.x()[1];
        sys.x()[3 * 2 + 2] = sys.x()[2];
        assertMentions(message(() -> new ForceEngine(sys, lj(), SETTINGS)), "atom id 1", "atom id 3", "0.03 Å apart");
    }

    @Test
    void aCellThinnerThanTheMinimumDistanceIsRejected() {
        AtomSystem sys = new AtomSystem(SpeciesTable.of("Li"), Box.orthorhombic(0.3, 5, 5), 1);
        sys.add(0, 0.1, 1, 1);
        assertMentions(message(() -> SystemValidator.defaults().checkOverlaps(sys)), "thinner", "0.3");
    }

    @Test
    void speciesNotCoveredByThePotentialAreNamed() {
        AtomSystem sys = grid();
        ForceField onlyLi = ForceField.of(new LjCut(2, 5.0).coeff(0, 0, 0.01, 2.0));
        assertMentions(message(() -> new ForceEngine(sys, onlyLi, SETTINGS)), "lj/cut", "Li-S");
        ForceField buck = ForceField.of(new Buckingham(2, 5.0).coeff(0, 0, 100, 0.3, 0).coeff(1, 1, 100, 0.3, 0));
        assertMentions(message(() -> new ForceEngine(sys, buck, SETTINGS)), "buck", "Li-S", "no mixing");
        ForceField oneType = ForceField.of(new LjCut(1, 5.0).coeff(0, 0, 0.01, 2.0));
        assertMentions(message(() -> new ForceEngine(sys, oneType, SETTINGS)), "1 types", "2 species");
    }

    @Test
    void atomTypeOutsideTheSpeciesTableIsNamed() {
        AtomSystem sys = grid();
        sys.type()[5] = 7;
        assertMentions(message(() -> new ForceEngine(sys, lj(), SETTINGS)), "atom id 6", "type 7", "Li,S");
    }

    @Test
    void cutoffFarLargerThanTheCellNamesTheParameter() {
        AtomSystem sys = new AtomSystem(SpeciesTable.of("Li"), Box.orthorhombic(1.5, 1.5, 1.5), 1);
        sys.add(0, 0.5, 0.5, 0.5);
        ForceField huge = ForceField.of(new LjCut(1, 40.0).coeff(0, 0, 0.01, 1.0));
        assertMentions(message(() -> new ForceEngine(sys, huge, SETTINGS)), "cut-off plus skin of lj/cut", "41",
            "replicate the cell");
    }

    @Test
    void minimumImageCutoffBeyondHalfTheCellNamesTheParameter() {
        Box box = new Box(0, 0, 0, 10, 12, 14, 3, 0, 0);
        assertDoesNotThrow(() -> SystemValidator.checkMinimumImage(box, 4.5, "rdf cut-off"));
        assertMentions(message(() -> SystemValidator.checkMinimumImage(box, 5.0, "rdf cut-off")), "rdf cut-off",
            "5 Å", "half the smallest cell width");
    }

    @Test
    void unknownSpeciesSymbolsAreNamed() {
        assertMentions(message(() -> SpeciesTable.of("Li", "Xq")), "'Xq'");
        assertMentions(message(() -> SpeciesTable.parse("Li,P,S,Cl").require("Br")), "'Br'", "Li,P,S,Cl");
    }
}
