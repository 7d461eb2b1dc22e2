package io.ionstream.server.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.apache.pekko.http.javadsl.model.ContentType;
import org.apache.pekko.http.javadsl.model.ContentTypes;
import org.apache.pekko.http.javadsl.model.HttpEntities;
import org.apache.pekko.http.javadsl.model.HttpHeader;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.MediaTypes;
import org.apache.pekko.http.javadsl.model.StatusCode;

/**
 * An error answer in the RFC 7807 format ({@code application/problem+json}): {@code type}
 * ({@code about:blank}, so {@code title} is the status phrase), {@code status}, {@code detail}
 * (what is wrong, in words), {@code instance} (the request path) and, as an extension,
 * {@code code}: the gRPC status name the same refusal has on the gRPC API.
 */
public final class Problem {
    /** {@code application/problem+json}. */
    public static final ContentType.WithFixedCharset CONTENT_TYPE = ContentTypes.create(
        MediaTypes.applicationWithFixedCharset("problem+json", org.apache.pekko.http.javadsl.model.HttpCharsets.UTF_8));
    private static final ObjectMapper JSON = new ObjectMapper();

    private Problem() {}

    /** The problem document as JSON. */
    public static String json(StatusCode status, String detail, String instance, String code) {
        ObjectNode o = JSON.createObjectNode();
        o.put("type", "about:blank");
        o.put("title", status.reason());
        o.put("status", status.intValue());
        o.put("detail", detail);
        if (instance != null) o.put("instance", instance);
        if (code != null) o.put("code", code);
        return o.toString();
    }

    public static HttpResponse response(StatusCode status, String detail, String instance, String code, List<HttpHeader> headers) {
        return HttpResponse.create().withStatus(status).addHeaders(headers)
            .withEntity(HttpEntities.create(CONTENT_TYPE, json(status, detail, instance, code)));
    }

    /** The gRPC status name that goes with an HTTP status (for refusals made by the HTTP layer itself). */
    public static String grpcCode(int status) {
        return switch (status) {
            case 400, 406, 415 -> "INVALID_ARGUMENT";
            case 405 -> "UNIMPLEMENTED";
            case 401 -> "UNAUTHENTICATED";
            case 403 -> "PERMISSION_DENIED";
            case 404 -> "NOT_FOUND";
            case 409 -> "FAILED_PRECONDITION";
            case 413, 429 -> "RESOURCE_EXHAUSTED";
            case 501 -> "UNIMPLEMENTED";
            case 503 -> "UNAVAILABLE";
            default -> status >= 500 ? "INTERNAL" : "UNKNOWN";
        };
    }
}
