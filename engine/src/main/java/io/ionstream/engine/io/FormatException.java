package io.ionstream.engine.io;

/**
 * The one error every reader throws for malformed input: it names the source (file), the
 * 1-based line (0 when not tied to a line) and the problem.
 */
public final class FormatException extends IllegalArgumentException {
    private final String source;
    private final int line;
    private final String problem;

    public FormatException(String source, int line, String problem) {
        super(source + (line > 0 ? ":" + line : "") + ": " + problem);
        this.source = source;
        this.line = line;
        this.problem = problem;
    }

    public FormatException(String source, int line, String problem, Throwable cause) {
        this(source, line, problem);
        initCause(cause);
    }

    public String source() { return source; }
    public int line() { return line; }
    public String problem() { return problem; }
}
