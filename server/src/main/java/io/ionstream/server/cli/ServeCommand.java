package io.ionstream.server.cli;

import io.ionstream.server.config.ServerConfig;
import io.ionstream.server.grpc.IonstreamServer;
import com.typesafe.config.Config;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/** {@code bin/ionstream serve}: runs the gRPC server until it is stopped (Ctrl-C, SIGTERM). */
final class ServeCommand implements Command {
    @Override public String name() { return "serve"; }
    @Override public String summary() { return "start the gRPC server (jobs, live observable streams, structures, potentials)"; }

    @Override
    public String help() {
        return """
            Usage: bin/ionstream serve [--port P] [--host H] [--data-dir DIR] [--token T]
                                       [--config key=value]... [--config-file FILE] [-Dkey=value]... [--json]

            Starts the server and prints where it listens. Jobs, their checkpoints, observable logs and
            results live in the data directory; jobs that were running when the server last stopped (or
            was killed) resume from their last checkpoint. Ctrl-C or SIGTERM stops it; running jobs
            then resume at the next start.

            Options:
              --port P              gRPC port (default 50051; 0 picks a free one)
              --host H              address to listen on (default 127.0.0.1; 0.0.0.0 for every interface)
              --data-dir DIR        data directory (default ~/.ionstream)
              --token T             require this bearer token on every call (health checks stay open)
              --config key=value    any configuration key (see the README), e.g. limits.max-atoms=50000,
                                    tls.enabled=true, tls.pkcs12=server.p12; may be repeated
              --config-file FILE    a HOCON file with an "ionstream" section
              -Dkey=value           the same as a Java system property, e.g. -Dionstream.grpc.port=0
              --json                print the address as JSON
            """;
    }

    @Override public Set<String> valueOptions() { return Set.of("port", "host", "data-dir", "token", "config-file"); }
    @Override public Set<String> repeatableOptions() { return Set.of("config"); }

    @Override
    public int run(Args args, Console console) throws Exception {
        List<String> overrides = new ArrayList<>();
        for (String p : args.positionals()) {
            if (!p.startsWith("-D") || !p.contains("=")) throw new UsageException("unexpected argument '" + p + "'");
            int eq = p.indexOf('=');
            System.setProperty(p.substring(2, eq), p.substring(eq + 1));
        }
        if (args.has("port")) overrides.add("grpc.port=" + args.integer("port", 0, 0, 65535));
        if (args.has("host")) overrides.add("grpc.host=" + quoted(args.required("host")));
        if (args.has("data-dir")) overrides.add("data-dir=" + quoted(Path.of(args.required("data-dir")).toAbsolutePath().toString()));
        if (args.has("token")) overrides.add("auth.token=" + quoted(args.required("token")));
        overrides.addAll(args.values("config"));
        Config config;
        try {
            config = ServerConfig.load(overrides, args.has("config-file") ? Args.existingFile(args.required("config-file"), "configuration file") : null);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        org.slf4j.LoggerFactory.getILoggerFactory(); // logging ready before the actor system starts
        IonstreamServer server = IonstreamServer.start(config);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "ionstream-shutdown"));
        var svc = server.service();
        if (args.flag("json")) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("target", server.target());
            m.put("port", server.port());
            m.put("tls", server.tls());
            m.put("authentication", server.authenticated());
            m.put("data_dir", svc.dataDir().toString());
            m.put("resumed_jobs", svc.recoveredJobs());
            server.http().ifPresent(h -> m.put("monitor_url", h.url()));
            console.json(m);
        } else {
            console.out().printf("ionstream server listening on %s (%s, %s)%n", server.target(), server.tls() ? "TLS" : "plaintext",
                server.authenticated() ? "bearer token required" : "no authentication");
            console.out().printf("data directory %s; %d job(s) resumed; %d job(s) known%n", svc.dataDir(), svc.recoveredJobs(),
                svc.jobs().entries().size());
            server.http().ifPresent(h -> console.out().printf("live monitor %s (REST API %sapi/v1, metrics %smetrics)%n", h.url(), h.url(), h.url()));
        }
        console.out().flush();
        stopped.await();
        return Main.OK;
    }

    private static String quoted(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
