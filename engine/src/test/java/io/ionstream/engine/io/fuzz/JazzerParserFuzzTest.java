package io.ionstream.engine.io.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Coverage-guided fuzzing of every {@link FuzzTargets} parser with Jazzer. In the normal suite
 * (regression mode) each method runs only its committed inputs in
 * {@code src/test/resources/io/ionstream/engine/io/fuzz/JazzerParserFuzzTestInputs/<method>/}
 * and is fast; to fuzz one parser for real:
 *
 * <pre>JAZZER_FUZZ=1 bin/mvn -pl engine test -Dtest='JazzerParserFuzzTest#cif'</pre>
 *
 * ({@code JAZZER_FUZZ} also switches on the engine pom's {@code jazzer-fuzz} profile, which
 * enables the instrumentation that regression runs leave off.) A finding (an undocumented
 * exception, a timeout, running out of memory) is saved by Jazzer
 * into that inputs folder, where it stays as a regression test once fixed.
 */
class JazzerParserFuzzTest {
    private static final Path WORK;
    private static final List<FuzzTarget> TARGETS;

    static {
        try {
            WORK = Files.createTempDirectory("ionstream-jazzer");
            WORK.toFile().deleteOnExit();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        TARGETS = FuzzTargets.all(WORK);
    }

    /** Runs one target; documented errors are fine, anything else propagates as a finding. */
    private static void run(String name, byte[] data) throws Throwable {
        FuzzTarget target = TARGETS.stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
        try {
            target.parse().run(data);
        } catch (Throwable e) {
            if (!target.isAllowed(e)) throw e;
        }
    }

    @FuzzTest(maxDuration = "60s")
    void extxyz(byte[] data) throws Throwable {
        run("extxyz", data);
    }

    @FuzzTest(maxDuration = "60s")
    void poscar(byte[] data) throws Throwable {
        run("poscar", data);
    }

    @FuzzTest(maxDuration = "60s")
    void xdatcar(byte[] data) throws Throwable {
        run("xdatcar", data);
    }

    @FuzzTest(maxDuration = "60s")
    void lammpsData(byte[] data) throws Throwable {
        run("lammps-data", data);
    }

    @FuzzTest(maxDuration = "60s")
    void lammpsDumpTrajectory(byte[] data) throws Throwable {
        run("lammps-dump-trajectory", data);
    }

    @FuzzTest(maxDuration = "60s")
    void cif(byte[] data) throws Throwable {
        run("cif", data);
    }

    @FuzzTest(maxDuration = "60s")
    void mlipCfg(byte[] data) throws Throwable {
        run("mlip-cfg", data);
    }

    @FuzzTest(maxDuration = "60s")
    void mtp(byte[] data) throws Throwable {
        run("mtp", data);
    }
}
