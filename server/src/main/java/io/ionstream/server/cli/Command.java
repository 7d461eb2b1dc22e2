package io.ionstream.server.cli;

/**
 * One subcommand of {@code bin/ionstream}. Exit codes: 0 success, 1 failed run, 2 usage error
 * (throw {@link UsageException}); anything else thrown is reported as a failed run.
 */
public interface Command {
    /** The word typed after {@code bin/ionstream}, e.g. "bench" or "efs". */
    String name();

    /** One line for the command list. */
    String summary();

    /** Full help: synopsis, options, examples (printed by {@code --help}). */
    String help();

    /** Help for a command line that contains {@code --help} (commands with sub-commands refine it). */
    default String help(String[] argv) { return help(); }

    /** Options that take a value, without dashes (e.g. "steps"). */
    default java.util.Set<String> valueOptions() { return java.util.Set.of(); }

    /** Options that are flags, without dashes; {@code --json} by default. */
    default java.util.Set<String> flagOptions() { return java.util.Set.of("json"); }

    /** Options that take a value and may be given several times ({@code Args.values}). */
    default java.util.Set<String> repeatableOptions() { return java.util.Set.of(); }

    /** Runs with arguments already parsed against {@link #valueOptions()} and {@link #flagOptions()}. */
    int run(Args args, Console console) throws Exception;
}
