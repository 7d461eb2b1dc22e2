package io.ionstream.actors.service;

/**
 * A request the service cannot honour, with the kind of refusal (mapped to a gRPC status or an
 * HTTP problem by the front ends) and a message naming what is wrong.
 */
public final class ServiceException extends RuntimeException {
    /** Why a request was refused (names follow the gRPC status codes they map to). */
    public enum Kind {
        INVALID_ARGUMENT, NOT_FOUND, RESOURCE_EXHAUSTED, FAILED_PRECONDITION, UNIMPLEMENTED, UNAVAILABLE, INTERNAL
    }

    private final Kind kind;

    public ServiceException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public ServiceException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() { return kind; }

    public static ServiceException invalid(String message) { return new ServiceException(Kind.INVALID_ARGUMENT, message); }

    public static ServiceException notFound(String message) { return new ServiceException(Kind.NOT_FOUND, message); }

    public static ServiceException exhausted(String message) { return new ServiceException(Kind.RESOURCE_EXHAUSTED, message); }

    public static ServiceException precondition(String message) { return new ServiceException(Kind.FAILED_PRECONDITION, message); }
}
