package io.ionstream.engine.potential.mtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ionstream.engine.SharedData;
import io.ionstream.engine.io.FormatException;
import io.ionstream.engine.io.mlip.MlipSpecies;
import io.ionstream.engine.system.SpeciesTable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Reading every MTP file of the reference data, lossless writing, and clear errors for bad files. */
class MtpFilesTest {

    static List<Path> potentialFiles() throws IOException {
        Path root = SharedData.file("mtp-reference");
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(p -> p.toString().endsWith(".mtp") || p.toString().endsWith(".almtp")).sorted().toList();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("potentialFiles")
    void writingIsLossless(Path file, @TempDir Path tmp) {
        MtpModel m = MtpReader.readModel(file);
        Path out = tmp.resolve("copy.mtp");
        MtpWriter.write(out, m);
        MtpModel back = MtpReader.readModel(out);
        assertEquals(m, back, "model read back from our own file differs (every coefficient must be bit-identical)");
        assertEquals(MtpWriter.toText(m), MtpWriter.toText(back));
    }

    @Test
    void untrainedTemplatesReadAndRefuseToEvaluate() throws IOException {
        int templates = 0;
        for (Path f : potentialFiles()) {
            MtpReader.MtpFile file = MtpReader.read(f);
            if (file.model().isTrained()) continue;
            templates++;
            assertFalse(file.model().hasRadialCoeffs(), f + " is a template");
            assertNull(file.activeSet(), f + ": a template carries no active set");
            MtpModel m = file.model();
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new MtpPotential(m, MlipSpecies.unnamed(m.speciesCount())));
            assertTrue(e.getMessage().contains("untrained"), e.getMessage());
            // filled with coefficients it becomes a valid potential with the same structure
            MtpModel filled = RandomCoefficients.fill(m, 7, 0.1);
            assertTrue(filled.isTrained());
            assertEquals(m.coefficientCount(), filled.coefficientCount());
        }
        assertTrue(templates >= 10, "the MLIP-3 templates and untrained4_* are untrained; found " + templates);
    }

    @Test
    void level18WithFourSpeciesHasThe807ParametersOfTheSeeds() {
        // SCIENCE.md §2: the seeds' 4-species (Li, P, S, Cl) level-18 MTP has 807 parameters
        MtpModel t = MtpReader.readModel(SharedData.file("mtp-reference/MTP_templates_mlip3/18.almtp"));
        MtpModel four = t.toBuilder().speciesCount(4).build();
        assertEquals(807, four.coefficientCount());
    }

    // ---- malformed input ----

    static String li() throws IOException {
        byte[] b = Files.readAllBytes(SharedData.file("mtp-reference/mlip3_Li_example/pot.almtp"));
        int end = MtpReader.indexOf(b, "#MVS".getBytes(StandardCharsets.US_ASCII), 0);
        return new String(b, 0, end, StandardCharsets.US_ASCII);
    }

    static FormatException parseError(String text) {
        return assertThrows(FormatException.class, () -> MtpReader.read(text.getBytes(StandardCharsets.UTF_8), "bad.mtp"));
    }

    @Test
    void countThatDisagreesWithItsListNamesTheLine() throws IOException {
        String t = li().replace("alpha_index_basic_count = 5", "alpha_index_basic_count = 6");
        FormatException e = parseError(t);
        assertEquals(18, e.line());
        assertTrue(e.problem().contains("alpha_index_basic has 5 entries but alpha_index_basic_count says 6"), e.getMessage());

        e = parseError(li().replace("alpha_scalar_moments = 5", "alpha_scalar_moments = 4"));
        assertTrue(e.problem().contains("alpha_moment_mapping has 5 entries"), e.getMessage());
        assertEquals(22, e.line());

        e = parseError(li().replace("species_coeffs = {-2.548583061646395e+00}", "species_coeffs = {-2.5, 1.0}"));
        assertTrue(e.problem().contains("species_coeffs has 2 entries but species_count says 1"), e.getMessage());
        assertEquals(23, e.line());
    }

