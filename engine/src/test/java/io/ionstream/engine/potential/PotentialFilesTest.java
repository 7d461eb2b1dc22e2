package io.ionstream.engine.potential;

import static io.ionstream.engine.potential.LammpsPairReference.BUCK_COUL_DSF;
import static io.ionstream.engine.potential.LammpsPairReference.BUCK_COUL_EWALD;
import static io.ionstream.engine.potential.LammpsPairReference.LJ;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ionstream.engine.SharedData;
import io.ionstream.engine.io.DumpFrame;
import io.ionstream.engine.io.FormatException;
import io.ionstream.engine.neighbor.NeighborSettings;
import io.ionstream.engine.potential.pair.LjCut;
import io.ionstream.engine.system.AtomSystem;
import io.ionstream.engine.system.Box;
import io.ionstream.engine.system.SpeciesTable;
import io.ionstream.engine.units.MetalUnits;
import java.nio.file.Files;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Potential files: the pair-style lines of LAMMPS's own {@code in.pairs} give LAMMPS's forces. */
class PotentialFilesTest {
    private static final SpeciesTable ARKR = SpeciesTable.of("Ar", "Kr");

    static String inPairsRun(int run) {
        return InPairsScript.run(run);
    }

    private static ForceEngine evaluate(AtomSystem sys, ForceField field) {
        ForceEngine e = new ForceEngine(sys, field, NeighborSettings.withSkin(1.0).sortEvery(0));
        e.compute();
        return e;
    }

    @Test
    void ljAndHybridBuckCoulDsfFilesGiveLammpsForces() throws Exception {
        for (int run : new int[] {LJ, BUCK_COUL_DSF}) {
            AtomSystem sys = LammpsPairReference.ionicSystem();
            ForceEngine e = evaluate(sys, PotentialFiles.parse("in.pairs", inPairsRun(run), SystemSummary.of(sys)));
            DumpFrame ref = LammpsPairReference.dump(run == LJ ? "lj_forces.dump" : "buck_coul_dsf_forces.dump");
            LammpsPairReference.assertForces(ref, sys, 1e-10 * LammpsPairReference.maxForce(ref));
            LammpsPairReference.assertEnergyAndPressure(LammpsPairReference.thermo(run), e.energy(), e.virial(),
                sys.box().volume(), 1e-10);
        }
    }

    @Test
    void buckCoulLongWithEwaldGivesLammpsForces() throws Exception {
        AtomSystem sys = LammpsPairReference.ionicSystem();
        ForceField field = PotentialFiles.parse("in.pairs", inPairsRun(BUCK_COUL_EWALD), SystemSummary.of(sys));
        assertEquals(3, field.terms().size(), "buck, coul/long, ewald");
        ForceEngine e = evaluate(sys, field);
        DumpFrame ref = LammpsPairReference.dump("buck_coul_ewald_forces.dump");
        double[] ids = ref.column("id"), fx = ref.column("fx"), fy = ref.column("fy"), fz = ref.column("fz");
        double sq = 0;
        for (int r = 0; r < ref.atoms(); r++) {
            int i = sys.indexOfId((long) ids[r]);
            double dx = fx[r] - sys.f()[3 * i], dy = fy[r] - sys.f()[3 * i + 1], dz = fz[r] - sys.f()[3 * i + 2];
            sq += dx * dx + dy * dy + dz * dz;
        }
        // LAMMPS's tabulated erfc limits it to about 2e-7 relative (see EwaldLammpsTest)
        assertTrue(Math.sqrt(sq / (3.0 * ref.atoms())) <= 2e-7 * MetalUnits.QQR2E);
        LammpsPairReference.assertEnergyAndPressure(LammpsPairReference.thermo(BUCK_COUL_EWALD), e.energy(), e.virial(),
            sys.box().volume(), 2e-7);
    }

