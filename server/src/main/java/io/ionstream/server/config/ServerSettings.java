package io.ionstream.server.config;

import com.typesafe.config.Config;
import java.nio.file.Path;

/**
 * Where and how the gRPC server listens: host and port, the optional bearer token, and TLS
 * (PEM certificate chain and key, or a PKCS#12 key store).
 */
public record ServerSettings(String host, int port, String token, Tls tls) {
    /** TLS material; {@code enabled} false means plaintext. */
    public record Tls(boolean enabled, Path cert, Path key, Path pkcs12, char[] password) {}

    public ServerSettings {
        if (port < 0 || port > 65535) throw new IllegalArgumentException("ionstream.grpc.port must be 0..65535, got " + port);
        if (tls.enabled() && tls.pkcs12() == null && (tls.cert() == null || tls.key() == null)) {
            throw new IllegalArgumentException("ionstream.tls.enabled needs ionstream.tls.cert and ionstream.tls.key (PEM) or ionstream.tls.pkcs12");
        }
    }

    public boolean authenticated() { return !token.isEmpty(); }

    public static ServerSettings from(Config root) {
        Config c = root.getConfig("ionstream");
        Config t = c.getConfig("tls");
        Tls tls = new Tls(t.getBoolean("enabled"), path(t.getString("cert")), path(t.getString("key")), path(t.getString("pkcs12")),
            t.getString("password").toCharArray());
        return new ServerSettings(c.getString("grpc.host"), c.getInt("grpc.port"), c.getString("auth.token").strip(), tls);
    }

    private static Path path(String s) {
        return s == null || s.isBlank() ? null : Path.of(s);
    }
}
