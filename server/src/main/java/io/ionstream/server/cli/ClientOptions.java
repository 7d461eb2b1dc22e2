package io.ionstream.server.cli;

import io.ionstream.client.IonstreamClient;
import java.io.IOException;
import java.util.Set;

/**
 * How the client commands reach a server: {@code --server host:port} (default
 * {@code $IONSTREAM_SERVER} or 127.0.0.1:50051), {@code --token} (default {@code $IONSTREAM_TOKEN}),
 * {@code --tls-ca FILE} (trust this PEM certificate) or {@code --tls} (trust the system's
 * authorities).
 */
final class ClientOptions {
    static final String DEFAULT_SERVER = "127.0.0.1:50051";
    static final Set<String> VALUES = Set.of("server", "token", "tls-ca");
    static final Set<String> FLAGS = Set.of("tls");
    static final String HELP = """
          --server HOST:PORT     the server (default $IONSTREAM_SERVER, else 127.0.0.1:50051)
          --token TOKEN          bearer token (default $IONSTREAM_TOKEN)
          --tls-ca FILE          use TLS, trusting this PEM certificate (a self-signed server's own)
          --tls                  use TLS, trusting the system's certificate authorities
        """;

    private ClientOptions() {}

    static String server(Args args) {
        String env = System.getenv("IONSTREAM_SERVER");
        return args.string("server", env == null || env.isBlank() ? DEFAULT_SERVER : env.strip());
    }

    static IonstreamClient connect(Args args) throws IOException {
        IonstreamClient.Builder b = IonstreamClient.connect(server(args));
        String env = System.getenv("IONSTREAM_TOKEN");
        String token = args.string("token", env);
        if (token != null && !token.isBlank()) b.token(token);
        if (args.has("tls-ca")) b.tls(Args.existingFile(args.required("tls-ca"), "TLS certificate"));
        else if (args.flag("tls")) b.tls();
        return b.build();
    }

    static Set<String> values(String... more) {
        java.util.Set<String> s = new java.util.HashSet<>(VALUES);
        s.addAll(Set.of(more));
        return s;
    }

    static Set<String> flags(String... more) {
        java.util.Set<String> s = new java.util.HashSet<>(FLAGS);
        s.add("json");
        s.addAll(Set.of(more));
        return s;
    }

}
