package io.ionstream.server.cli;

/** A command line that cannot be run as typed (exit code 2); the message says what to change. */
public final class UsageException extends RuntimeException {
    public UsageException(String message) {
        super(message);
    }
}
