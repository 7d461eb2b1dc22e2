package io.ionstream.server.cli;

import java.util.Arrays;
import java.util.List;

/** Entry point of {@code bin/ionstream}: dispatches to a subcommand and maps outcomes to exit codes. */
public final class Main {
    public static final int OK = 0, FAILED = 1, USAGE = 2;

    private Main() {}

    public static void main(String[] argv) {
        System.exit(run(argv, Console.system()));
    }

    /** Runs one command line; returns the exit code (used by tests to drive the CLI in-process). */
    public static int run(String[] argv, Console console) {
        List<Command> commands = CommandRegistry.all();
        if (argv.length == 0 || argv[0].equals("--help") || argv[0].equals("-h") || argv[0].equals("help")) {
            if (argv.length > 1 && argv[0].equals("help")) return run(new String[] {argv[1], "--help"}, console);
            console.out().print(overview(commands));
            return argv.length == 0 ? USAGE : OK;
        }
        Command cmd = commands.stream().filter(c -> c.name().equals(argv[0])).findFirst().orElse(null);
        if (cmd == null) {
            console.err().println("ionstream: unknown command '" + argv[0] + "'. Commands: "
                + String.join(", ", commands.stream().map(Command::name).toList()) + " (bin/ionstream --help)");
            return USAGE;
        }
        String[] rest = Arrays.copyOfRange(argv, 1, argv.length);
        if (Arrays.asList(rest).contains("--help") || Arrays.asList(rest).contains("-h")) {
            console.out().print(cmd.help(rest));
            return OK;
        }
        try {
            Args args = Args.parse(rest, cmd.valueOptions(), cmd.flagOptions(), cmd.repeatableOptions());
            return cmd.run(args, console);
        } catch (UsageException e) {
            console.err().println("ionstream " + cmd.name() + ": " + e.getMessage());
            console.err().println("Run 'bin/ionstream " + cmd.name() + " --help' for usage.");
            return USAGE;
        } catch (OutOfMemoryError e) {
            console.err().println("ionstream " + cmd.name() + ": out of memory (" + e.getMessage()
                + "); give the JVM more with IONSTREAM_JAVA_OPTS=-Xmx<size>");
            return FAILED;
        } catch (Exception | StackOverflowError e) {
            String msg = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
            console.err().println("ionstream " + cmd.name() + ": error: " + msg);
            if (System.getenv("IONSTREAM_DEBUG") != null) e.printStackTrace(console.err());
            return FAILED;
        }
    }

    private static String overview(List<Command> commands) {
        StringBuilder sb = new StringBuilder();
        sb.append("ionstream: reactive MD and multiscale simulation of argyrodite solid electrolytes\n\n");
        sb.append("Usage: bin/ionstream <command> [options]   (bin/ionstream <command> --help for each)\n\nCommands:\n");
        for (Command c : commands) sb.append(String.format("  %-18s %s%n", c.name(), c.summary()));
        sb.append("\nExit codes: 0 success, 1 failed run, 2 usage error. --json prints machine-readable results.\n");
        return sb.toString();
    }
}
