package io.ionstream.server.cli.analyze;

import io.ionstream.server.cli.Args;
import io.ionstream.server.cli.Console;
import java.util.Set;

/** One sub-command of {@code bin/ionstream analyze}. */
interface Analysis {
    String name();

    String summary();

    String help();

    Set<String> valueOptions();

    default Set<String> flagOptions() { return Set.of("json"); }

    /** {@code args} positionals start after the sub-command name. */
    int run(Args args, java.util.List<String> positionals, Console console) throws Exception;
}
