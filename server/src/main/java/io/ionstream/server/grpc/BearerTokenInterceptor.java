package io.ionstream.server.grpc;

import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Bearer-token authentication: a call must carry {@code authorization: Bearer <token>} with the
 * configured token, or it is closed with UNAUTHENTICATED saying what was missing or wrong. The
 * comparison takes the same time whatever the token.
 */
final class BearerTokenInterceptor implements ServerInterceptor {
    static final Metadata.Key<String> AUTHORIZATION = Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);
    private final byte[] token;

    BearerTokenInterceptor(String token) {
        this.token = token.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
        String h = headers.get(AUTHORIZATION);
        String problem = null;
        if (h == null) {
            problem = "this server needs a bearer token: send the header 'authorization: Bearer <token>'";
        } else if (!h.regionMatches(true, 0, "Bearer ", 0, 7)) {
            problem = "the authorization header must read 'Bearer <token>'";
        } else if (!MessageDigest.isEqual(token, h.substring(7).strip().getBytes(StandardCharsets.UTF_8))) {
            problem = "invalid bearer token";
        }
        if (problem == null) return next.startCall(call, headers);
        call.close(Status.UNAUTHENTICATED.withDescription(problem), new Metadata());
        return new ServerCall.Listener<>() {};
    }
}
