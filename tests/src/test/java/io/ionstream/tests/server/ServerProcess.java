package io.ionstream.tests.server;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * {@code bin/ionstream serve} in a child JVM started with this JVM's class path, so a test can
 * kill it like a crash ({@link Process#destroyForcibly()}: SIGKILL) and start it again.
 */
final class ServerProcess implements AutoCloseable {
    private final Process process;
    private final StringBuilder output = new StringBuilder();

    private ServerProcess(Process p) {
        this.process = p;
    }

    /** A port that is free now (the child binds it; a restart binds it again). */
    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** Starts {@code serve} and waits until it prints where it listens. */
    static ServerProcess start(Path dataDir, int port, String... config) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "--enable-native-access=ALL-UNNAMED"));
        if (Runtime.version().feature() >= 24) cmd.add("--sun-misc-unsafe-memory-access=allow");
        cmd.addAll(List.of("-Xmx512m", "-cp", System.getProperty("java.class.path"), "io.ionstream.server.cli.Main", "serve",
            "--port", Integer.toString(port), "--data-dir", dataDir.toString()));
        for (String c : config) {
            cmd.add("--config");
            cmd.add(c);
        }
        ServerProcess sp = new ServerProcess(new ProcessBuilder(cmd).redirectErrorStream(true).start());
        CompletableFuture<Void> ready = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(sp.process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    synchronized (sp.output) {
                        sp.output.append(line).append('\n');
                    }
                    if (line.contains("listening on")) ready.complete(null);
                }
            } catch (IOException ignored) {
                // the process is gone
            }
            ready.completeExceptionally(new IllegalStateException("the server exited: " + sp.output()));
        }, "server-output");
        reader.setDaemon(true);
        reader.start();
        ready.get(120, TimeUnit.SECONDS);
        return sp;
    }

    String output() {
        synchronized (output) {
            return output.toString();
        }
    }

    /** kill -9. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) kill();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