    @Test
    void ljCutFileGivesTheSameForcesAsTheClass() {
        String text = """
            # two noble gases
            pair_style lj/cut 7.0
            pair_coeff * * 0.0104 3.4
            pair_coeff Kr Kr 0.014 3.6   # symbol form
            pair_coeff 2 1 0.012 3.5 6.5 # reversed types, own cut-off
            """;
        AtomSystem sys = new AtomSystem(ARKR, Box.orthorhombic(15, 15, 15), 64);
        Random r = new Random(3);
        for (int i = 0; i < 64; i++) {
            // a jittered 4x4x4 grid: random, but no overlapping atoms
            sys.add(r.nextInt(2), 3.75 * (i % 4) + r.nextDouble(), 3.75 * (i / 4 % 4) + r.nextDouble(), 3.75 * (i / 16) + r.nextDouble());
        }
        ForceField file = PotentialFiles.parse("gases.lmp", text, SystemSummary.of(sys));
        ForceField direct = ForceField.of(new LjCut(2, 7.0).coeff(0, 0, 0.0104, 3.4).coeff(1, 1, 0.014, 3.6)
            .coeff(0, 1, 0.012, 3.5, 6.5));
        ForceEngine a = evaluate(sys.copy(), file), b = evaluate(sys.copy(), direct);
        assertEquals(b.energy(), a.energy(), 0.0);
        for (int k = 0; k < 192; k++) assertEquals(b.system().f()[k], a.system().f()[k], 0.0);
    }

    @Test
    void anMtpFileIsReadByItsName() {
        AtomSystem sys = new AtomSystem(SpeciesTable.of("Li", "P", "S", "Cl"), Box.orthorhombic(10, 10, 10), 1);
        sys.add(0, 1, 1, 1);
        ForceField f = PotentialFiles.parse("random4_08.mtp",
            readShared("mtp-reference/random4_argyrodite/random4_08.mtp"), SystemSummary.of(sys));
        assertEquals("mtp", f.terms().get(0).name());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PotentialFiles.parse("untrained4_08.mtp",
            readShared("mtp-reference/random4_argyrodite/untrained4_08.mtp"), SystemSummary.of(sys)));
        assertTrue(e.getMessage().contains("untrained4_08.mtp"), e.getMessage());
    }

    private static byte[] readShared(String path) {
        try {
            return Files.readAllBytes(SharedData.file(path));
        } catch (java.io.IOException ex) {
            throw new java.io.UncheckedIOException(ex);
        }
    }

    @Test
    void badLinesAreReportedWithFileAndLine() {
        AtomSystem sys = new AtomSystem(ARKR, Box.orthorhombic(10, 10, 10), 1);
        sys.add(0, 1, 1, 1);
        SystemSummary s = SystemSummary.of(sys);
        FormatException e = assertThrows(FormatException.class,
            () -> PotentialFiles.parse("p.lmp", "pair_style lj/cut 7\npair_coeff 1 3 0.01 3.4\n", s));
        assertEquals(2, e.line());
        assertTrue(e.getMessage().contains("type 3"), e.getMessage());
        e = assertThrows(FormatException.class, () -> PotentialFiles.parse("p.lmp", "pair_style morse 7\n", s));
        assertTrue(e.getMessage().contains("morse"), e.getMessage());
        e = assertThrows(FormatException.class, () -> PotentialFiles.parse("p.lmp", "pair_style lj/cut 7\npair_coeff 1 1 x 3\n", s));
        assertTrue(e.getMessage().contains("epsilon"), e.getMessage());
        e = assertThrows(FormatException.class, () -> PotentialFiles.parse("p.lmp", "pair_style lj/cut 7\npair_coeff 1 1 0.01 3\n", s));
        assertTrue(e.getMessage().contains("Kr"), e.getMessage());
        e = assertThrows(FormatException.class, () -> PotentialFiles.parse("p.lmp", "pair_coeff 1 1 0.01 3\n", s));
        assertTrue(e.getMessage().contains("before pair_style"), e.getMessage());
        e = assertThrows(FormatException.class, () -> PotentialFiles.parse("p.lmp", "pair_style buck/coul/long 8\npair_coeff * * 1 0.3 0\n", s));
        assertTrue(e.getMessage().contains("kspace_style"), e.getMessage());
        e = assertThrows(FormatException.class,
            () -> PotentialFiles.parse("p.lmp", "pair_style hybrid/overlay buck 8.0 coul/dsf 0.2 8.0\npair_coeff * * lj/cut 1 2\n", s));
        assertTrue(e.getMessage().contains("lj/cut") && e.line() == 2, e.getMessage());
    }
}
