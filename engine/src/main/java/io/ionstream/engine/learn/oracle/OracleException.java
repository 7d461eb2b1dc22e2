package io.ionstream.engine.learn.oracle;

/**
 * A labelling that produced no usable numbers, with the reason in words (what ran, where its
 * files are, the tail of its error output) and a {@link Kind} for the caller's bookkeeping.
 */
public final class OracleException extends Exception {
    /** Why a calculation gave no label. */
    public enum Kind {
        /** The program could not be started (not installed, not executable). */
        START_FAILED,
        /** The program ran longer than its time limit and was stopped. */
        TIMEOUT,
        /** The program ended with a non-zero exit status. */
        EXIT_STATUS,
        /** The electronic structure did not converge: the numbers would be wrong. */
        NOT_CONVERGED,
        /** The output is missing, malformed or does not match the input configuration. */
        BAD_OUTPUT
    }

    private final Kind kind;

    public OracleException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public OracleException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() { return kind; }
}
