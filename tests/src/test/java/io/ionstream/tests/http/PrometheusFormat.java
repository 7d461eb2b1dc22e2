package io.ionstream.tests.http;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A strict reader of the Prometheus text exposition format 0.0.4, written for the tests from the
 * format's description (independently of the server's writer): HELP and TYPE lines at most once
 * per family and before its samples, samples of a family together, label values with their
 * escapes, Go-style float values, no repeated series, a final newline. Anything else throws with
 * the line number.
 */
final class PrometheusFormat {
    private static final Pattern NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Pattern LABEL = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");
    private static final Set<String> TYPES = Set.of("counter", "gauge", "histogram", "summary", "untyped");

    record Sample(String name, Map<String, String> labels, double value) {}

    static final class Family {
        final String name;
        String type = "untyped", help;
        boolean typed;
        final List<Sample> samples = new ArrayList<>();

        Family(String name) {
            this.name = name;
        }

        /** The value of the sample with exactly these labels (name, value, ...), or NaN. */
        double value(String... labels) {
            Map<String, String> want = new TreeMap<>();
            for (int i = 0; i < labels.length; i += 2) want.put(labels[i], labels[i + 1]);
            for (Sample s : samples) if (new TreeMap<>(s.labels()).equals(want)) return s.value();
            return Double.NaN;
        }
    }

    private PrometheusFormat() {}

    static Map<String, Family> parse(String text) {
        if (!text.isEmpty() && !text.endsWith("\n")) throw new IllegalArgumentException("the exposition must end with a newline");
        Map<String, Family> families = new LinkedHashMap<>();
        Set<String> closed = new HashSet<>();
        Set<String> series = new HashSet<>();
        String current = null;
        String[] lines = text.split("\n", -1);
        for (int n = 0; n < lines.length - 1; n++) {
            String line = lines[n];
            String where = "line " + (n + 1) + ": " + line;
            if (line.isBlank()) continue;
            if (line.startsWith("#")) {
                String[] p = line.split(" ", 4);
                if (p.length >= 3 && (p[1].equals("HELP") || p[1].equals("TYPE"))) {
                    String name = p[2];
                    if (!NAME.matcher(name).matches()) throw new IllegalArgumentException("bad metric name, " + where);
                    Family f = families.get(name);
                    if (f != null && !f.samples.isEmpty()) throw new IllegalArgumentException(p[1] + " after the family's samples, " + where);
                    if (f == null) f = families.computeIfAbsent(name, Family::new);
                    if (p[1].equals("HELP")) {
                        if (f.help != null) throw new IllegalArgumentException("second HELP, " + where);
                        f.help = p.length == 4 ? unescapeHelp(p[3], where) : "";
                    } else {
                        if (p.length != 4 || !TYPES.contains(p[3])) throw new IllegalArgumentException("bad TYPE, " + where);
                        if (f.typed) throw new IllegalArgumentException("second TYPE, " + where);
                        f.type = p[3];
                        f.typed = true;
                    }
                }
                continue;
            }
            Sample s = sample(line, where);
            String family = familyOf(s.name(), families);
            if (current != null && !current.equals(family)) closed.add(current);
            if (closed.contains(family)) throw new IllegalArgumentException("samples of " + family + " are not together, " + where);
            current = family;
            families.computeIfAbsent(family, Family::new).samples.add(s);
            if (!series.add(s.name() + new TreeMap<>(s.labels()))) throw new IllegalArgumentException("repeated series, " + where);
        }
        return families;
    }

    /** Histogram and summary samples carry suffixes; everything else is named as its family. */
    private static String familyOf(String name, Map<String, Family> families) {
        for (String suffix : new String[] {"_bucket", "_sum", "_count"}) {
            if (name.endsWith(suffix)) {
                Family f = families.get(name.substring(0, name.length() - suffix.length()));
                if (f != null && (f.type.equals("histogram") || f.type.equals("summary"))) return f.name;
            }
        }
        return name;
    }

    private static Sample sample(String line, String where) {
        int i = 0;
        while (i < line.length() && line.charAt(i) != '{' && line.charAt(i) != ' ') i++;
        String name = line.substring(0, i);
        if (!NAME.matcher(name).matches()) throw new IllegalArgumentException("bad metric name, " + where);
        Map<String, String> labels = new LinkedHashMap<>();
        if (i < line.length() && line.charAt(i) == '{') {
            i++;
            while (true) {
                if (i >= line.length()) throw new IllegalArgumentException("unterminated labels, " + where);
                if (line.charAt(i) == '}') {
                    i++;
                    break;
                }
                int eq = line.indexOf('=', i);
                if (eq < 0) throw new IllegalArgumentException("label without '=', " + where);
                String label = line.substring(i, eq);
                if (!LABEL.matcher(label).matches()) throw new IllegalArgumentException("bad label name '" + label + "', " + where);
                if (eq + 1 >= line.length() || line.charAt(eq + 1) != '"') throw new IllegalArgumentException("label value not quoted, " + where);
                StringBuilder v = new StringBuilder();
                int k = eq + 2;
                for (; ; k++) {
                    if (k >= line.length()) throw new IllegalArgumentException("unterminated label value, " + where);
                    char c = line.charAt(k);
                    if (c == '"') break;
                    if (c == '\\') {
                        char e = k + 1 < line.length() ? line.charAt(++k) : ' ';
                        switch (e) {
                            case '\\' -> v.append('\\');
                            case '"' -> v.append('"');
                            case 'n' -> v.append('\n');
                            default -> throw new IllegalArgumentException("bad escape \\" + e + ", " + where);
                        }
                    } else {
                        v.append(c);
                    }
                }
                if (labels.put(label, v.toString()) != null) throw new IllegalArgumentException("repeated label " + label + ", " + where);
                i = k + 1;
                if (i < line.length() && line.charAt(i) == ',') i++;
            }
        }
        if (i >= line.length() || line.charAt(i) != ' ') throw new IllegalArgumentException("no value, " + where);
        String[] rest = line.substring(i + 1).strip().split(" +");
        if (rest.length > 2) throw new IllegalArgumentException("trailing text, " + where);
        if (rest.length == 2) {
            try {
                Long.parseLong(rest[1]);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("bad timestamp, " + where);
            }
        }
        return new Sample(name, labels, value(rest[0], where));
    }

    private static double value(String v, String where) {
        switch (v) {
            case "NaN": return Double.NaN;
            case "+Inf": return Double.POSITIVE_INFINITY;
            case "-Inf": return Double.NEGATIVE_INFINITY;
            default:
                if (!v.matches("[-+]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][-+]?[0-9]+)?")) throw new IllegalArgumentException("bad value '" + v + "', " + where);
                return Double.parseDouble(v);
        }
    }

    private static String unescapeHelp(String s, String where) {
        StringBuilder b = new StringBuilder();
        for (int k = 0; k < s.length(); k++) {
            char c = s.charAt(k);
            if (c != '\\') {
                b.append(c);
                continue;
            }
            char e = k + 1 < s.length() ? s.charAt(++k) : ' ';
            if (e == '\\') b.append('\\');
            else if (e == 'n') b.append('\n');
            else throw new IllegalArgumentException("bad escape in HELP, " + where);
        }
        return b.toString();
    }
}
