package io.ionstream.server.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parsed command-line arguments: positionals, {@code --name value} options and {@code --flag}s.
 * A command declares which options take values and which are flags; anything else is a usage
 * error naming the option. Typed getters turn bad values into {@link UsageException}s.
 */
public final class Args {
    private final List<String> positionals = new ArrayList<>();
    private final Map<String, String> options = new LinkedHashMap<>();
    private final Set<String> flags = new LinkedHashSet<>();
    private final Set<String> consumed = new LinkedHashSet<>();

    private Args() {}

    /**
     * Parses {@code argv} for a command accepting the given value options and flags (names
     * without the leading dashes). {@code --name=value} is accepted too.
     */
    public static Args parse(String[] argv, Set<String> valueOptions, Set<String> flagOptions) {
        Args a = new Args();
        for (int i = 0; i < argv.length; i++) {
            String s = argv[i];
            if (s.equals("--")) {
                for (int k = i + 1; k < argv.length; k++) a.positionals.add(argv[k]);
                break;
            }
            if (s.startsWith("--") && s.length() > 2) {
                String name = s.substring(2);
                String value = null;
                int eq = name.indexOf('=');
                if (eq >= 0) {
                    value = name.substring(eq + 1);
                    name = name.substring(0, eq);
                }
                if (flagOptions.contains(name)) {
                    if (value != null) throw new UsageException("option --" + name + " takes no value");
                    a.flags.add(name);
                } else if (valueOptions.contains(name)) {
                    if (value == null) {
                        if (i + 1 >= argv.length) throw new UsageException("option --" + name + " needs a value");
                        value = argv[++i];
                    }
                    if (a.options.put(name, value) != null) throw new UsageException("option --" + name + " given twice");
                } else {
                    throw new UsageException("unknown option --" + name);
                }
            } else if (s.startsWith("-") && s.length() == 2 && valueOptions.contains(s.substring(1))) {
                String name = s.substring(1);
                if (i + 1 >= argv.length) throw new UsageException("option -" + name + " needs a value");
                a.options.put(name, argv[++i]);
            } else {
                a.positionals.add(s);
            }
        }
        return a;
    }

    public List<String> positionals() { return positionals; }

    public String positional(int i, String what) {
        if (i >= positionals.size()) throw new UsageException("missing " + what);
        return positionals.get(i);
    }

    public boolean flag(String name) { return flags.contains(name); }

    /** Names of the value options and flags given (commands with sub-commands check them per sub-command). */
    public Set<String> given() {
        Set<String> all = new LinkedHashSet<>(options.keySet());
        all.addAll(flags);
        return all;
    }

    public boolean has(String name) { return options.containsKey(name); }

    public String string(String name, String def) {
        return options.getOrDefault(name, def);
    }

    public String required(String name) {
        String v = options.get(name);
        if (v == null) throw new UsageException("missing required option --" + name);
        return v;
    }

    public double decimal(String name, double def) {
        String v = options.get(name);
        if (v == null) return def;
        try {
            double d = Double.parseDouble(v);
            if (!Double.isFinite(d)) throw new NumberFormatException();
            return d;
        } catch (NumberFormatException e) {
            throw new UsageException("option --" + name + " expects a number, got '" + v + "'");
        }
    }

    public long integer(String name, long def) {
        String v = options.get(name);
        if (v == null) return def;
        try {
            return Long.parseLong(v.replace("_", ""));
        } catch (NumberFormatException e) {
            throw new UsageException("option --" + name + " expects an integer, got '" + v + "'");
        }
    }

    /** An integer option that must lie in [min, max]. */
    public long integer(String name, long def, long min, long max) {
        long v = integer(name, def);
        if (v < min || v > max) throw new UsageException("option --" + name + " must be in " + min + ".." + max + ", got " + v);
        return v;
    }

    /** A positive number option. */
    public double positive(String name, double def) {
        double v = decimal(name, def);
        if (!(v > 0)) throw new UsageException("option --" + name + " must be positive, got " + v);
        return v;
    }

    /** Comma-separated integers, e.g. "4,4,4". */
    public int[] ints(String name, int[] def) {
        String v = options.get(name);
        if (v == null) return def;
        String[] p = v.split(",");
        int[] out = new int[p.length];
        try {
            for (int i = 0; i < p.length; i++) out[i] = Integer.parseInt(p[i].strip());
        } catch (NumberFormatException e) {
            throw new UsageException("option --" + name + " expects comma-separated integers, got '" + v + "'");
        }
        return out;
    }

    /** An existing readable file given as an option or positional value. */
    public static Path existingFile(String value, String what) {
        Path p = Path.of(value);
        if (!Files.isRegularFile(p)) throw new UsageException(what + " '" + value + "' does not exist or is not a file");
        if (!Files.isReadable(p)) throw new UsageException(what + " '" + value + "' is not readable");
        return p;
    }
}
