package io.ionstream.server.cli;

import java.util.LinkedHashMap;
import java.util.Map;

/** {@code bin/ionstream version}: what is running, on what. */
final class VersionCommand implements Command {
    @Override public String name() { return "version"; }
    @Override public String summary() { return "print the ionstream version and the Java runtime"; }
    @Override public String help() {
        return """
            Usage: bin/ionstream version [--json]

            Prints the ionstream version, the Java runtime and the number of processors.
            """;
    }

    @Override
    public int run(Args args, Console console) {
        Map<String, Object> r = new LinkedHashMap<>();
        Package p = VersionCommand.class.getPackage();
        r.put("version", p.getImplementationVersion() != null ? p.getImplementationVersion() : "development");
        r.put("java", Runtime.version().toString());
        r.put("processors", Runtime.getRuntime().availableProcessors());
        if (args.flag("json")) console.json(r);
        else r.forEach((k, v) -> console.out().println(k + ": " + v));
        return 0;
    }
}
