package io.ionstream.server.http;

import io.ionstream.server.grpc.GrpcCallCounter;
import io.ionstream.actors.service.IonstreamService;
import io.ionstream.server.config.ServerSettings;
import io.ionstream.server.http.api.ApiRoutes;
import io.ionstream.server.http.metrics.RequestCounter;
import io.ionstream.server.http.metrics.ServerMetrics;
import io.ionstream.server.http.sse.EventStreams;
import io.ionstream.server.http.sse.JobEvents;
import com.typesafe.config.Config;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.DispatcherSelector;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.http.javadsl.ConnectionContext;
import org.apache.pekko.http.javadsl.Http;
import org.apache.pekko.http.javadsl.ServerBinding;
import org.apache.pekko.http.javadsl.ServerBuilder;

/**
 * The HTTP front end of an {@link IonstreamService}: the REST/JSON API, Server-Sent Event streams
 * of live samples, the web monitor, Prometheus metrics and health checks, on Pekko HTTP. It runs
 * in its own small actor system next to the gRPC server, with the same bearer token and TLS
 * material, and reads jobs only through the service.
 */
public final class HttpServer implements AutoCloseable {
    private final ActorSystem<Void> system;
    private final ServerBinding binding;
    private final HttpRoutes routes;
    private final EventStreams events;
    private final boolean tls;
    private final String host;

    private HttpServer(ActorSystem<Void> system, ServerBinding binding, HttpRoutes routes, EventStreams events, boolean tls, String host) {
        this.system = system;
        this.binding = binding;
        this.routes = routes;
        this.events = events;
        this.tls = tls;
        this.host = host;
    }

    /** Starts the HTTP server unless {@code ionstream.http.enabled} is false. */
    public static Optional<HttpServer> start(IonstreamService service, ServerSettings server, Config config, GrpcCallCounter calls) {
        HttpSettings http = HttpSettings.from(config);
        return http.enabled() ? Optional.of(start(service, server, http, config, calls)) : Optional.empty();
    }

    /**
     * Starts listening on {@code http.host():http.port()}; {@code config} configures the actor
     * system (its {@code pekko} section). Fails with an IllegalStateException naming the address
     * when it cannot listen.
     */
    public static HttpServer start(IonstreamService service, ServerSettings server, HttpSettings http, Config config) {
        return start(service, server, http, config, new GrpcCallCounter());
    }

    /** As above, with the gRPC server's call counts in {@code /metrics}. */
    public static HttpServer start(IonstreamService service, ServerSettings server, HttpSettings http, Config config,
                                   GrpcCallCounter calls) {
        ActorSystem<Void> system = ActorSystem.create(Behaviors.empty(), "ionstream-http", config);
        try {
            Executor blocking = system.dispatchers().lookup(DispatcherSelector.blocking());
            EventStreams events = new EventStreams(http.maxEventStreams());
            JobEvents jobEvents = new JobEvents(events, service.streamExecutor(), http.eventBatch(), http.keepAlive(), http.eventLinger());
            RequestCounter requests = new RequestCounter();
            HttpRoutes routes = new HttpRoutes(service, new ApiRoutes(service, http, jobEvents, blocking),
                new ServerMetrics(service, events, requests, calls), requests, new BearerAuth(server.token()));
            ServerBuilder b = Http.get(system).newServerAt(http.host(), http.port());
            if (server.tls().enabled()) b = b.enableHttps(ConnectionContext.httpsServer(HttpTls.context(server.tls())));
            ServerBinding binding;
            try {
                binding = b.bind(routes.route()).toCompletableFuture().get(30, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                Throwable c = e.getCause() == null ? e : e.getCause();
                throw new IllegalStateException("the HTTP server cannot listen on " + http.host() + ":" + http.port() + " (" + c.getMessage()
                    + "); choose another port with ionstream.http.port, or set ionstream.http.enabled = false", c);
            } catch (TimeoutException e) {
                throw new IllegalStateException("the HTTP server did not bind " + http.host() + ":" + http.port() + " within 30 s", e);
            }
            routes.ready(true);
            return new HttpServer(system, binding, routes, events, server.tls().enabled(), http.host());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            system.terminate();
            throw new IllegalStateException("interrupted while starting the HTTP server", e);
        } catch (RuntimeException e) {
            system.terminate();
            throw e;
        }
    }

    public int port() { return binding.localAddress().getPort(); }
    public InetSocketAddress address() { return binding.localAddress(); }
    public boolean tls() { return tls; }
    public EventStreams eventStreams() { return events; }

    /** The monitor's address, e.g. {@code http://127.0.0.1:50080/} (a wildcard host is shown as localhost). */
    public String url() {
        String h = host.equals("0.0.0.0") || host.equals("::") || host.isEmpty() ? "localhost" : host;
        if (h.contains(":")) h = "[" + h + "]";
        return (tls ? "https" : "http") + "://" + h + ":" + port() + "/";
    }

    /** The monitor page of one job. */
    public String jobUrl(String jobId) {
        return url() + "#/jobs/" + jobId;
    }

    /** Stops accepting, ends open event streams and requests (after at most a second), then the actor system. */
    @Override
    public void close() {
        routes.ready(false);
        try {
            binding.terminate(Duration.ofSeconds(1)).toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException ignored) {
            // the actor system's end closes whatever is left
        }
        system.terminate();
        try {
            system.getWhenTerminated().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException ignored) {
            // going away either way
        }
    }
}
