package io.ionstream.server.http;

import io.ionstream.actors.service.AsyncFailure;
import io.ionstream.actors.service.IonstreamService;
import io.ionstream.actors.service.ServiceException;
import io.ionstream.server.http.api.ApiRoutes;
import io.ionstream.server.http.metrics.PrometheusText;
import io.ionstream.server.http.metrics.RequestCounter;
import io.ionstream.server.http.metrics.ServerMetrics;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.function.Supplier;
import org.apache.pekko.http.javadsl.model.ContentType;
import org.apache.pekko.http.javadsl.model.ContentTypes;
import org.apache.pekko.http.javadsl.model.HttpEntities;
import org.apache.pekko.http.javadsl.model.HttpEntity;
import org.apache.pekko.http.javadsl.model.HttpHeader;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.StatusCode;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.model.headers.CacheControl;
import org.apache.pekko.http.javadsl.model.headers.CacheDirectives;
import org.apache.pekko.http.javadsl.model.headers.RawHeader;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.ExceptionHandler;
import org.apache.pekko.http.javadsl.server.RejectionHandler;
import org.apache.pekko.http.javadsl.server.Route;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every HTTP route: the live monitor ({@code /}, static files from the class path), the API
 * ({@code /api/v1}, {@link ApiRoutes}), {@code /metrics}, {@code /health} and {@code /ready}.
 * The API and the metrics need the bearer token when one is configured; the monitor's files and
 * the health checks are open (the page asks for the token and sends it with its API calls).
 * Every failure becomes a problem document with the right status; every answer is counted.
 */
