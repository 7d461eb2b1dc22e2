package io.ionstream.tests.http;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A headless Chromium started for a test, driven over the DevTools protocol: a fresh profile,
 * the flags that keep it from reaching out to the network (this machine has none), and a free
 * DevTools port read from the {@code DevToolsActivePort} file it writes into the profile.
 */
final class Chromium implements AutoCloseable {
    private static final Duration START = Duration.ofSeconds(20);

    private final Process process;
    private final Path profile;
    private final DevTools devTools;

    private Chromium(Process process, Path profile, DevTools devTools) {
        this.process = process;
        this.profile = profile;
        this.devTools = devTools;
    }

    /** The browser binary: $IONSTREAM_CHROMIUM, /usr/bin/chromium, or chromium/chromium-browser/google-chrome on the PATH. */
    static Optional<Path> find() {
        List<Path> candidates = new ArrayList<>();
        String env = System.getenv("IONSTREAM_CHROMIUM");
        if (env != null && !env.isBlank()) candidates.add(Path.of(env));
        candidates.add(Path.of("/usr/bin/chromium"));
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (dir.isBlank()) continue;
            for (String name : List.of("chromium", "chromium-browser", "google-chrome")) candidates.add(Path.of(dir, name));
        }
        return candidates.stream().filter(Files::isExecutable).findFirst();
    }

    static Chromium launch(Path binary, Path profile, int width, int height) throws Exception {
        Files.createDirectories(profile);
        List<String> cmd = new ArrayList<>(List.of(binary.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
            "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--disable-dev-shm-usage", "--remote-debugging-port=0", "--user-data-dir=" + profile,
            "--window-size=" + width + "," + height, "about:blank"));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(profile.resolve("chromium.log").toFile()).start();
        try {
            Path portFile = profile.resolve("DevToolsActivePort");
            long deadline = System.nanoTime() + START.toNanos();
            List<String> lines = List.of();
            while (System.nanoTime() < deadline) {
                if (!p.isAlive()) {
                    throw new IllegalStateException("chromium exited with " + p.exitValue() + " before opening DevTools; its log: "
                        + tail(profile.resolve("chromium.log")));
                }
                if (Files.isRegularFile(portFile)) {
                    lines = Files.readAllLines(portFile);
                    if (lines.size() >= 2 && !lines.get(1).isBlank()) break;
                }
                Thread.sleep(50);
            }
            if (lines.size() < 2) {
                throw new IllegalStateException("chromium wrote no DevToolsActivePort within " + START.toSeconds() + " s; its log: "
                    + tail(profile.resolve("chromium.log")));
            }
            URI ws = URI.create("ws://127.0.0.1:" + lines.get(0).strip() + lines.get(1).strip());
            return new Chromium(p, profile, DevTools.connect(ws, START));
        } catch (Exception e) {
            p.destroyForcibly();
            throw e;
        }
    }

    DevTools devTools() { return devTools; }

    private static String tail(Path log) {
        try {
            List<String> l = Files.readAllLines(log);
            return String.join("\n", l.subList(Math.max(0, l.size() - 15), l.size()));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    @Override
    public void close() throws Exception {
        try {
            devTools.call(null, "Browser.close", Map.of(), Duration.ofSeconds(5));
        } catch (Exception ignored) {
            // killed below
        }
        devTools.close();
        if (!process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) process.destroyForcibly().waitFor(5, java.util.concurrent.TimeUnit.SECONDS);
        try (Stream<Path> s = Files.walk(profile)) {
            s.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }
}
