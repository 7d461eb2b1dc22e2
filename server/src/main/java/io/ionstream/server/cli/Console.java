package io.ionstream.server.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintStream;
import java.util.Map;

/**
 * Where a command talks to its user: results on {@code out}, progress and messages on
 * {@code err} (so {@code --json} output on stdout stays machine-readable).
 */
public final class Console {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final PrintStream out;
    private final PrintStream err;
    private final boolean interactive;

    public Console(PrintStream out, PrintStream err, boolean interactive) {
        this.out = out;
        this.err = err;
        this.interactive = interactive;
    }

    public static Console system() {
        return new Console(System.out, System.err, System.console() != null);
    }

    public PrintStream out() { return out; }
    public PrintStream err() { return err; }

    /** True when stderr is a terminal (progress bars redraw in place). */
    public boolean interactive() { return interactive; }

    /** Prints a result map as JSON on stdout (numbers stay numbers; NaN becomes null). */
    public void json(Map<String, ?> result) {
        try {
            out.println(JSON.writeValueAsString(sanitise(result)));
        } catch (Exception e) {
            throw new IllegalStateException("cannot format result as JSON: " + e.getMessage(), e);
        }
    }

    private static Object sanitise(Object o) {
        if (o instanceof Double d && !Double.isFinite(d)) return null;
        if (o instanceof Map<?, ?> m) {
            java.util.LinkedHashMap<Object, Object> c = new java.util.LinkedHashMap<>();
            m.forEach((k, v) -> c.put(k, sanitise(v)));
            return c;
        }
        if (o instanceof java.util.List<?> l) return l.stream().map(Console::sanitise).toList();
        return o;
    }

    public void info(String message) {
        err.println(message);
    }
}
