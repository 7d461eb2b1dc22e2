package io.ionstream.server.http;

import io.ionstream.server.config.ServerSettings;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Collection;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * The HTTP server's TLS context from the same settings as gRPC's ({@code ionstream.tls}): a
 * PKCS#12 key store, or a PEM certificate chain with a PEM PKCS#8 private key (RSA, EC or EdDSA).
 * Unusable material is an IllegalArgumentException naming the file and the problem.
 */
public final class HttpTls {
    private static final char[] NO_PASSWORD = new char[0];

    private HttpTls() {}

    public static SSLContext context(ServerSettings.Tls tls) {
        KeyStore ks = tls.pkcs12() != null ? pkcs12(tls.pkcs12(), tls.password()) : pem(tls.cert(), tls.key());
        char[] keyPassword = tls.pkcs12() != null ? tls.password() : NO_PASSWORD;
        try {
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(ks, keyPassword);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(kmf.getKeyManagers(), null, null);
            return ctx;
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("ionstream.tls: cannot set up TLS for HTTP: " + e.getMessage(), e);
        }
    }

    private static KeyStore pkcs12(Path file, char[] password) {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(in, password);
            return ks;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("ionstream.tls.pkcs12 " + file + " cannot be used: " + e.getMessage(), e);
        }
    }

    private static KeyStore pem(Path certFile, Path keyFile) {
        Collection<? extends Certificate> chain;
        try (InputStream in = Files.newInputStream(certFile)) {
            chain = CertificateFactory.getInstance("X.509").generateCertificates(in);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("ionstream.tls.cert " + certFile + " is not a PEM certificate chain: " + e.getMessage(), e);
        }
        if (chain.isEmpty()) throw new IllegalArgumentException("ionstream.tls.cert " + certFile + " holds no certificate");
        PrivateKey key = privateKey(keyFile);
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setKeyEntry("ionstream", key, NO_PASSWORD, chain.toArray(new Certificate[0]));
            return ks;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("ionstream.tls.key " + keyFile + " does not go with the certificate " + certFile + ": "
                + e.getMessage(), e);
        }
    }

    private static PrivateKey privateKey(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new IllegalArgumentException("ionstream.tls.key " + file + " cannot be read: " + e.getMessage(), e);
        }
        if (text.contains("BEGIN RSA PRIVATE KEY") || text.contains("BEGIN EC PRIVATE KEY")) {
            throw new IllegalArgumentException("ionstream.tls.key " + file + " is a PKCS#1/SEC1 key; PKCS#8 is needed "
                + "(convert it: openssl pkcs8 -topk8 -nocrypt -in key.pem -out key8.pem)");
        }
        if (text.contains("BEGIN ENCRYPTED PRIVATE KEY")) {
            throw new IllegalArgumentException("ionstream.tls.key " + file + " is encrypted; give an unencrypted PKCS#8 key or use ionstream.tls.pkcs12");
        }
        int begin = text.indexOf("-----BEGIN PRIVATE KEY-----"), end = text.indexOf("-----END PRIVATE KEY-----");
        if (begin < 0 || end < begin) {
            throw new IllegalArgumentException("ionstream.tls.key " + file + " has no '-----BEGIN PRIVATE KEY-----' block (PEM PKCS#8 expected)");
        }
        byte[] der;
        try {
            der = Base64.getMimeDecoder().decode(text.substring(begin + 27, end));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("ionstream.tls.key " + file + ": the key block is not valid base64", e);
        }
        for (String algorithm : new String[] {"RSA", "EC", "Ed25519", "Ed448"}) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
            } catch (GeneralSecurityException wrongAlgorithm) {
                // try the next one
            }
        }
        throw new IllegalArgumentException("ionstream.tls.key " + file + " is not an RSA, EC or EdDSA PKCS#8 private key");
    }
}
