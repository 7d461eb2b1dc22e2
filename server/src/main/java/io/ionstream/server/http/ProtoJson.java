package io.ionstream.server.http;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.MessageOrBuilder;
import com.google.protobuf.util.JsonFormat;

/**
 * API messages as JSON, in the protobuf JSON mapping (the names and shapes grpcurl prints:
 * lowerCamelCase fields, 64-bit integers as strings, enums by name), on one line and with fields
 * at their default values written out, so HTTP clients see what gRPC clients get.
 */
public final class ProtoJson {
    private static final JsonFormat.Printer PRINTER = JsonFormat.printer().includingDefaultValueFields().omittingInsignificantWhitespace();
    private static final JsonFormat.Parser PARSER = JsonFormat.parser();

    private ProtoJson() {}

    public static String print(MessageOrBuilder m) {
        try {
            return PRINTER.print(m);
        } catch (InvalidProtocolBufferException e) {
            // only messages holding Any fields of unknown types fail, and the API has none
            throw new IllegalStateException("cannot print " + m.getDescriptorForType().getName() + " as JSON: " + e.getMessage(), e);
        }
    }

    /** Reads a JSON request body into {@code builder}; a syntax or field error is a 400 naming the message type. */
    public static void parse(String json, Message.Builder builder) {
        try {
            PARSER.merge(json, builder);
        } catch (InvalidProtocolBufferException | RuntimeException e) {
            throw ProblemException.badRequest("the body is not a valid " + builder.getDescriptorForType().getName() + " in JSON: "
                + e.getMessage());
        }
    }
}
