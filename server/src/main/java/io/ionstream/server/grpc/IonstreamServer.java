package io.ionstream.server.grpc;

import io.ionstream.actors.catalog.PotentialFormat;
import io.ionstream.actors.jobs.run.JobRunner;
import io.ionstream.actors.jobs.run.DomainJobRunner;
import io.ionstream.actors.service.IonstreamService;
import io.ionstream.proto.v1.JobServiceGrpc;
import io.ionstream.proto.v1.PotentialServiceGrpc;
import io.ionstream.proto.v1.StructureServiceGrpc;
import io.ionstream.server.config.ServerSettings;
import io.ionstream.server.http.HttpServer;
import com.typesafe.config.Config;
import io.grpc.BindableService;
import io.grpc.Server;
import io.grpc.ServerInterceptors;
import io.grpc.ServerServiceDefinition;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.protobuf.services.HealthStatusManager;
import io.grpc.protobuf.services.ProtoReflectionService;
import io.grpc.protobuf.services.ProtoReflectionServiceV1;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The ionstream gRPC server: JobService, StructureService and PotentialService over one
 * {@link IonstreamService}, standard health checking ({@code grpc.health.v1.Health}, always
 * open) and server reflection in both versions (v1 and v1alpha, so every grpcurl works without
 * the .proto files), with optional bearer-token authentication and TLS.
 */
public final class IonstreamServer implements AutoCloseable {
    /**
     * The MD platform jobs run on: the domain-decomposed actor layer, placed by the
     * {@code ionstream.cluster} settings (see {@link DomainJobRunner}).
     */
    static JobRunner defaultRunner(Config config) {
        return DomainJobRunner.fromConfig(config);
    }

    /** Potential file formats uploads may use. */
    static List<PotentialFormat> potentialFormats() {
        return List.of(new io.ionstream.actors.catalog.MtpFormat(), new io.ionstream.actors.catalog.PairStyleFormat());
    }

    private final IonstreamService service;
    private final Server server;
    private final HealthStatusManager health = new HealthStatusManager();
    private final GrpcCallCounter calls = new GrpcCallCounter();
    private final ServerSettings settings;
    // the HTTP front end (REST mirror, live monitor, metrics), started next to gRPC: io.ionstream.server.http
    private java.util.Optional<HttpServer> http = java.util.Optional.empty();

    private IonstreamServer(IonstreamService service, ServerSettings settings) throws IOException {
        this.service = service;
        this.settings = settings;
        NettyServerBuilder b = NettyServerBuilder.forAddress(new InetSocketAddress(settings.host(), settings.port()),
            ServerTls.credentials(settings.tls()));
        long maxMessage = service.settings().maxUploadBytes() + (1 << 20);
        b.maxInboundMessageSize((int) Math.min(Integer.MAX_VALUE, maxMessage));
        b.intercept(calls);
        List<BindableService> api = List.of(new JobServiceImpl(service, service.streamExecutor()),
            new StructureServiceImpl(service.structures()), new PotentialServiceImpl(service.potentials()),
            ProtoReflectionServiceV1.newInstance(), reflectionV1Alpha());
        for (BindableService s : api) b.addService(secured(s.bindService()));
        b.addService(health.getHealthService());
        this.server = b.build().start();
        health.setStatus("", HealthCheckResponse.ServingStatus.SERVING);
        for (String name : List.of(JobServiceGrpc.SERVICE_NAME, StructureServiceGrpc.SERVICE_NAME, PotentialServiceGrpc.SERVICE_NAME)) {
            health.setStatus(name, HealthCheckResponse.ServingStatus.SERVING);
        }
    }

    @SuppressWarnings("deprecation")
    private static BindableService reflectionV1Alpha() {
        return ProtoReflectionService.newInstance();
    }

    private ServerServiceDefinition secured(ServerServiceDefinition d) {
        return settings.authenticated() ? ServerInterceptors.intercept(d, new BearerTokenInterceptor(settings.token())) : d;
    }

    /** Starts the service and the server from a resolved configuration. */
    public static IonstreamServer start(Config config) throws IOException {
        ServerSettings settings = ServerSettings.from(config);
        JobRunner runner = defaultRunner(config);
        IonstreamService service;
        try {
            service = IonstreamService.start(config, runner, potentialFormats());
        } catch (IOException | RuntimeException e) {
            if (runner instanceof AutoCloseable c) {
                try {
                    c.close();
                } catch (Exception ignored) {
                    // the start failed already; report that
                }
            }
            throw e;
        }
        IonstreamServer s;
        try {
            s = new IonstreamServer(service, settings);
        } catch (IOException | RuntimeException e) {
            service.close();
            throw e;
        }
        try {
            s.http = HttpServer.start(service, settings, config, s.calls);
        } catch (RuntimeException e) {
            s.close();
            throw e;
        }
        return s;
    }

    /** The HTTP server (absent when ionstream.http.enabled is false). */
    public java.util.Optional<HttpServer> http() { return http; }

    public IonstreamService service() { return service; }
    public int port() { return server.getPort(); }
    public String host() { return settings.host(); }
    public boolean tls() { return settings.tls().enabled(); }
    public boolean authenticated() { return settings.authenticated(); }

    /** host:port to give clients. */
    public String target() {
        String h = settings.host().contains(":") ? "[" + settings.host() + "]" : settings.host();
        return h + ":" + port();
    }

    public void awaitTermination() throws InterruptedException {
        server.awaitTermination();
    }

    /** Stops taking calls, ends open streams, then stops the jobs (they resume at the next start). */
    @Override
    public void close() {
        http.ifPresent(HttpServer::close);
        health.enterTerminalState();
        server.shutdown();
        try {
            if (!server.awaitTermination(1, TimeUnit.SECONDS)) {
                server.shutdownNow();
                server.awaitTermination(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            server.shutdownNow();
        }
        service.close();
    }
}
