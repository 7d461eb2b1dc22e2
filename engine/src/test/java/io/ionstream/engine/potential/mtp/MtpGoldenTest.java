package io.ionstream.engine.potential.mtp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ionstream.engine.SharedData;
import io.ionstream.engine.io.mlip.EfsReport;
import io.ionstream.engine.io.mlip.MlipCfgReader;
import io.ionstream.engine.io.mlip.MlipConfiguration;
import io.ionstream.engine.io.mlip.MlipSpecies;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Energies, site energies, forces and virials against MLIP-3's own output for every golden file
 * of {@code ../shared/mtp-reference} (1e-10 relative to each quantity's scale in the
 * configuration).
 */
class MtpGoldenTest {
    static final double TOL = 1e-10;

    /** golden file, potential, configurations (all relative to mtp-reference/). */
    static List<Arguments> goldens() {
        return List.of(
            Arguments.of("random4_argyrodite/golden_mlip3_random4_08_1x1x1.txt", "random4_argyrodite/random4_08.mtp",
                "random4_argyrodite/lpscl_1x1x1.cfg"),
            Arguments.of("random4_argyrodite/golden_mlip3_random4_16_1x1x1.txt", "random4_argyrodite/random4_16.mtp",
                "random4_argyrodite/lpscl_1x1x1.cfg"),
            Arguments.of("random4_argyrodite/golden_mlip3_random4_16_2x2x2.txt", "random4_argyrodite/random4_16.mtp",
                "random4_argyrodite/lpscl_2x2x2.cfg"),
            Arguments.of("TaCrVW_MIT/golden_mlip3_efs.txt", "TaCrVW_MIT/pot.mtp", "TaCrVW_MIT/test_dft_first5.cfg"),
            Arguments.of("mlip3_Li_example/golden_mlip3_efs.txt", "mlip3_Li_example/pot.almtp", "mlip3_Li_example/train.cfg"));
    }

    @Test
    void everyGoldenFileIsChecked() throws IOException {
        Path root = SharedData.file("mtp-reference");
        Set<String> covered = goldens().stream().map(a -> (String) a.get()[0]).collect(Collectors.toSet());
        try (Stream<Path> files = Files.walk(root)) {
            List<String> all = files.filter(p -> p.getFileName().toString().matches("golden_.*\\.txt"))
                .map(p -> root.relativize(p).toString()).toList();
            assertTrue(all.size() >= 5, "expected the golden files of mtp-reference, found " + all);
            for (String g : all) assertTrue(covered.contains(g), "golden file " + g + " has no test case");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goldens")
    void matchesMlip(String golden, String potential, String configs) {
        Path ref = SharedData.file("mtp-reference");
        MtpModel model = MtpReader.readModel(ref.resolve(potential));
        MlipSpecies species = MlipSpecies.unnamed(model.speciesCount());
        MtpEvaluator eval = new MtpEvaluator(new MtpPotential(model, species));
        List<MlipConfiguration> cfgs = new MlipCfgReader(species).readAll(ref.resolve(configs));
        List<EfsReport.Block> expected = EfsReport.read(ref.resolve(golden));
        assertEquals(cfgs.size(), expected.size(), "configurations in " + configs + " vs blocks in " + golden);
        for (int c = 0; c < cfgs.size(); c++) {
            EfsReport.Block want = expected.get(c);
            EfsReport.Block got = eval.report(c, cfgs.get(c));
            String where = golden + " CFG " + c;
            assertEquals(want.index(), got.index(), where);
            assertArrayEquals(want.ids(), got.ids(), where + " atom ids");
            assertArrayEquals(want.types(), got.types(), where + " atom types");
            assertEquals(want.energy(), got.energy(), TOL * Math.abs(want.energy()), where + " energy");
            if (Double.isNaN(want.refEnergy())) {
                assertTrue(Double.isNaN(got.refEnergy()), where + ": the golden has no REF_ENERGY but the cfg has an energy");
            } else {
                assertEquals(want.refEnergy(), got.refEnergy(), 0.0, where + " REF_ENERGY (the cfg's energy)");
            }
            double seScale = maxAbs(want.siteEnergies()), fScale = maxAbs(want.forces()), wScale = maxAbs(want.plusStress());
            for (int i = 0; i < want.atoms(); i++) {
                assertEquals(want.siteEnergies()[i], got.siteEnergies()[i], TOL * seScale, where + " site energy of atom " + want.ids()[i]);
                for (int d = 0; d < 3; d++) {
                    assertEquals(want.forces()[3 * i + d], got.forces()[3 * i + d], TOL * fScale,
                        where + " force component " + d + " of atom " + want.ids()[i]);
                }
            }
            for (int k = 0; k < 6; k++) {
                assertEquals(want.plusStress()[k], got.plusStress()[k], TOL * wScale, where + " PlusStress component " + k);
            }
        }
    }

    static double maxAbs(double[] a) {
        double m = 0;
        for (double v : a) m = Math.max(m, Math.abs(v));
        return m;
    }
}
