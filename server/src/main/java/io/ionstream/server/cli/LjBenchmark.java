package io.ionstream.server.cli;

import io.ionstream.engine.bench.LjMeltProblem;
import io.ionstream.engine.md.MdRunner;
import io.ionstream.engine.md.VelocityVerlet;
import io.ionstream.engine.system.AtomSystem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code bin/ionstream bench lj}: LAMMPS's {@code bench/in.lj} (see {@link LjMeltProblem}) in our
 * serial engine, then in LAMMPS on one core when {@code lmp} is installed, compared in atom-steps
 * per second. Both sides time only the MD loop (LAMMPS's "Loop time"): setup, the initial force
 * evaluation and, on our side, a JIT warm-up run on a copy of the system are excluded.
 */
final class LjBenchmark implements Benchmark {
    private static final Pattern LOOP_TIME =
        Pattern.compile("Loop time of ([0-9.eE+-]+) on (\\d+) procs for (\\d+) steps with (\\d+) atoms");
    private static final Pattern CPU_USE = Pattern.compile("([0-9.]+)% CPU use");

    @Override public String name() { return "lj"; }

    @Override public String summary() { return "LAMMPS bench/in.lj (32 000 LJ atoms, NVE): ours vs lmp, single core"; }

    @Override
    public String help() {
        return """
            Usage: bin/ionstream bench lj [--steps N] [--warmup N] [--cells N] [--repeat N] [--no-lammps] [--json]

            LAMMPS's bench/in.lj problem: an fcc Lennard-Jones crystal at reduced density 0.8442
            melting from T* = 1.44 (cells^3 x 4 atoms, 32 000 by default), cut-off 2.5 sigma,
            skin 0.3 sigma, NVE with dt = 0.005 tau, neighbour lists rebuilt every 20 steps
            without a displacement check. Reduced units are mapped to argon in metal units.

            Runs our serial engine first: a warm-up run of --warmup steps on a copy of the system
            lets the JIT compile the hot loops (excluded from the timing), then --steps steps are
            timed after the initial force evaluation. Then, when lmp (Debian package 'lammps') is
            on PATH, the equivalent LAMMPS input runs on one core (OMP_NUM_THREADS=1, no
            accelerator suffix) and its "Loop time" is read from its log.

            Prints atom-steps per second for both and the ratio ours / LAMMPS (above 1: we are
            faster). --json gives ours_atom_steps_per_s, lammps_atom_steps_per_s and ratio (null
            without lmp), plus the timings and both initial potential energies (which must agree:
            same lattice, same potential). On a shared machine the wall-clock ratio depends on
            what else runs; cpu_ratio (and the CPU-time line) compares the CPU time of the two
            single-threaded loops instead (LAMMPS's from its "% CPU use" line).

            Options:
              --steps N     timed MD steps (default 100, as in.lj)
              --warmup N    untimed JIT warm-up steps on a copy (default 200)
              --cells N     fcc cells per edge (default 20: 32 000 atoms)
              --repeat N    time each side N times and keep the best (default 1)
              --no-lammps   skip the LAMMPS run
              --json        machine-readable result on stdout

            Timings on a shared machine are noisy: use --repeat 3, or run it two or three times.
            """;
    }

    @Override public Set<String> valueOptions() { return Set.of("steps", "warmup", "cells", "repeat"); }

    @Override public Set<String> flagOptions() { return Set.of("json", "no-lammps"); }

    @Override
    public int run(Args args, Console console) throws Exception {
        long steps = args.integer("steps", 100, 1, 1_000_000);
        long warmup = args.integer("warmup", 200, 0, 1_000_000);
        int cells = (int) args.integer("cells", 20, 1, 200);
        boolean json = args.flag("json");

        AtomSystem probe = LjMeltProblem.system(cells, LjMeltProblem.SEED);
        int atoms = probe.size();
        console.info(String.format(Locale.ROOT, "bench lj: %d atoms, %d steps, dt = %.6g ps, cut %.4g Å, skin %.4g Å",
            atoms, steps, LjMeltProblem.timestep(), LjMeltProblem.cutoff(), LjMeltProblem.skin()));

        if (warmup > 0) {
            console.info("warming up the JIT: " + warmup + " steps (not timed)");
            runner(probe).run(warmup);
        }
        // best of --repeat runs on each side: a shared machine only ever slows a run down
        int repeat = (int) args.integer("repeat", 1, 1, 100);
        double ours = Double.POSITIVE_INFINITY, oursCpu = Double.POSITIVE_INFINITY, pe0 = Double.NaN, etot = Double.NaN;
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        for (int r = 0; r < repeat; r++) {
            MdRunner md = runner(LjMeltProblem.system(cells, LjMeltProblem.SEED));
            md.setup();
            pe0 = md.potentialEnergy();
            long c0 = threads.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            md.run(steps);
            ours = Math.min(ours, (System.nanoTime() - t0) * 1e-9);
            oursCpu = Math.min(oursCpu, (threads.getCurrentThreadCpuTime() - c0) * 1e-9);
            etot = md.totalEnergy();
        }
        double oursRate = atoms * steps / ours;

        LammpsResult lammps = null;
        Path lmp = args.flag("no-lammps") ? null : findLammps();
        if (lmp != null) {
            console.info("running LAMMPS (" + lmp + ", 1 core) ...");
            for (int r = 0; r < repeat; r++) {
                LammpsResult run = runLammps(lmp, cells, steps);
                if (lammps == null || run.seconds < lammps.seconds) lammps = run;
            }
        } else if (!args.flag("no-lammps")) {
            console.info("lmp not found on PATH: install Debian's 'lammps' package to compare");
        }
        double lammpsRate = lammps == null ? Double.NaN : lammps.atoms * (double) lammps.steps / lammps.seconds;
        double ratio = lammps == null ? Double.NaN : oursRate / lammpsRate;
        // on a shared machine CPU time is the steadier measure: both runs are single-threaded
        double cpuRatio = lammps == null ? Double.NaN : lammps.seconds * lammps.cpuPercent / 100.0 / oursCpu;

        if (json) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("atoms", atoms);
            r.put("steps", steps);
            r.put("warmup_steps", warmup);
            r.put("repeats", repeat);
            r.put("ours_seconds", ours);
            r.put("ours_atom_steps_per_s", oursRate);
            r.put("lammps_seconds", lammps == null ? null : lammps.seconds);
            r.put("lammps_atom_steps_per_s", lammps == null ? null : lammpsRate);
            r.put("ratio", lammps == null ? null : ratio);
            r.put("ours_cpu_seconds", oursCpu);
            r.put("lammps_cpu_seconds", lammps == null ? null : lammps.seconds * lammps.cpuPercent / 100.0);
            r.put("cpu_ratio", lammps == null ? null : cpuRatio);
            r.put("ours_initial_pe_ev", pe0);
            r.put("lammps_initial_pe_ev", lammps == null ? null : lammps.initialPe);
            r.put("ours_final_total_energy_ev", etot);
            console.json(r);
        } else {
            var out = console.out();
            out.printf(Locale.ROOT, "ionstream  %8.3f s  %12.4g atom-steps/s   initial PE %.10g eV%n", ours, oursRate, pe0);
            if (lammps != null) {
                out.printf(Locale.ROOT, "LAMMPS     %8.3f s  %12.4g atom-steps/s   initial PE %.10g eV%n", lammps.seconds,
                    lammpsRate, lammps.initialPe);
                out.printf(Locale.ROOT, "ratio (ours / LAMMPS): %.3f   (CPU-time ratio %.3f: ours %.3f s, LAMMPS %.3f s)%n",
                    ratio, cpuRatio, oursCpu, lammps.seconds * lammps.cpuPercent / 100.0);
            } else {
                out.println("LAMMPS     not run");
            }
        }
        return 0;
    }

    private static MdRunner runner(AtomSystem sys) {
        return new MdRunner(sys, LjMeltProblem.forceField(), new VelocityVerlet(LjMeltProblem.timestep()),
            LjMeltProblem.neighborSettings());
    }

    private record LammpsResult(double seconds, long steps, long atoms, double initialPe, double cpuPercent) {}

    static Path findLammps() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            for (String name : List.of("lmp", "lmp_serial")) {
                if (dir.isEmpty()) continue;
                Path p = Path.of(dir, name);
                if (Files.isExecutable(p)) return p;
            }
        }
        return null;
    }

    private static LammpsResult runLammps(Path lmp, int cells, long steps) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("ionstream-bench-lj");
        try {
            Files.writeString(dir.resolve("in.lj"), LjMeltProblem.lammpsInput(cells, steps));
            ProcessBuilder pb = new ProcessBuilder(lmp.toString(), "-in", "in.lj", "-log", "log.lammps", "-screen", "none")
                .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(dir.resolve("stdout.txt").toFile());
            pb.environment().put("OMP_NUM_THREADS", "1");
            Process p = pb.start();
            if (!p.waitFor(30, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new IllegalStateException("LAMMPS did not finish within 30 minutes");
            }
            List<String> log = Files.exists(dir.resolve("log.lammps")) ? Files.readAllLines(dir.resolve("log.lammps")) : List.of();
            if (p.exitValue() != 0) {
                throw new IllegalStateException("LAMMPS failed (exit " + p.exitValue() + "): "
                    + tail(Files.readAllLines(dir.resolve("stdout.txt"))));
            }
            double pe0 = Double.NaN;
            for (int i = 0; i < log.size(); i++) {
                Matcher m = LOOP_TIME.matcher(log.get(i));
                if (log.get(i).strip().startsWith("Step") && i + 1 < log.size() && Double.isNaN(pe0)) {
                    String[] f = log.get(i + 1).strip().split("\\s+");
                    pe0 = Double.parseDouble(f[2]);
                }
                if (m.find()) {
                    double cpu = 100.0;
                    for (int k = i + 1; k < Math.min(log.size(), i + 5); k++) {
                        Matcher c = CPU_USE.matcher(log.get(k));
                        if (c.find()) cpu = Double.parseDouble(c.group(1));
                    }
                    return new LammpsResult(Double.parseDouble(m.group(1)), Long.parseLong(m.group(3)),
                        Long.parseLong(m.group(4)), pe0, cpu);
                }
            }
            throw new IllegalStateException("no 'Loop time' line in the LAMMPS log: " + tail(log));
        } finally {
            try (var files = Files.list(dir)) {
                for (Path f : (Iterable<Path>) files::iterator) Files.deleteIfExists(f);
            }
            Files.deleteIfExists(dir);
        }
    }

    private static String tail(List<String> lines) {
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 10), lines.size()));
    }
}
