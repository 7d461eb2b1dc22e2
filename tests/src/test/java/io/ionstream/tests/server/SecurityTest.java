package io.ionstream.tests.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ionstream.client.IonstreamClient;
import io.ionstream.proto.v1.JobServiceGrpc;
import io.ionstream.proto.v1.JobState;
import io.ionstream.server.grpc.IonstreamServer;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.reflection.v1.ServerReflectionGrpc;
import io.grpc.reflection.v1.ServerReflectionRequest;
import io.grpc.reflection.v1.ServerReflectionResponse;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bearer-token authentication on and off, TLS with a self-signed certificate (generated with the
 * JDK's keytool at test time; as PKCS#12 and as PEM), health checks that stay open, and server
 * reflection in both versions (what grpcurl needs).
 */
class SecurityTest {
    @TempDir Path dir;

    @Test
    void bearerToken() throws Exception {
        try (IonstreamServer server = TestServers.start(dir.resolve("data"), "auth.token=\"s3cret-token\"");
             IonstreamClient none = IonstreamClient.connect(server.target()).build();
             IonstreamClient wrong = IonstreamClient.connect(server.target()).token("guess").build();
             IonstreamClient right = IonstreamClient.connect(server.target()).token("s3cret-token").build()) {
            StatusRuntimeException e = assertThrows(StatusRuntimeException.class, () -> none.list());
            assertEquals(Status.Code.UNAUTHENTICATED, e.getStatus().getCode());
            assertTrue(e.getStatus().getDescription().contains("authorization: Bearer"), e.getStatus().getDescription());
            e = assertThrows(StatusRuntimeException.class, () -> wrong.list());
            assertEquals(Status.Code.UNAUTHENTICATED, e.getStatus().getCode());
            assertEquals("invalid bearer token", e.getStatus().getDescription());
            e = assertThrows(StatusRuntimeException.class, () -> none.presets());
            assertEquals(Status.Code.UNAUTHENTICATED, e.getStatus().getCode(), "every service is protected");
            assertEquals(List.of(), right.list());
            var job = right.submit(TestServers.argonJob("authorised", 20, 10, 10));
            assertEquals(JobState.COMPLETED, right.watch(job.getJobId(), new io.ionstream.client.WatchListener() {})
                .await(Duration.ofSeconds(60)).getState());
            // health stays open for load balancers and probes
            HealthCheckResponse h = HealthGrpc.newBlockingStub(none.channel()).check(HealthCheckRequest.getDefaultInstance());
            assertEquals(HealthCheckResponse.ServingStatus.SERVING, h.getStatus());
        }
    }

    @Test
    void noTokenMeansOpen() throws Exception {
        try (IonstreamServer server = TestServers.start(dir.resolve("data"));
             IonstreamClient withToken = IonstreamClient.connect(server.target()).token("anything").build()) {
            assertEquals(List.of(), withToken.list(), "a server without a token ignores one");
            assertTrue(withToken.presets().size() > 10);
        }
    }

    @Test
    void reflectionListsTheServicesInBothVersions() throws Exception {
        try (IonstreamServer server = TestServers.start(dir.resolve("data"));
             IonstreamClient client = TestServers.client(server)) {
            ManagedChannel ch = client.channel();
            List<String> v1 = new ArrayList<>();
            CompletableFuture<Void> done = new CompletableFuture<>();
            StreamObserver<ServerReflectionRequest> req = ServerReflectionGrpc.newStub(ch).serverReflectionInfo(new StreamObserver<>() {
                @Override public void onNext(ServerReflectionResponse r) {
                    r.getListServicesResponse().getServiceList().forEach(s -> v1.add(s.getName()));
                }
                @Override public void onError(Throwable t) { done.completeExceptionally(t); }
                @Override public void onCompleted() { done.complete(null); }
            });
            req.onNext(ServerReflectionRequest.newBuilder().setListServices("").build());
            req.onCompleted();
            done.get(10, TimeUnit.SECONDS);
            assertTrue(v1.containsAll(List.of("ionstream.v1.JobService", "ionstream.v1.StructureService", "ionstream.v1.PotentialService",
                "grpc.health.v1.Health")), v1.toString());

            List<String> alpha = new ArrayList<>();
            CompletableFuture<Void> done2 = new CompletableFuture<>();
            var req2 = io.grpc.reflection.v1alpha.ServerReflectionGrpc.newStub(ch).serverReflectionInfo(new StreamObserver<>() {
                @Override public void onNext(io.grpc.reflection.v1alpha.ServerReflectionResponse r) {
                    r.getListServicesResponse().getServiceList().forEach(s -> alpha.add(s.getName()));
                }
                @Override public void onError(Throwable t) { done2.completeExceptionally(t); }
                @Override public void onCompleted() { done2.complete(null); }
            });
            req2.onNext(io.grpc.reflection.v1alpha.ServerReflectionRequest.newBuilder().setListServices("").build());
            req2.onCompleted();
            done2.get(10, TimeUnit.SECONDS);
            assertTrue(alpha.contains("ionstream.v1.JobService"), alpha.toString());
            // the file descriptors of the API are served too (grpcurl describe)
            CompletableFuture<Integer> files = new CompletableFuture<>();
            var req3 = ServerReflectionGrpc.newStub(ch).serverReflectionInfo(new StreamObserver<>() {
                @Override public void onNext(ServerReflectionResponse r) {
                    files.complete(r.getFileDescriptorResponse().getFileDescriptorProtoCount());
                }
                @Override public void onError(Throwable t) { files.completeExceptionally(t); }
                @Override public void onCompleted() { }
            });
            req3.onNext(ServerReflectionRequest.newBuilder().setFileContainingSymbol(JobServiceGrpc.SERVICE_NAME).build());
            assertTrue(files.get(10, TimeUnit.SECONDS) >= 5, "jobs.proto and the files it imports");
            req3.onCompleted();
        }
    }

    /** A self-signed certificate for 127.0.0.1 and localhost in a PKCS#12 store, and its certificate as PEM. */
    private Path[] selfSigned() throws Exception {
        Path p12 = dir.resolve("server.p12"), pem = dir.resolve("server.pem");
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        run(keytool, "-genkeypair", "-alias", "ionstream", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
            "-dname", "CN=localhost", "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-storetype", "PKCS12",
            "-keystore", p12.toString(), "-storepass", "changeit", "-keypass", "changeit");
        run(keytool, "-exportcert", "-rfc", "-alias", "ionstream", "-keystore", p12.toString(), "-storepass", "changeit", "-file", pem.toString());
        return new Path[] {p12, pem};
    }

    private static void run(String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), String.join(" ", cmd) + ": " + out);
    }

    @Test
    void tlsWithPkcs12AndPem() throws Exception {
        Path[] cert = selfSigned();
        try (IonstreamServer server = TestServers.start(dir.resolve("data"), "tls.enabled=true", "tls.pkcs12=\"" + cert[0] + "\"",
                 "tls.password=changeit");
             IonstreamClient secure = IonstreamClient.connect(server.target()).tls(cert[1]).build();
             IonstreamClient plain = IonstreamClient.connect(server.target()).build()) {
            assertTrue(server.tls());
            assertEquals(List.of(), secure.list());
            StatusRuntimeException e = assertThrows(StatusRuntimeException.class, () -> plain.list());
            assertEquals(Status.Code.UNAVAILABLE, e.getStatus().getCode(), "plaintext cannot talk to a TLS server");
        }
        // the same key as PEM files (PKCS#8 key and certificate chain)
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (var in = Files.newInputStream(cert[0])) {
            ks.load(in, "changeit".toCharArray());
        }
        PrivateKey key = (PrivateKey) ks.getKey("ionstream", "changeit".toCharArray());
        Path keyPem = dir.resolve("server.key");
        Files.writeString(keyPem, "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
            .encodeToString(key.getEncoded()) + "\n-----END PRIVATE KEY-----\n");
        try (IonstreamServer server = TestServers.start(dir.resolve("data2"), "tls.enabled=true", "tls.cert=\"" + cert[1] + "\"",
                 "tls.key=\"" + keyPem + "\"", "auth.token=t");
             IonstreamClient secure = IonstreamClient.connect(server.target()).tls(cert[1]).token("t").build()) {
            assertEquals(List.of(), secure.list(), "TLS from PEM files, with a bearer token on top");
        }
    }
}
