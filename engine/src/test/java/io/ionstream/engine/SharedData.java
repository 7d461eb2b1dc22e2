package io.ionstream.engine;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/** Locates the read-only reference data in {@code ../shared} beside the repository. */
public final class SharedData {
    private SharedData() {}

    public static Path root() {
        String prop = System.getProperty("ionstream.shared");
        Path p = prop != null ? Path.of(prop) : Path.of("..", "..", "shared");
        if (!Files.isDirectory(p)) p = Path.of("..", "shared");
        if (!Files.isDirectory(p)) throw new IllegalStateException("reference data folder ../shared not found (tried " + prop + ")");
        return p.toAbsolutePath().normalize();
    }

    public static Path file(String relative) {
        Path p = root().resolve(relative);
        if (!Files.exists(p)) throw new IllegalStateException("reference file missing: " + p);
        return p;
    }

    /** Skips the calling test with a message when LAMMPS's {@code lmp} is not installed. */
    public static Path requireLammps() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            for (String name : new String[] {"lmp", "lmp_serial"}) {
                Path p = Path.of(dir, name);
                if (Files.isExecutable(p)) return p;
            }
        }
        Assumptions.abort("LAMMPS (lmp) is not installed: install Debian's 'lammps' package to run this cross-check");
        return null;
    }
}
