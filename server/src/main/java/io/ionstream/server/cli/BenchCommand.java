package io.ionstream.server.cli;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** {@code bin/ionstream bench <name>}: runs one of the {@link Benchmark}s. */
final class BenchCommand implements Command {
    private final List<Benchmark> benchmarks = List.of(
        new ActorsBenchmark(),
        new LjBenchmark(),
        new MtpBenchmark(),
        new FeBenchmark(),
        new StreamingBenchmark()
    );

    @Override public String name() { return "bench"; }
    @Override public String summary() { return "performance benchmarks against LAMMPS/MLIP peers (bench --help)"; }

    @Override
    public String help() {
        StringBuilder sb = new StringBuilder("Usage: bin/ionstream bench <benchmark> [options] [--json]\n\nBenchmarks:\n");
        for (Benchmark b : benchmarks) sb.append(String.format("  %-10s %s%n", b.name(), b.summary()));
        sb.append("\nbin/ionstream bench <benchmark> --help describes each.\n");
        return sb.toString();
    }

    @Override
    public String help(String[] argv) {
        if (argv.length > 0) {
            for (Benchmark b : benchmarks) if (b.name().equals(argv[0])) return b.help();
        }
        return help();
    }

    @Override
    public Set<String> valueOptions() {
        Set<String> all = new HashSet<>();
        for (Benchmark b : benchmarks) all.addAll(b.valueOptions());
        return all;
    }

    @Override
    public Set<String> flagOptions() {
        Set<String> all = new HashSet<>(Set.of("json"));
        for (Benchmark b : benchmarks) all.addAll(b.flagOptions());
        return all;
    }

    @Override
    public int run(Args args, Console console) throws Exception {
        String which = args.positional(0, "benchmark name (one of " + names() + ")");
        Benchmark b = benchmarks.stream().filter(x -> x.name().equals(which)).findFirst()
            .orElseThrow(() -> new UsageException("unknown benchmark '" + which + "' (one of " + names() + ")"));
        return b.run(args, console);
    }

    private String names() {
        return String.join(", ", benchmarks.stream().map(Benchmark::name).toList());
    }
}
