package io.ionstream.server.cli;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** {@code bin/ionstream fe <sub-command>}: FE homogenisation of polycrystals. */
final class FeCommand implements Command {
    private final List<Command> subs = List.of(
        new FeHomogenizeCommand(),
        new FeMicrostructureCommand(),
        new FeTransitionCommand(),
        new FeMapCommand(),
        new FeArrheniusCommand()
    );

    @Override public String name() { return "fe"; }

    @Override public String summary() { return "FE homogenisation of polycrystals: effective diffusivity, studies (fe --help)"; }

    @Override
    public String help() {
        StringBuilder sb = new StringBuilder("""
            Usage: bin/ionstream fe <sub-command> [options] [--json]

            Effective diffusivity of periodic Voronoi polycrystals with grain boundaries, by
            trilinear voxel FE solved with FFT-preconditioned conjugate gradients (FANS).

            Sub-commands:
            """);
        for (Command c : subs) sb.append(String.format("  %-15s %s%n", c.name(), c.summary()));
        sb.append("\nbin/ionstream fe <sub-command> --help describes each.\n");
        return sb.toString();
    }

    @Override
    public String help(String[] argv) {
        for (String a : argv) {
            for (Command c : subs) if (c.name().equals(a)) return c.help();
            if (!a.startsWith("-")) break;
        }
        return help();
    }

    @Override
    public Set<String> valueOptions() {
        Set<String> all = new HashSet<>();
        for (Command c : subs) all.addAll(c.valueOptions());
        return all;
    }

    @Override
    public Set<String> flagOptions() {
        Set<String> all = new HashSet<>(Set.of("json"));
        for (Command c : subs) all.addAll(c.flagOptions());
        return all;
    }

    @Override
    public int run(Args args, Console console) throws Exception {
        String which = args.positional(0, "sub-command (one of " + names() + ")");
        Command sub = subs.stream().filter(c -> c.name().equals(which)).findFirst()
            .orElseThrow(() -> new UsageException("unknown sub-command '" + which + "' (one of " + names() + ")"));
        for (String o : args.given()) {
            if (!sub.valueOptions().contains(o) && !sub.flagOptions().contains(o))
                throw new UsageException("option --" + o + " does not apply to 'fe " + which + "'");
        }
        if (args.positionals().size() > 1) throw new UsageException("unexpected argument '" + args.positionals().get(1) + "'");
        return sub.run(args, console);
    }

    private String names() {
        return String.join(", ", subs.stream().map(Command::name).toList());
    }
}
