package io.ionstream.server.cli;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.util.JsonFormat;

/** API messages as JSON (the protobuf JSON mapping, as grpcurl prints them). */
final class ProtoJson {
    private static final JsonFormat.Printer PRINTER = JsonFormat.printer();
    private static final JsonFormat.Parser PARSER = JsonFormat.parser();

    private ProtoJson() {}

    static String print(Message m) {
        try {
            return PRINTER.print(m);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException("cannot print " + m.getDescriptorForType().getName() + " as JSON: " + e.getMessage(), e);
        }
    }

    /** Reads {@code json} into {@code builder}; a syntax or field error is a usage error naming {@code source}. */
    static void parse(String json, Message.Builder builder, String source) {
        try {
            PARSER.merge(json, builder);
        } catch (InvalidProtocolBufferException e) {
            throw new UsageException(source + " is not a valid " + builder.getDescriptorForType().getName() + ": " + e.getMessage());
        }
    }
}
