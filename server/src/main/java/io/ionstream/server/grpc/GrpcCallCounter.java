package io.ionstream.server.grpc;

import io.grpc.ForwardingServerCall;
import io.grpc.ForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts the gRPC calls the server has finished, by full method name and status code, for
 * {@code /metrics}. A call counts once: when the server closes it, or as CANCELLED when the
 * client goes away first.
 */
public final class GrpcCallCounter implements ServerInterceptor {
    /** One counter's labels. */
    public record Key(String method, String code) implements Comparable<Key> {
        @Override
        public int compareTo(Key o) {
            int c = method.compareTo(o.method);
            return c != 0 ? c : code.compareTo(o.code);
        }
    }

    private final ConcurrentHashMap<Key, LongAdder> counts = new ConcurrentHashMap<>();

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
        String method = call.getMethodDescriptor().getFullMethodName();
        AtomicBoolean counted = new AtomicBoolean();
        ServerCall<Q, R> counting = new ForwardingServerCall.SimpleForwardingServerCall<>(call) {
            @Override
            public void close(Status status, Metadata trailers) {
                if (counted.compareAndSet(false, true)) count(method, status.getCode());
                super.close(status, trailers);
            }
        };
        return new ForwardingServerCallListener.SimpleForwardingServerCallListener<>(next.startCall(counting, headers)) {
            @Override
            public void onCancel() {
                if (counted.compareAndSet(false, true)) count(method, Status.Code.CANCELLED);
                super.onCancel();
            }
        };
    }

    private void count(String method, Status.Code code) {
        counts.computeIfAbsent(new Key(method, code.name()), k -> new LongAdder()).increment();
    }

    /** The counts so far, sorted by method, then code. */
    public Map<Key, Long> snapshot() {
        Map<Key, Long> out = new TreeMap<>();
        counts.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }
}
