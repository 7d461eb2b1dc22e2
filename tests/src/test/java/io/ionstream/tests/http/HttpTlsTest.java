package io.ionstream.tests.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ionstream.server.config.ServerSettings;
import io.ionstream.server.grpc.IonstreamServer;
import io.ionstream.server.http.HttpTls;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Key;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * HTTPS with the gRPC server's TLS settings: a PKCS#12 key store, or a PEM certificate and PKCS#8
 * key (made here with the JDK's keytool); a client that trusts the certificate gets answers over
 * HTTPS, a plaintext client gets none; unusable key material is refused with a message naming
 * the file and the problem.
 */
class HttpTlsTest {
    private static final char[] PASSWORD = "changeit".toCharArray();

    @TempDir Path dir;

    @Test
    void pkcs12AndPemBothServeHttps() throws Exception {
        Path p12 = keyStore(dir.resolve("server.p12"));
        SSLContext trust = trusting(p12);
        try (IonstreamServer server = HttpFixtures.start(dir.resolve("data1"), "tls.enabled=true", "tls.pkcs12=\"" + p12 + "\"",
                 "tls.password=\"changeit\"")) {
            checkHttps(server, trust);
        }
        Path cert = dir.resolve("cert.pem"), key = dir.resolve("key.pem");
        pem(p12, cert, key);
        try (IonstreamServer server = HttpFixtures.start(dir.resolve("data2"), "tls.enabled=true", "tls.cert=\"" + cert + "\"",
                 "tls.key=\"" + key + "\"")) {
            checkHttps(server, trust);
        }
    }

    @Test
    void unusableKeyMaterialIsNamed() throws Exception {
        Path p12 = keyStore(dir.resolve("server.p12"));
        Path cert = dir.resolve("cert.pem"), key = dir.resolve("key.pem");
        pem(p12, cert, key);
        Path pkcs1 = Files.writeString(dir.resolve("rsa.pem"), "-----BEGIN RSA PRIVATE KEY-----\nMIIB\n-----END RSA PRIVATE KEY-----\n");
        var e = assertThrows(IllegalArgumentException.class, () -> HttpTls.context(new ServerSettings.Tls(true, cert, pkcs1, null, new char[0])));
        assertTrue(e.getMessage().contains("rsa.pem") && e.getMessage().contains("PKCS#8"), e.getMessage());
        Path junk = Files.writeString(dir.resolve("junk.pem"), "not a certificate");
        e = assertThrows(IllegalArgumentException.class, () -> HttpTls.context(new ServerSettings.Tls(true, junk, key, null, new char[0])));
        assertTrue(e.getMessage().contains("junk.pem"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> HttpTls.context(new ServerSettings.Tls(true, null, null, p12, "wrong".toCharArray())));
        assertTrue(e.getMessage().contains("server.p12"), e.getMessage());
    }

    private static void checkHttps(IonstreamServer server, SSLContext trust) throws Exception {
        String url = HttpFixtures.http(server).url();
        assertTrue(url.startsWith("https://127.0.0.1:"), url);
        HttpClient https = HttpClient.newBuilder().sslContext(trust).connectTimeout(Duration.ofSeconds(10)).build();
        HttpResponse<String> r = https.send(HttpRequest.newBuilder(URI.create(url + "api/v1/jobs")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        assertEquals(200, https.send(HttpRequest.newBuilder(URI.create(url + "health")).build(), HttpResponse.BodyHandlers.ofString()).statusCode());
        URI plain = URI.create(url.replace("https://", "http://") + "health");
        assertThrows(IOException.class, () -> HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build()
            .send(HttpRequest.newBuilder(plain).timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString()),
            "plaintext HTTP gets no answer from a TLS port");
    }

    /** A fresh EC key pair and self-signed certificate for 127.0.0.1 in a PKCS#12 key store, made with keytool. */
    private static Path keyStore(Path p12) throws Exception {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process p = new ProcessBuilder(List.of(keytool.toString(), "-genkeypair", "-alias", "ionstream", "-keyalg", "EC", "-groupname", "secp256r1",
            "-dname", "CN=localhost", "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-validity", "2", "-storetype", "PKCS12",
            "-keystore", p12.toString(), "-storepass", new String(PASSWORD), "-keypass", new String(PASSWORD)))
            .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), "keytool failed: " + out);
        return p12;
    }

    /** The key store's certificate and key as PEM files (certificate, PKCS#8 key). */
    private static void pem(Path p12, Path cert, Path key) throws Exception {
        KeyStore ks = load(p12);
        Certificate c = ks.getCertificate("ionstream");
        Key k = ks.getKey("ionstream", PASSWORD);
        Base64.Encoder b64 = Base64.getMimeEncoder(64, "\n".getBytes());
        Files.writeString(cert, "-----BEGIN CERTIFICATE-----\n" + b64.encodeToString(c.getEncoded()) + "\n-----END CERTIFICATE-----\n");
        Files.writeString(key, "-----BEGIN PRIVATE KEY-----\n" + b64.encodeToString(k.getEncoded()) + "\n-----END PRIVATE KEY-----\n");
    }

    private static SSLContext trusting(Path p12) throws Exception {
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        trusted.setCertificateEntry("server", load(p12).getCertificate("ionstream"));
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trusted);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, tmf.getTrustManagers(), null);
        return ctx;
    }

    private static KeyStore load(Path p12) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(p12)) {
            ks.load(in, PASSWORD);
        }
        return ks;
    }
}
