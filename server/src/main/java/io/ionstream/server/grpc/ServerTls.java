package io.ionstream.server.grpc;

import io.ionstream.server.config.ServerSettings;
import io.grpc.InsecureServerCredentials;
import io.grpc.ServerCredentials;
import io.grpc.TlsServerCredentials;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.net.ssl.KeyManagerFactory;

/** The server's transport credentials: plaintext, or TLS from PEM files or a PKCS#12 key store. */
final class ServerTls {
    private ServerTls() {}

    static ServerCredentials credentials(ServerSettings.Tls tls) {
        if (!tls.enabled()) return InsecureServerCredentials.create();
        if (tls.pkcs12() != null) {
            try (InputStream in = Files.newInputStream(tls.pkcs12())) {
                KeyStore ks = KeyStore.getInstance("PKCS12");
                ks.load(in, tls.password());
                KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                kmf.init(ks, tls.password());
                return TlsServerCredentials.newBuilder().keyManager(kmf.getKeyManagers()).build();
            } catch (IOException | GeneralSecurityException e) {
                throw new IllegalArgumentException("ionstream.tls.pkcs12 " + tls.pkcs12() + " cannot be used: " + e.getMessage(), e);
            }
        }
        try {
            return TlsServerCredentials.create(tls.cert().toFile(), tls.key().toFile());
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("ionstream.tls.cert " + tls.cert() + " / ionstream.tls.key " + tls.key()
                + " cannot be used (PEM certificate chain and PKCS#8 key expected): " + e.getMessage(), e);
        }
    }
}
