package io.ionstream.engine.learn.oracle;

import java.nio.file.Path;

/**
 * How the CP2K oracle runs: the level of theory, the input template (the method's built-in one
 * unless the user supplies a file with the same placeholders), the executable ({@code null}:
 * the first of {@code cp2k.psmp}, {@code cp2k.ssmp}, {@code cp2k} on {@code PATH}), OpenMP
 * threads, a wall-clock limit per label, and the folder of CP2K's basis-set and pseudopotential
 * files ({@code null}: {@code CP2K_DATA_DIR} or {@code /usr/share/cp2k}).
 */
public record Cp2kSettings(Cp2kMethod method, String template, Path executable, int threads, double timeoutSeconds,
                           Path dataDir) {
    public Cp2kSettings {
        if (method == null) throw new IllegalArgumentException("CP2K method is missing");
        if (template == null) template = method.templateText();
        for (String key : new String[] {"{{CELL}}", "{{COORD}}"}) {
            if (!template.contains(key)) throw new IllegalArgumentException("the CP2K template lacks the placeholder " + key);
        }
        if (threads < 1) throw new IllegalArgumentException("CP2K threads must be at least 1, got " + threads);
        if (!(timeoutSeconds > 0)) throw new IllegalArgumentException("CP2K time limit must be positive, got " + timeoutSeconds);
    }

    /** The method's built-in template, automatic executable and data folder. */
    public static Cp2kSettings of(Cp2kMethod method, int threads, double timeoutSeconds) {
        return new Cp2kSettings(method, null, null, threads, timeoutSeconds, null);
    }

    public Cp2kSettings withTemplate(String text) {
        return new Cp2kSettings(method, text, executable, threads, timeoutSeconds, dataDir);
    }

    public Cp2kSettings withExecutable(Path exe) {
        return new Cp2kSettings(method, template, exe, threads, timeoutSeconds, dataDir);
    }

    /** The CP2K data folder to look basis sets and pseudopotentials up in. */
    public Path resolvedDataDir() {
        if (dataDir != null) return dataDir;
        String env = System.getenv("CP2K_DATA_DIR");
        return Path.of(env != null && !env.isBlank() ? env : "/usr/share/cp2k");
    }

    /** The executable to run, or null when none is installed. */
    public Path resolvedExecutable() {
        if (executable != null) return executable;
        return findOnPath();
    }

    /** The first of cp2k.psmp, cp2k.ssmp, cp2k on PATH, or null. */
    public static Path findOnPath() {
        for (String name : new String[] {"cp2k.psmp", "cp2k.ssmp", "cp2k"}) {
            for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
                if (dir.isEmpty()) continue;
                Path p = Path.of(dir, name);
                if (java.nio.file.Files.isExecutable(p)) return p;
            }
        }
        return null;
    }
}
