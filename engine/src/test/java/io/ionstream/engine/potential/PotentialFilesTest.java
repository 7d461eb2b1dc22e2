package io.ionstream.engine.potential;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ionstream.engine.io.FormatException;
import io.ionstream.engine.neighbor.NeighborSettings;
import io.ionstream.engine.potential.pair.LjCut;
import io.ionstream.engine.system.AtomSystem;
import io.ionstream.engine.system.Box;
import io.ionstream.engine.system.SpeciesTable;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PotentialFilesTest {
    private static final SpeciesTable ARKR = SpeciesTable.of("Ar", "Kr");

    @Test
    void ljCutFileGivesTheSameForcesAsTheClass() {
        String text = """
            # two noble gases
            pair_style lj/cut 7.0
            pair_coeff * * 0.0104 3.4
            pair_coeff Kr Kr 0.014 3.6   # symbol form
            pair_coeff 2 1 0.012 3.5 6.5 # reversed types, own cut-off
            """;
        ForceField file = PotentialFiles.parse("gases.lmp", text, ARKR);
        ForceField direct = ForceField.of(new LjCut(2, 7.0).coeff(0, 0, 0.0104, 3.4).coeff(1, 1, 0.014, 3.6)
            .coeff(0, 1, 0.012, 3.5, 6.5));
        AtomSystem sys = new AtomSystem(ARKR, Box.orthorhombic(15, 15, 15), 64);
        Random r = new Random(3);
        for (int i = 0; i < 64; i++) {
            // a jittered 4x4x4 grid: random, but no overlapping atoms
            sys.add(r.nextInt(2), 3.75 * (i % 4) + r.nextDouble(), 3.75 * (i / 4 % 4) + r.nextDouble(), 3.75 * (i / 16) + r.nextDouble());
        }
        ForceEngine a = new ForceEngine(sys.copy(), file, NeighborSettings.withSkin(1));
        ForceEngine b = new ForceEngine(sys.copy(), direct, NeighborSettings.withSkin(1));
        a.compute();
        b.compute();
        assertEquals(b.energy(), a.energy(), 0.0);
        for (int k = 0; k < 192; k++) assertEquals(b.system().f()[k], a.system().f()[k], 0.0);
    }

    @Test
    void badLinesAreReportedWithFileAndLine() {
        FormatException e = assertThrows(FormatException.class,
            () -> PotentialFiles.parse("p.lmp", "pair_style lj/cut 7\npair_coeff 1 3 0.01 3.4\n", ARKR));
        assertEquals(2, e.line());
        assertTrue(e.getMessage().contains("type 3"), e.getMessage());
        e = assertThrows(FormatException.class, () -> PotentialFiles.parse("p.lmp", "pair_style morse 7\n", ARKR));
        assertTrue(e.getMessage().contains("morse"), e.getMessage());
        e = assertThrows(FormatException.class, () -> PotentialFiles.parse("p.lmp", "pair_style lj/cut 7\npair_coeff 1 1 x 3\n", ARKR));
        assertTrue(e.getMessage().contains("epsilon"), e.getMessage());
        e = assertThrows(FormatException.class, () -> PotentialFiles.parse("p.lmp", "pair_style lj/cut 7\npair_coeff 1 1 0.01 3\n", ARKR));
        assertTrue(e.getMessage().contains("Ar-Kr") || e.getMessage().contains("Kr"), e.getMessage());
        e = assertThrows(FormatException.class, () -> PotentialFiles.parse("p.lmp", "pair_coeff 1 1 0.01 3\n", ARKR));
        assertTrue(e.getMessage().contains("before pair_style"), e.getMessage());
    }
}
