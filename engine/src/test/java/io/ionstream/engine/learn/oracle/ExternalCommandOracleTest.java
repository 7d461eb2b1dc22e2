package io.ionstream.engine.learn.oracle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ionstream.engine.SharedData;
import io.ionstream.engine.io.mlip.MlipConfiguration;
import io.ionstream.engine.io.mlip.MlipSpecies;
import io.ionstream.engine.learn.Snapshot;
import io.ionstream.engine.learn.active.PerturbedCells;
import io.ionstream.engine.potential.mtp.MtpEvaluator;
import io.ionstream.engine.potential.mtp.MtpPotential;
import io.ionstream.engine.system.AtomSystem;
import io.ionstream.engine.system.Box;
import io.ionstream.engine.system.SpeciesTable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The external-command protocol with a stand-in oracle (a script running a known MTP): labels
 * equal the MTP's own numbers bit for bit; a failing, non-converged, slow or silent command and
 * malformed output are reported as such and never become labels; the labeller resumes.
 */
class ExternalCommandOracleTest {
    static final Path POT = SharedData.file("mtp-reference/mlip3_Li_example/pot.almtp");
    static final MlipSpecies LI = MlipSpecies.named("Li");

    @TempDir
    Path tmp;

    static MlipConfiguration cell(long seed) {
        AtomSystem s = new AtomSystem(SpeciesTable.of("Li"), Box.orthorhombic(6.9, 6.9, 6.9), 16);
        for (int i = 0; i < 2; i++)
            for (int j = 0; j < 2; j++)
                for (int k = 0; k < 2; k++) {
                    s.add(0, 3.45 * i, 3.45 * j, 3.45 * k);
                    s.add(0, 3.45 * (i + .5), 3.45 * (j + .5), 3.45 * (k + .5));
                }
        return Snapshot.of(PerturbedCells.perturb(s, 0.03, 0.1, new SplittableRandom(seed)));
    }

    /** A shell script in the temp folder running the stand-in oracle with this JVM and class path. */
    Path standInScript(String before) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path script = tmp.resolve("oracle.sh");
        Files.writeString(script, "#!/bin/sh\n" + before + "\nexec '" + java + "' -cp '" + System.getProperty("java.class.path")
            + "' " + StandInOracle.class.getName() + " '" + POT + "'\n");
        script.toFile().setExecutable(true);
        return script;
    }

    @Test
    void standInOracleLabelsEqualTheMtp() throws Exception {
        Oracle o = new ExternalCommandOracle(standInScript("") + "", 120);
        MlipConfiguration c = cell(1);
        Label l = o.label(c, tmp.resolve("w1"));
        MtpEvaluator.Result r = new MtpEvaluator(MtpPotential.load(POT, LI)).evaluate(c, false);
        assertEquals(r.energy(), l.energy(), 0.0);
        assertArrayEquals(r.forces(), l.forces(), 0.0);
        assertArrayEquals(r.plusStress(), l.plusStress(), 0.0);
        assertTrue(Files.exists(tmp.resolve("w1/input.cfg")) && Files.exists(tmp.resolve("w1/input.extxyz")));
    }

    @Test
    void failuresAreReportedNotUsed() throws Exception {
        MlipConfiguration c = cell(2);
        OracleException e = assertThrows(OracleException.class,
            () -> new ExternalCommandOracle("echo 'scf exploded' >&2; exit 1", 30).label(c, tmp.resolve("a")));
        assertEquals(OracleException.Kind.EXIT_STATUS, e.kind());
        assertTrue(e.getMessage().contains("scf exploded") && e.getMessage().contains("status 1"), e.getMessage());
        e = assertThrows(OracleException.class, () -> new ExternalCommandOracle("exit 3", 30).label(c, tmp.resolve("b")));
        assertEquals(OracleException.Kind.NOT_CONVERGED, e.kind());
        long t0 = System.nanoTime();
        e = assertThrows(OracleException.class, () -> new ExternalCommandOracle("sleep 30", 0.5).label(c, tmp.resolve("c")));
        assertEquals(OracleException.Kind.TIMEOUT, e.kind());
        assertTrue((System.nanoTime() - t0) * 1e-9 < 20, "the slow command was stopped");
        e = assertThrows(OracleException.class, () -> new ExternalCommandOracle("true", 30).label(c, tmp.resolve("d")));
        assertEquals(OracleException.Kind.BAD_OUTPUT, e.kind());
        // output with the wrong atoms, and output without forces
        e = assertThrows(OracleException.class, () -> new ExternalCommandOracle(
            "head -n 5 \"$IONSTREAM_INPUT\" | sed 's/16/15/' > /dev/null; sed 's/^    16$/    15/' \"$IONSTREAM_INPUT\" | "
                + "awk 'NR!=10' > \"$IONSTREAM_OUTPUT\"", 30).label(c, tmp.resolve("e")));
        assertEquals(OracleException.Kind.BAD_OUTPUT, e.kind());
        e = assertThrows(OracleException.class, () -> new ExternalCommandOracle(
            "sed 's/^END_CFG/ Energy\\n    -1.0\\nEND_CFG/' \"$IONSTREAM_INPUT\" > \"$IONSTREAM_OUTPUT\"", 30).label(c, tmp.resolve("f")));
        assertEquals(OracleException.Kind.BAD_OUTPUT, e.kind());
        assertTrue(e.getMessage().contains("no forces"), e.getMessage());
    }

    @Test
    void labellerRecordsFailuresAndResumes() throws Exception {
        // the stand-in "fails to converge" on configurations marked 'refuse'
        Path script = standInScript("grep -q refuse \"$IONSTREAM_INPUT\" && exit 3");
        List<MlipConfiguration> in = new ArrayList<>();
        for (int k = 0; k < 4; k++) in.add(k % 2 == 1 ? cell(10 + k).withFeature("refuse", "yes") : cell(10 + k));
        List<String> log = new ArrayList<>();
        Labeller l = new Labeller(new ExternalCommandOracle(script.toString(), 120), tmp.resolve("labels.cfg"), tmp.resolve("work"), false,
            log::add);
        Labeller.Outcome first = l.run(in, "t", LI);
        assertEquals(2, first.labelled());
        assertEquals(2, first.failed());
        assertEquals(2, l.labelled(LI).size());
        String failed = Files.readString(l.failuresFile());
        assertTrue(failed.contains("t#1\tNOT_CONVERGED") && failed.contains("t#3\tNOT_CONVERGED"), failed);
        Labeller.Outcome again = l.run(in, "t", LI);
        assertEquals(0, again.labelled() + again.failed());
        assertEquals(4, again.skipped());
        for (MlipConfiguration c : l.labelled(LI)) assertTrue(c.features().get(Labeller.SOURCE).startsWith("t#"));
    }
}
