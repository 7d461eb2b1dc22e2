package io.ionstream.server.http.metrics;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A writer of the Prometheus text exposition format 0.0.4: metric families, each introduced once
 * by {@code # HELP} and {@code # TYPE} and followed by its samples
 * ({@code name{label="value",...} value}); label values and help texts escaped as the format
 * says. Misuse (a family written twice, a sample outside its family, a bad name) is a
 * programming error and throws.
 */
public final class PrometheusText {
    /** The Content-Type of the format. */
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";
    private static final Pattern NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Pattern LABEL = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");

    /** The metric types of the format. */
    public enum Type { COUNTER, GAUGE, UNTYPED }

    private final StringBuilder out = new StringBuilder(8192);
    private final Set<String> families = new HashSet<>();
    private String family;

    /** Starts a family; its samples follow. */
    public PrometheusText family(String name, Type type, String help) {
        if (!NAME.matcher(name).matches()) throw new IllegalArgumentException("bad metric name '" + name + "'");
        if (!families.add(name)) throw new IllegalStateException("metric family " + name + " written twice");
        family = name;
        out.append("# HELP ").append(name).append(' ').append(help.replace("\\", "\\\\").replace("\n", "\\n")).append('\n');
        out.append("# TYPE ").append(name).append(' ').append(type.name().toLowerCase(Locale.ROOT)).append('\n');
        return this;
    }

    /** A sample of the current family without labels. */
    public PrometheusText sample(double value) {
        return sample(value, new String[0]);
    }

    /** A sample of the current family; {@code labels} are name, value, name, value, ... */
    public PrometheusText sample(double value, String... labels) {
        if (family == null) throw new IllegalStateException("a sample needs a family first");
        if (labels.length % 2 != 0) throw new IllegalArgumentException("labels come in name/value pairs");
        out.append(family);
        if (labels.length > 0) {
            out.append('{');
            for (int i = 0; i < labels.length; i += 2) {
                if (!LABEL.matcher(labels[i]).matches() || labels[i].startsWith("__")) {
                    throw new IllegalArgumentException("bad label name '" + labels[i] + "'");
                }
                if (i > 0) out.append(',');
                out.append(labels[i]).append("=\"");
                escapeLabel(labels[i + 1] == null ? "" : labels[i + 1]);
                out.append('"');
            }
            out.append('}');
        }
        out.append(' ').append(number(value)).append('\n');
        return this;
    }

    private void escapeLabel(String v) {
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '"' -> out.append("\\\"");
                case '\n' -> out.append("\\n");
                default -> out.append(c);
            }
        }
    }

    /** A value as the format writes it: integers without a fraction, NaN and ±Inf by name. */
    static String number(double v) {
        if (Double.isNaN(v)) return "NaN";
        if (Double.isInfinite(v)) return v > 0 ? "+Inf" : "-Inf";
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return Long.toString((long) v);
        return Double.toString(v);
    }

    @Override
    public String toString() { return out.toString(); }
}
