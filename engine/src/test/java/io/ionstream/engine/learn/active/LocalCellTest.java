package io.ionstream.engine.learn.active;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ionstream.engine.SharedData;
import io.ionstream.engine.io.mlip.MlipConfiguration;
import io.ionstream.engine.io.mlip.MlipSpecies;
import io.ionstream.engine.learn.StructureSpec;
import io.ionstream.engine.system.AtomSystem;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Local cells: whole formula units, no contact across the new boundaries closer than the limit,
 * the centre atom kept in the middle, and a cut commensurate with a crystal giving back its cell.
 */
class LocalCellTest {
    static final MlipSpecies SPECIES = MlipSpecies.parse("Li,P,S,Cl");
    static final int[] UNIT = {6, 1, 5, 1};

    static void checkWhole(LocalCell.Result r) {
        int[] c = r.cell().countByType();
        for (int t = 0; t < 4; t++) assertEquals(r.formulaUnits() * UNIT[t], c[t], "atoms of type " + t);
        assertTrue(r.closestContact() >= LocalCell.MIN_CONTACT, "closest contact " + r.closestContact());
    }

    @Test
    void commensurateCutOfACrystalIsItsCell() {
        AtomSystem big = new StructureSpec("li6ps5cl supercell=2,2,2 lattice=9.9").build(SPECIES, null);
        // a cube of one lattice period anywhere holds exactly one conventional cell
        LocalCell.Result r = LocalCell.cube(big, new double[] {6.1, 7.3, 5.2}, 9.9, UNIT, 0, LocalCell.MIN_CONTACT);
        assertEquals(0, r.removed());
        assertEquals(4, r.formulaUnits());
        checkWhole(r);
    }

    @Test
    void cutAroundAnAtomKeepsItInTheMiddleAndRepairsStoichiometry() {
        AtomSystem big = new StructureSpec("li6ps5cl supercell=2,2,2 lattice=9.9 disorder=0.5 seed=4").build(SPECIES, null);
        for (int centre : new int[] {0, 17, 200, 415}) {
            LocalCell.Result r = LocalCell.aroundAtom(big, centre, 10.2, UNIT, 2.0, LocalCell.MIN_CONTACT);
            checkWhole(r);
            int at = -1;
            for (int i = 0; i < r.source().length; i++) if (r.source()[i] == centre) at = i;
            assertTrue(at >= 0, "the centre atom is kept");
            for (int d = 0; d < 3; d++) assertEquals(5.1, r.cell().x()[3 * at + d], 1e-9);
            assertTrue(r.protectedAtoms()[at]);
        }
    }

    @Test
    void cubesFromAbInitioFramesAreWholeWithoutCloseContacts() {
        List<MlipConfiguration> cuts = InitialPool.trajectoryCuts(SharedData.file(
            "external-trajectories/morgan-argyrodite-aimd/Li6PS5Cl_50p_run5_actual_XDATCAR.gz"), SPECIES, 3, 0, UNIT, 7);
        assertEquals(3, cuts.size());
        for (MlipConfiguration c : cuts) {
            int[] n = c.system().countByType();
            int k = n[1];
            for (int t = 0; t < 4; t++) assertEquals(k * UNIT[t], n[t]);
            assertTrue(k >= 3, "formula units " + k);
            assertTrue(PairCheck.closest(c.system()) >= LocalCell.MIN_CONTACT - 1e-9, "closest pair " + PairCheck.closest(c.system()));
        }
    }

    /** Shortest interatomic distance of a periodic system (any image), by brute force. */
    static final class PairCheck {
        static double closest(AtomSystem s) {
            double best = Double.POSITIVE_INFINITY;
            double[] d = new double[3], sh = new double[3];
            for (int i = 0; i < s.size(); i++) {
                for (int j = 0; j < s.size(); j++) {
                    for (int a = -1; a <= 1; a++)
                        for (int b = -1; b <= 1; b++)
                            for (int c = -1; c <= 1; c++) {
                                if (i == j && a == 0 && b == 0 && c == 0) continue;
                                s.box().imageShift(a, b, c, sh, 0);
                                for (int k = 0; k < 3; k++) d[k] = s.x()[3 * j + k] + sh[k] - s.x()[3 * i + k];
                                best = Math.min(best, Math.sqrt(d[0] * d[0] + d[1] * d[1] + d[2] * d[2]));
                            }
                }
            }
            return best;
        }
    }
}
