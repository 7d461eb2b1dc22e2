package io.ionstream.server.cli.analyze;

import io.ionstream.server.cli.Args;
import io.ionstream.server.cli.Command;
import io.ionstream.server.cli.Console;
import io.ionstream.server.cli.UsageException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** {@code bin/ionstream analyze <diffusion|arrhenius|gb|sei> …}: post-analysis of trajectories and results. */
public final class AnalyzeCommand implements Command {
    private final List<Analysis> analyses = List.of(new DiffusionAnalysisCommand(), new ArrheniusCommand(), new GbCommand(),
        new SeiCommand());

    @Override public String name() { return "analyze"; }

    @Override public String summary() { return "diffusion (MSD, D ± err), Arrhenius/σ, GB and SEI analysis of trajectories (analyze --help)"; }

    @Override
    public String help() {
        StringBuilder sb = new StringBuilder("Usage: bin/ionstream analyze <analysis> [options] [--json] [files…]\n\nAnalyses:\n");
        for (Analysis a : analyses) sb.append(String.format("  %-10s %s%n", a.name(), a.summary()));
        sb.append("\nbin/ionstream analyze <analysis> --help describes each.\n");
        return sb.toString();
    }

    @Override
    public String help(String[] argv) {
        if (argv.length > 0) for (Analysis a : analyses) if (a.name().equals(argv[0])) return a.help();
        return help();
    }

    @Override
    public Set<String> valueOptions() {
        Set<String> all = new HashSet<>();
        for (Analysis a : analyses) all.addAll(a.valueOptions());
        return all;
    }

    @Override
    public Set<String> flagOptions() {
        Set<String> all = new HashSet<>(Set.of("json"));
        for (Analysis a : analyses) all.addAll(a.flagOptions());
        return all;
    }

    @Override
    public int run(Args args, Console console) throws Exception {
        String which = args.positional(0, "analysis (one of " + names() + ")");
        Analysis a = analyses.stream().filter(x -> x.name().equals(which)).findFirst()
            .orElseThrow(() -> new UsageException("unknown analysis '" + which + "' (one of " + names() + ")"));
        for (String opt : valueOptions()) {
            if (args.has(opt) && !a.valueOptions().contains(opt)) throw new UsageException("option --" + opt + " does not apply to analyze " + which);
        }
        for (String flag : flagOptions()) {
            if (args.flag(flag) && !a.flagOptions().contains(flag)) throw new UsageException("option --" + flag + " does not apply to analyze " + which);
        }
        List<String> rest = args.positionals().subList(1, args.positionals().size());
        return a.run(args, rest, console);
    }

    private String names() {
        return String.join(", ", analyses.stream().map(Analysis::name).toList());
    }
}
