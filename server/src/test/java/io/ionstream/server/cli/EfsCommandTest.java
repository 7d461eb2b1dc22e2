package io.ionstream.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code bin/ionstream efs} run in-process against MLIP-3's golden files: the same lines, the same
 * words, every number within 1e-10 of the golden one relative to its kind's scale in the block.
 */
class EfsCommandTest {

    static Path reference() {
        for (Path p : List.of(Path.of("..", "..", "shared"), Path.of("..", "shared"))) {
            if (Files.isDirectory(p.resolve("mtp-reference"))) return p.resolve("mtp-reference").toAbsolutePath().normalize();
        }
        throw new IllegalStateException("reference data ../shared/mtp-reference not found");
    }

    record Run(int code, String out, String err) {}

    static Run run(String... argv) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        Console console = new Console(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), false);
        int code = Main.run(argv, console);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
        "TaCrVW_MIT/golden_mlip3_efs.txt; TaCrVW_MIT/pot.mtp; TaCrVW_MIT/test_dft_first5.cfg; Ta,Cr,V,W",
        "mlip3_Li_example/golden_mlip3_efs.txt; mlip3_Li_example/pot.almtp; mlip3_Li_example/train.cfg; Li",
        "random4_argyrodite/golden_mlip3_random4_16_2x2x2.txt; random4_argyrodite/random4_16.mtp; random4_argyrodite/lpscl_2x2x2.cfg; ",
        "random4_argyrodite/golden_mlip3_random4_08_1x1x1.txt; random4_argyrodite/random4_08.mtp; random4_argyrodite/lpscl_1x1x1.cfg; Li,P,S,Cl"
    })
    void printsTheGoldenFormat(String golden, String potential, String cfgs, String species) throws Exception {
        Path ref = reference();
        Run r = species == null
            ? run("efs", ref.resolve(potential).toString(), ref.resolve(cfgs).toString())
            : run("efs", ref.resolve(potential).toString(), ref.resolve(cfgs).toString(), "--species", species);
        assertEquals(0, r.code(), r.err());
        if (species == null) assertTrue(r.err().contains("named by index"), "says that species are unnamed: " + r.err());
        List<String> want = Files.readAllLines(ref.resolve(golden));
        List<String> got = r.out().lines().toList();
        assertEquals(want.size(), got.size(), "line count");
        // numbers of one kind in one block share a scale: energy, site energies, forces, stress
        double[] scale = new double[4];
        int identical = 0;
        for (int i = 0; i < want.size(); i++) {
            String[] w = want.get(i).split(" "), g = got.get(i).split(" ");
            assertEquals(w.length, g.length, "words on line " + (i + 1));
            if (w[0].equals("CFG")) scale = blockScales(want, i);
            if (want.get(i).equals(got.get(i))) identical++;
            for (int k = 0; k < w.length; k++) {
                if (!isNumber(w[k]) || w[0].equals("CFG") || w[0].equals("ATOM") && k < 4) {
                    assertEquals(w[k], g[k], "line " + (i + 1) + " word " + (k + 1));
                    continue;
                }
                assertTrue(g[k].matches("-?[0-9][0-9.]*(e[-+][0-9]{2,3})?"), "C %.17g format: " + g[k]);
                double s = switch (w[0]) {
                    case "ENERGY", "REF_ENERGY" -> Math.abs(Double.parseDouble(w[k]));
                    case "ATOM" -> k == 5 ? scale[1] : scale[2];
                    default -> scale[3];
                };
                double tol = w[0].equals("REF_ENERGY") ? 0 : 1e-10 * s;
                assertEquals(Double.parseDouble(w[k]), Double.parseDouble(g[k]), tol, "line " + (i + 1) + " word " + (k + 1));
            }
        }
        System.out.printf("efs vs %s: %d of %d lines identical to the last digit%n", golden, identical, want.size());
    }

    static boolean isNumber(String s) {
        try {
            Double.parseDouble(s);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** Largest |site energy|, |force component| and |stress component| of the block starting at line {@code at}. */
    static double[] blockScales(List<String> lines, int at) {
        double[] s = new double[4];
        for (int i = at + 1; i < lines.size() && !lines.get(i).startsWith("CFG"); i++) {
            String[] w = lines.get(i).split(" ");
            if (w[0].equals("ATOM")) {
                s[1] = Math.max(s[1], Math.abs(Double.parseDouble(w[5])));
                for (int k = 7; k < 10; k++) s[2] = Math.max(s[2], Math.abs(Double.parseDouble(w[k])));
            } else if (w[0].startsWith("STRESS")) {
                for (int k = w.length - 6; k < w.length; k++) s[3] = Math.max(s[3], Math.abs(Double.parseDouble(w[k])));
            }
        }
        return s;
    }

    @Test
    void badInputIsReportedWithExitCodes() {
        Path ref = reference();
        Run r = run("efs", ref.resolve("mlip3_Li_example/pot.almtp").toString(), ref.resolve("random4_argyrodite/lpscl_1x1x1.cfg").toString());
        assertEquals(Main.FAILED, r.code());
        assertTrue(r.err().contains("lpscl_1x1x1.cfg:33") && r.err().contains("type 1"), r.err());
        r = run("efs", ref.resolve("random4_argyrodite/untrained4_08.mtp").toString(), ref.resolve("random4_argyrodite/lpscl_1x1x1.cfg").toString());
        assertEquals(Main.FAILED, r.code());
        assertTrue(r.err().contains("untrained"), r.err());
        r = run("efs", ref.resolve("mlip3_Li_example/pot.almtp").toString(), ref.resolve("mlip3_Li_example/train.cfg").toString(), "--species", "Li,S");
        assertEquals(Main.USAGE, r.code());
        assertTrue(r.err().contains("names 2 species"), r.err());
        r = run("efs", ref.resolve("mlip3_Li_example/pot.almtp").toString());
        assertEquals(Main.USAGE, r.code());
        r = run("efs", "/nonexistent.mtp", ref.resolve("mlip3_Li_example/train.cfg").toString());
        assertEquals(Main.USAGE, r.code());
        assertTrue(r.err().contains("does not exist"), r.err());
    }
}