    @Test
    void unknownRadialBasisIsNamed() throws IOException {
        FormatException e = parseError(li().replace("RBChebyshev", "RBShapeev"));
        assertEquals(7, e.line());
        assertTrue(e.problem().contains("unknown radial basis type 'RBShapeev'"), e.getMessage());
        assertTrue(e.problem().contains("RBChebyshev_repuls"), "lists what is supported: " + e.getMessage());
    }

    @Test
    void truncatedFilesAreReported() throws IOException {
        String t = li();
        String[] lines = t.split("\n");
        for (int keep = 1; keep < lines.length; keep++) {
            String cut = String.join("\n", Arrays.copyOf(lines, keep)) + "\n";
            FormatException e = assertThrows(FormatException.class,
                () -> MtpReader.read(cut.getBytes(StandardCharsets.UTF_8), "cut.mtp"), "file cut after line " + keep);
            assertTrue(e.getMessage().startsWith("cut.mtp"), e.getMessage());
        }
        // cut inside a line: a radial coefficient list missing its end
        String mid = t.substring(0, t.indexOf("1.286650550435185e-01"));
        FormatException e = parseError(mid);
        assertTrue(e.problem().contains("not closed") || e.problem().contains("ends"), e.getMessage());
        assertEquals(15, e.line());
    }

    @Test
    void wrongRadialBlocksAreNamed() throws IOException {
        FormatException e = parseError(li().replace("\t\t0-0\n", "\t\t0-1\n"));
        assertEquals(13, e.line());
        assertTrue(e.problem().contains("labelled '0-1', expected '0-0'"), e.getMessage());
        e = parseError(li().replace(", 5.067984175672050e-02}", "}"));
        assertEquals(14, e.line());
        assertTrue(e.problem().contains("has 7 coefficients, radial_basis_size is 8"), e.getMessage());
    }

    @Test
    void outOfRangeIndicesAndBadNumbersAreNamed() throws IOException {
        FormatException e = parseError(li().replace("{0, 5, 1, 7}", "{0, 5, 1, 8}"));
        assertEquals(20, e.line());
        assertTrue(e.problem().contains("refers to moment 8 outside 0..7"), e.getMessage());
        e = parseError(li().replace("min_dist = 2.368526946091849e+00", "min_dist = 2.36x"));
        assertEquals(8, e.line());
        assertTrue(e.problem().contains("min_dist is not a number"), e.getMessage());
        e = parseError(li().replace("alpha_moments_count = 8", "alpha_moment_count = 8"));
        assertTrue(e.problem().contains("unknown key 'alpha_moment_count'"), e.getMessage());
        e = parseError("POTENTIAL\n");
        assertTrue(e.problem().contains("first line must be 'MTP'"), e.getMessage());
    }

    @Test
    void truncatedActiveSetIsReported() throws IOException {
        byte[] b = Files.readAllBytes(SharedData.file("mtp-reference/mlip3_Li_example/pot.almtp"));
        int mvs = MtpReader.indexOf(b, "#MVS".getBytes(StandardCharsets.US_ASCII), 0);
        byte[] cut = Arrays.copyOf(b, mvs + 400);
        FormatException e = assertThrows(FormatException.class, () -> MtpReader.read(cut, "cut.almtp"));
        assertTrue(e.problem().contains("truncated"), e.getMessage());
        assertTrue(e.problem().contains("matrix A"), e.getMessage());
    }

    @Test
    void speciesThePotentialLacksAreNamed() {
        MtpModel m = MtpReader.readModel(SharedData.file("mtp-reference/mlip3_Li_example/pot.almtp"));
        MtpPotential pot = new MtpPotential(m, MlipSpecies.named("Li"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> pot.validate(SpeciesTable.of("Li", "S")));
        assertTrue(e.getMessage().contains("no species S"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new MtpPotential(m, MlipSpecies.named("Li", "P")));
        assertTrue(e.getMessage().contains("names 2 species") && e.getMessage().contains("has 1"), e.getMessage());
    }
}