public final class HttpRoutes extends AllDirectives {
    private static final Logger LOG = LoggerFactory.getLogger(HttpRoutes.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MONITOR = "ionstream/monitor";
    private static final ContentType.NonBinary METRICS_TYPE = (ContentType.NonBinary) ContentTypes.parse(PrometheusText.CONTENT_TYPE);

    private final IonstreamService service;
    private final ApiRoutes api;
    private final ServerMetrics metrics;
    private final RequestCounter requests;
    private final BearerAuth auth;
    private volatile boolean ready;

    public HttpRoutes(IonstreamService service, ApiRoutes api, ServerMetrics metrics, RequestCounter requests, BearerAuth auth) {
        this.service = service;
        this.api = api;
        this.metrics = metrics;
        this.requests = requests;
        this.auth = auth;
    }

    /** Marks the server ready for traffic (true once listening, false from the start of shutdown). */
    public void ready(boolean r) { ready = r; }

    public Route route() {
        return extractRequest(req -> mapResponse(resp -> {
            requests.count(RequestCounter.handler(req.getUri().path()), req.method().name(), resp.status().intValue());
            return resp;
        }, () -> handleExceptions(exceptions(), () -> handleRejections(rejections(), () -> concat(
            path("health", () -> get(() -> complete(json(StatusCodes.OK, status("UP"))))),
            path("ready", () -> get(this::readiness)),
            path("metrics", () -> get(() -> authenticated(() ->
                complete(HttpResponse.create().withEntity(HttpEntities.create(METRICS_TYPE, metrics.scrape())))))),
            pathPrefix("api", () -> pathPrefix("v1", () -> authenticated(() -> concat(
                pathEnd(() -> get(() -> complete(json(StatusCodes.OK, index())))),
                api.route())))),
            monitor())))));
    }

    private Route monitor() {
        return respondWithHeader(CacheControl.create(CacheDirectives.NO_CACHE), () -> concat(
            pathSingleSlash(() -> get(() -> getFromResource(MONITOR + "/index.html", ContentTypes.TEXT_HTML_UTF8))),
            pathPrefix("monitor", () -> get(() -> getFromResourceDirectory(MONITOR)))));
    }

    private Route readiness() {
        if (!ready) {
            return complete(Problem.response(StatusCodes.SERVICE_UNAVAILABLE, "the server is starting or shutting down", "/ready",
                "UNAVAILABLE", List.of()));
        }
        ObjectNode o = status("READY");
        o.put("activeJobs", service.jobs().active());
        o.put("knownJobs", service.jobs().entries().size());
        o.put("resumedJobs", service.recoveredJobs());
        return complete(json(StatusCodes.OK, o));
    }

    private Route authenticated(Supplier<Route> inner) {
        if (!auth.enabled()) return inner.get();
        return optionalHeaderValueByName("Authorization", h -> {
            String problem = auth.problem(h);
            if (problem == null) return inner.get();
            return extractUri(uri -> complete(Problem.response(StatusCodes.UNAUTHORIZED, problem, uri.path(), "UNAUTHENTICATED",
                List.of(RawHeader.create("WWW-Authenticate", "Bearer realm=\"ionstream\"")))));
        });
    }

    private ExceptionHandler exceptions() {
        return ExceptionHandler.newBuilder().matchAny(t -> extractUri(uri -> complete(problem(t, uri.path())))).build();
    }

    /** Pekko's own refusals (no such path, wrong method, ...) with their status, as problem documents. */
    private static RejectionHandler rejections() {
        return RejectionHandler.defaultHandler().mapRejectionResponse(resp -> {
            String detail = resp.entity() instanceof HttpEntity.Strict s ? s.getData().utf8String() : resp.status().reason();
            List<HttpHeader> headers = new java.util.ArrayList<>();
            resp.getHeaders().forEach(headers::add);
            return Problem.response(resp.status(), detail, null, Problem.grpcCode(resp.status().intValue()), headers);
        });
    }

    /** The problem document for a failure: refusals keep their kind and message; anything else is a logged 500. */
    static HttpResponse problem(Throwable t, String path) {
        t = AsyncFailure.cause(t);
        if (t instanceof ProblemException p) {
            List<HttpHeader> h = p.status().intValue() == 429 ? List.of(RawHeader.create("Retry-After", "5")) : List.of();
            return Problem.response(p.status(), p.getMessage(), path, Problem.grpcCode(p.status().intValue()), h);
        }
        if (t instanceof ServiceException e) {
            StatusCode s = switch (e.kind()) {
                case INVALID_ARGUMENT -> StatusCodes.BAD_REQUEST;
                case NOT_FOUND -> StatusCodes.NOT_FOUND;
                case RESOURCE_EXHAUSTED -> StatusCodes.TOO_MANY_REQUESTS;
                case FAILED_PRECONDITION -> StatusCodes.CONFLICT;
                case UNIMPLEMENTED -> StatusCodes.NOT_IMPLEMENTED;
                case UNAVAILABLE -> StatusCodes.SERVICE_UNAVAILABLE;
                case INTERNAL -> StatusCodes.INTERNAL_SERVER_ERROR;
            };
            if (s == StatusCodes.INTERNAL_SERVER_ERROR) LOG.error("internal error on {}: {}", path, e.getMessage(), e);
            return Problem.response(s, e.getMessage(), path, e.kind().name(), List.of());
        }
        if (t instanceof org.apache.pekko.http.scaladsl.model.EntityStreamSizeException e) {
            return problem(ApiRoutes.tooLarge(-1, e.limit()), path); // a body without Content-Length that grew too large
        }
        if (t instanceof IllegalArgumentException e) return Problem.response(StatusCodes.BAD_REQUEST, e.getMessage(), path, "INVALID_ARGUMENT", List.of());
        LOG.error("unexpected error on {}", path, t);
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return Problem.response(StatusCodes.INTERNAL_SERVER_ERROR, "internal error: " + m, path, "INTERNAL", List.of());
    }

    private static ObjectNode index() {
        ObjectNode o = JSON.createObjectNode();
        o.put("api", "ionstream.v1");
        var a = o.putArray("endpoints");
        ApiRoutes.endpoints().forEach(a::add);
        return o;
    }

    private static ObjectNode status(String s) {
        ObjectNode o = JSON.createObjectNode();
        o.put("status", s);
        return o;
    }

    private static HttpResponse json(StatusCode status, ObjectNode body) {
        return HttpResponse.create().withStatus(status).withEntity(HttpEntities.create(ContentTypes.APPLICATION_JSON, body.toString()));
    }
}
