package io.ionstream.engine.learn.oracle;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs one external program for an oracle: in its work folder, with extra environment variables,
 * stdout and stderr into files there, and a wall-clock limit after which the program and every
 * process it started are killed.
 */
final class ProcessRunner {
    static final String STDOUT = "stdout.txt";
    static final String STDERR = "stderr.txt";

    /** Programs still running, stopped when the JVM exits (a stopped learning run must not leave CP2K behind). */
    private static final java.util.Set<Process> RUNNING = java.util.concurrent.ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> RUNNING.forEach(ProcessRunner::kill), "oracle-cleanup"));
    }

    private ProcessRunner() {}

    /** Exit status of the finished program; start failures and timeouts are {@link OracleException}s. */
    static int run(List<String> command, Path workDir, Map<String, String> env, double timeoutSeconds)
        throws OracleException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile());
        pb.environment().putAll(env);
        pb.redirectOutput(workDir.resolve(STDOUT).toFile());
        pb.redirectError(workDir.resolve(STDERR).toFile());
        pb.redirectInput(ProcessBuilder.Redirect.from(nullDevice()));
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new OracleException(OracleException.Kind.START_FAILED, "cannot start " + String.join(" ", command)
                + " in " + workDir + ": " + e.getMessage(), e);
        }
        RUNNING.add(p);
        try {
            long ms = (long) Math.ceil(timeoutSeconds * 1000);
            if (!p.waitFor(ms, TimeUnit.MILLISECONDS)) {
                kill(p);
                throw new OracleException(OracleException.Kind.TIMEOUT, String.join(" ", command) + " did not finish within "
                    + timeoutSeconds + " s and was stopped (work folder " + workDir + ")");
            }
            return p.exitValue();
        } catch (InterruptedException e) {
            kill(p);
            Thread.currentThread().interrupt();
            throw new OracleException(OracleException.Kind.TIMEOUT, "interrupted while waiting for " + String.join(" ", command));
        } finally {
            RUNNING.remove(p);
        }
    }

    private static void kill(Process p) {
        if (!p.isAlive()) return;
        // children first (an MPI launcher's ranks, a shell's program), then the process itself
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        try {
            p.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static java.io.File nullDevice() {
        return new java.io.File(System.getProperty("os.name", "").startsWith("Windows") ? "NUL" : "/dev/null");
    }

    /** The last {@code lines} lines of a text file in the work folder ("" when absent), for error messages. */
    static String tail(Path file, int lines) {
        try {
            if (!Files.exists(file)) return "";
            List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | java.io.UncheckedIOException e) {
            return "(cannot read " + file.getFileName() + ": " + e.getMessage() + ")";
        }
    }
}
