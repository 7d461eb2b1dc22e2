package io.ionstream.engine.learn.oracle;

import io.ionstream.engine.io.mlip.MlipConfiguration;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Labels configurations with CP2K on the local machine: writes {@code input.inp} from the
 * method's template, runs {@code cp2k.psmp -i input.inp -o output.out} with
 * {@code OMP_NUM_THREADS} threads and a time limit, and converts the energy (Hartree → eV), the
 * forces (Hartree/bohr → eV/Å) and the analytical stress (GPa → PlusStress virial in eV). A run
 * whose SCF did not converge, that ended with an error, or whose output lacks a block is an
 * {@link OracleException}, never a label.
 */
public final class Cp2kOracle implements Oracle {
    private final Cp2kSettings settings;

    public Cp2kOracle(Cp2kSettings settings) {
        this.settings = settings;
    }

    public Cp2kSettings settings() { return settings; }

    /** True when a CP2K executable is on PATH. */
    public static boolean installed() {
        return Cp2kSettings.findOnPath() != null;
    }

    @Override
    public String describe() {
        Path exe = settings.resolvedExecutable();
        return "cp2k " + settings.method().name().toLowerCase(java.util.Locale.ROOT) + ": " + settings.method().description()
            + ", " + (exe == null ? "cp2k not found" : exe) + ", " + settings.threads() + " thread(s), limit "
            + settings.timeoutSeconds() + " s";
    }

    @Override
    public Label label(MlipConfiguration cfg, Path workDir) throws OracleException {
        Path exe = settings.resolvedExecutable();
        if (exe == null) {
            throw new OracleException(OracleException.Kind.START_FAILED, "CP2K is not installed: none of cp2k.psmp, cp2k.ssmp, cp2k "
                + "is on PATH (Debian: apt-get install cp2k cp2k-data)");
        }
        String input = Cp2kInput.render(settings.template(), cfg, "label", settings.method(), settings.resolvedDataDir());
        try {
            Files.createDirectories(workDir);
            Files.writeString(workDir.resolve("input.inp"), input, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new OracleException(OracleException.Kind.START_FAILED, "cannot write the CP2K input in " + workDir + ": " + e.getMessage());
        }
        long t0 = System.nanoTime();
        Map<String, String> env = new java.util.HashMap<>();
        env.put("OMP_NUM_THREADS", Integer.toString(settings.threads()));
        if (settings.dataDir() != null) env.put("CP2K_DATA_DIR", settings.dataDir().toString());
        int status = ProcessRunner.run(List.of(exe.toString(), "-i", "input.inp", "-o", "output.out"), workDir, env,
            settings.timeoutSeconds());
        double seconds = (System.nanoTime() - t0) * 1e-9;
        Path out = workDir.resolve("output.out");
        if (status != 0) {
            String why = Files.exists(out) && tailContains(out, "NOT converged") ? " (the SCF did not converge)" : "";
            OracleException.Kind kind = why.isEmpty() ? OracleException.Kind.EXIT_STATUS : OracleException.Kind.NOT_CONVERGED;
            throw new OracleException(kind, "CP2K exited with status " + status + why + " in " + workDir + ":\n"
                + ProcessRunner.tail(out, 12) + ProcessRunner.tail(workDir.resolve(ProcessRunner.STDERR), 8));
        }
        Cp2kOutput o = Cp2kOutput.read(out, cfg.size());
        if (o.notConverged()) {
            throw new OracleException(OracleException.Kind.NOT_CONVERGED, "CP2K's SCF did not converge (" + out
                + "); the label is discarded");
        }
        double volume = Math.abs(det(cfg.lattice()));
        return new Label(o.energyEv(), o.forcesEvPerAngstrom(), o.plusStress(volume), seconds);
    }

    private static boolean tailContains(Path p, String s) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8).contains(s);
        } catch (IOException e) {
            return false;
        }
    }

    private static double det(double[][] m) {
        return m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1]) - m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0])
            + m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0]);
    }
}
