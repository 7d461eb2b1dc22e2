package io.ionstream.server.cli;

import java.util.Set;

/**
 * One benchmark of {@code bin/ionstream bench <name>}: it measures our engine and, where a peer
 * (LAMMPS, MLIP) is installed, the peer on the same problem in the same run, and prints both
 * with their ratio. Benchmarks are commands, never tests.
 */
public interface Benchmark {
    String name();

    String summary();

    String help();

    default Set<String> valueOptions() { return Set.of(); }

    default Set<String> flagOptions() { return Set.of("json"); }

    int run(Args args, Console console) throws Exception;
}
