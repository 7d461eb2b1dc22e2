package io.ionstream.server.grpc;

import io.ionstream.actors.service.ServiceException;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How refusals and failures become gRPC statuses: a {@link ServiceException} keeps its kind and
 * message, an IllegalArgumentException is INVALID_ARGUMENT, anything else is INTERNAL (logged,
 * with its message): a bad request never takes the server down.
 */
final class GrpcErrors {
    private static final Logger LOG = LoggerFactory.getLogger(GrpcErrors.class);

    private GrpcErrors() {}

    static StatusRuntimeException status(Throwable t) {
        if (t instanceof StatusRuntimeException s) return s;
        if (t instanceof ServiceException e) {
            Status.Code code = switch (e.kind()) {
                case INVALID_ARGUMENT -> Status.Code.INVALID_ARGUMENT;
                case NOT_FOUND -> Status.Code.NOT_FOUND;
                case RESOURCE_EXHAUSTED -> Status.Code.RESOURCE_EXHAUSTED;
                case FAILED_PRECONDITION -> Status.Code.FAILED_PRECONDITION;
                case UNIMPLEMENTED -> Status.Code.UNIMPLEMENTED;
                case UNAVAILABLE -> Status.Code.UNAVAILABLE;
                case INTERNAL -> Status.Code.INTERNAL;
            };
            if (code == Status.Code.INTERNAL) LOG.error("internal error: {}", e.getMessage(), e);
            return Status.fromCode(code).withDescription(e.getMessage()).asRuntimeException();
        }
        if (t instanceof IllegalArgumentException e) return Status.INVALID_ARGUMENT.withDescription(e.getMessage()).asRuntimeException();
        if (t instanceof OutOfMemoryError) {
            LOG.error("out of memory while serving a request", t);
            return Status.RESOURCE_EXHAUSTED.withDescription("the server ran out of memory for this request").asRuntimeException();
        }
        LOG.error("unexpected error", t);
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return Status.INTERNAL.withDescription("internal error: " + m).asRuntimeException();
    }

    /** Runs a unary call: its answer, or the status of what it threw. */
    static <T> void unary(StreamObserver<T> out, Supplier<T> call) {
        T result;
        try {
            result = call.get();
        } catch (Throwable t) {
            out.onError(status(t));
            return;
        }
        out.onNext(result);
        out.onCompleted();
    }
}
