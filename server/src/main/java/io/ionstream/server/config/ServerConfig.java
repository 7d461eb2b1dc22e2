package io.ionstream.server.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The server's configuration: HOCON with the keys of {@code reference.conf} under
 * {@code ionstream}. Precedence, highest first: {@code --config key=value} overrides, Java system
 * properties ({@code -Dionstream.grpc.port=0}), a configuration file given on the command line,
 * {@code application.conf} on the class path, and the defaults.
 */
public final class ServerConfig {
    private ServerConfig() {}

    /**
     * Loads and resolves the configuration. {@code overrides} are {@code key=value} strings (HOCON
     * values; a key without the {@code ionstream.} or {@code pekko.} prefix gets {@code ionstream.});
     * {@code file} may be null.
     */
    public static Config load(List<String> overrides, Path file) {
        Config over = ConfigFactory.empty();
        for (String kv : overrides) over = parseOverride(kv).withFallback(over);
        Config fromFile = ConfigFactory.empty();
        if (file != null) {
            if (!Files.isRegularFile(file)) throw new IllegalArgumentException("configuration file " + file + " does not exist");
            try {
                fromFile = ConfigFactory.parseFile(file.toFile());
            } catch (ConfigException e) {
                throw new IllegalArgumentException("configuration file " + file + ": " + e.getMessage(), e);
            }
        }
        try {
            Config c = over.withFallback(ConfigFactory.systemProperties()).withFallback(fromFile)
                .withFallback(ConfigFactory.defaultApplication()).withFallback(ConfigFactory.defaultReference()).resolve();
            c.checkValid(ConfigFactory.defaultReference(), "ionstream");
            return c;
        } catch (ConfigException e) {
            throw new IllegalArgumentException("configuration: " + e.getMessage(), e);
        }
    }

    private static Config parseOverride(String kv) {
        int eq = kv.indexOf('=');
        if (eq <= 0) throw new IllegalArgumentException("--config expects key=value, got '" + kv + "'");
        String key = kv.substring(0, eq).strip();
        String value = kv.substring(eq + 1).strip();
        if (!key.startsWith("ionstream.") && !key.startsWith("pekko.")) key = "ionstream." + key;
        try {
            return ConfigFactory.parseString(key + " = " + value);
        } catch (ConfigException e) {
            // a bare string that HOCON cannot read as a value (a Windows path, a token with symbols)
            return ConfigFactory.parseString(key + " = " + com.typesafe.config.ConfigValueFactory.fromAnyRef(value).render());
        }
    }
}
