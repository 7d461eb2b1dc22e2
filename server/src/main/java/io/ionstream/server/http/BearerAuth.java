package io.ionstream.server.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * Bearer-token check for HTTP, the same rule as the gRPC server's: with a token configured,
 * requests must carry {@code Authorization: Bearer <token>}. The comparison takes the same time
 * whatever the token.
 */
public final class BearerAuth {
    private final byte[] token;

    /** {@code token} empty: no authentication. */
    public BearerAuth(String token) {
        this.token = token.isEmpty() ? null : token.getBytes(StandardCharsets.UTF_8);
    }

    public boolean enabled() { return token != null; }

    /** What is wrong with this Authorization header, or null when the request may pass. */
    public String problem(Optional<String> header) {
        if (token == null) return null;
        if (header.isEmpty()) return "this server needs a bearer token: send the header 'Authorization: Bearer <token>'";
        String h = header.get();
        if (!h.regionMatches(true, 0, "Bearer ", 0, 7)) return "the Authorization header must read 'Bearer <token>'";
        if (!MessageDigest.isEqual(token, h.substring(7).strip().getBytes(StandardCharsets.UTF_8))) return "invalid bearer token";
        return null;
    }
}
