package io.ionstream.server.http;

import org.apache.pekko.http.javadsl.model.StatusCode;
import org.apache.pekko.http.javadsl.model.StatusCodes;

/**
 * A request the HTTP layer refuses before it reaches the service (a bad parameter, a missing
 * token, a limit): the status to answer with and a message naming what is wrong. It becomes a
 * {@link Problem} response.
 */
public final class ProblemException extends RuntimeException {
    private final StatusCode status;

    public ProblemException(StatusCode status, String detail) {
        super(detail);
        this.status = status;
    }

    public StatusCode status() { return status; }

    public static ProblemException badRequest(String detail) { return new ProblemException(StatusCodes.BAD_REQUEST, detail); }
}
