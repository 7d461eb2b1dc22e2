package io.ionstream.server.cli;

import io.ionstream.engine.io.mlip.MlipCfgReader;
import io.ionstream.engine.io.mlip.MlipConfiguration;
import io.ionstream.engine.io.mlip.MlipSpecies;
import io.ionstream.engine.neighbor.NeighborList;
import io.ionstream.engine.neighbor.NeighborSettings;
import io.ionstream.engine.potential.ForceEngine;
import io.ionstream.engine.potential.ForceField;
import io.ionstream.engine.potential.mtp.ActiveSet;
import io.ionstream.engine.potential.mtp.MtpModel;
import io.ionstream.engine.potential.mtp.MtpPotential;
import io.ionstream.engine.potential.mtp.MtpReader;
import io.ionstream.engine.potential.mtp.RandomCoefficients;
import io.ionstream.engine.system.AtomSystem;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * {@code bin/ionstream bench mtp}: microseconds per atom per MTP force call at levels 8, 16 and 20
 * on the 1404-atom Li6PS5Cl-like cell of {@code mtp-reference/random4_argyrodite}, single thread,
 * next to MLIP's timings on this machine kind, plus the cost of an extrapolation-grade evaluation.
 */
final class MtpBenchmark implements Benchmark {
    /** MLIP-3/MLIP-2 on this machine kind, µs per atom per force call (mtp-reference/README.md). */
    private static final Map<Integer, double[]> MLIP = Map.of(8, new double[] {20, 35}, 16, new double[] {170, 410},
        20, new double[] {400, 1050});
    private static final long SEED = 20240601L;
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    @Override public String name() { return "mtp"; }

    @Override public String summary() { return "MTP force call, levels 8/16/20, 1404-atom argyrodite cell, vs MLIP"; }

    @Override
    public String help() {
        return """
            Usage: bin/ionstream bench mtp [--levels 8,16,20] [--repeat 5] [--seconds 0.5] [--shared DIR] [--json]

            Times our MTP force call (energy, forces, virial; one thread) on
            mtp-reference/random4_argyrodite/lpscl_3x3x3.cfg (1404 atoms, 4 species) with the untrained MLIP
            templates untrained4_<level>.mtp (R_min 2, R_cut 5 Å: about 27 neighbours per atom, MLIP's
            benchmark setting) whose coefficients are filled with fixed pseudo-random numbers (the timing does
            not depend on the values; the trained random4 potentials have R_cut 5.5 Å, which would change the
            neighbour count). Prints microseconds per atom per force call (median and best of --repeat blocks
            of at least --seconds each, after a warm-up) next to MLIP's timings on this machine kind and the
            speed-up against their midpoint, then the cost of one extrapolation-grade evaluation (an active set
            of the potential's full size, random entries) in force calls.

            CPU time is robust to other processes taking turns on the cores, not to them sharing caches:
            run when the machine is quiet, and repeat.

            Options:
              --levels L,...   MTP levels (templates that exist: 8, 16, 20)
              --repeat N       timed blocks per level (default 5)
              --seconds S      minimum length of each block (default 0.5)
              --shared DIR     reference data folder (default: ../shared beside the repository)
              --in-process     time all levels in this JVM (by default each level runs in its own JVM, so
                               that the JIT compiles the kernel for one level, as in a real run)
            """;
    }

    @Override public Set<String> valueOptions() { return Set.of("levels", "repeat", "seconds", "shared"); }

    @Override public Set<String> flagOptions() { return Set.of("json", "in-process"); }

    @Override
    public int run(Args args, Console console) throws Exception {
        int[] levels = args.ints("levels", new int[] {8, 16, 20});
        int repeat = (int) args.integer("repeat", 5, 1, 1000);
        double seconds = args.positive("seconds", 0.5);
        Path dir = sharedDir(args).resolve("mtp-reference/random4_argyrodite");
        Path cfgFile = dir.resolve("lpscl_3x3x3.cfg");
        if (!Files.isRegularFile(cfgFile)) throw new UsageException("benchmark cell not found: " + cfgFile + " (use --shared DIR)");
        for (int l : levels) {
            if (!Files.isRegularFile(template(dir, l))) throw new UsageException("no template for level " + l + ": " + template(dir, l));
        }
        MlipSpecies species = MlipSpecies.named("Li", "P", "S", "Cl");
        MlipConfiguration cfg = new MlipCfgReader(species).readAll(cfgFile).get(0);
        int atoms = cfg.size();
        boolean json = args.flag("json");
        if (!json) {
            console.out().printf("MTP force call on %s: %d atoms, %s, one thread, %d blocks of >= %.2g s after warm-up%n",
                cfgFile.getFileName(), atoms, cfg.system().formula(), repeat, seconds);
            console.out().printf("%-6s %7s %9s %13s %8s %8s %10s %14s%n", "level", "coeffs", "nbrs/atom", "us/atom(cpu)",
                "best", "wall", "MLIP", "speed-up(mid)");
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        boolean fork = levels.length > 1 && !args.flag("in-process");
        for (int level : levels) {
            // each level in its own JVM: the JIT then compiles the kernel for that level's loop shapes only,
            // as in a real run with one potential
            Map<String, Object> row = fork ? forked(level, repeat, seconds, args) : measure(level, dir, cfg, species, repeat, seconds);
            rows.add(row);
            if (!json) print(console, row);
        }
        Map<String, Object> li = null;
        Path liDir = sharedDir(args).resolve("mtp-reference/mlip3_Li_example");
        if (levels.length > 1 && Files.isRegularFile(liDir.resolve("pot.almtp"))) {
            li = realActiveSet(liDir, repeat, seconds);
            if (!json) {
                console.out().printf("real active set (mlip3_Li_example: level 6, %d atoms, active set %dx%d): force call %.2f us/atom,"
                        + " graded evaluation %.2f force calls%n", ((Number) li.get("atoms")).intValue(),
                    ((Number) li.get("coefficients")).intValue(), ((Number) li.get("coefficients")).intValue(),
                    num(li, "us_per_atom_median"), num(li, "graded_evaluation_in_force_calls"));
            }
        }
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("benchmark", "mtp");
            m.put("atoms", atoms);
            m.put("cell", cfgFile.toString());
            m.put("levels", rows);
            if (li != null) m.put("li_example", li);
            console.json(m);
        } else {
            console.out().println("us/atom: thread CPU time per atom per force call, median (and best) of the blocks; wall: wall clock,");
            console.out().println("inflated when other processes compete for the cores. MLIP: MLIP-3/MLIP-2 on this machine kind, serial");
            console.out().println("(mtp-reference/README.md); speed-up = MLIP midpoint / our median. Noisy machine: repeat when quiet.");
        }
        return Main.OK;
    }

    private static Map<String, Object> measure(int level, Path dir, MlipConfiguration cfg, MlipSpecies species, int repeat,
                                               double seconds) {
        int atoms = cfg.size();
        MtpModel model = RandomCoefficients.fill(MtpReader.readModel(template(dir, level)), SEED + level, 0.5);
        MtpPotential pot = new MtpPotential(model, species);
        AtomSystem sys = cfg.system().copy();
        ForceEngine engine = new ForceEngine(sys, ForceField.of(pot), NeighborSettings.defaults());
        engine.compute();
        double neighbours = neighboursWithinCutoff(engine, model.maxDist());
        warmUp(engine, Math.max(1.0, seconds));
        double[] us = new double[repeat], wall = new double[repeat];
        for (int r = 0; r < repeat; r++) {
            double[] t = block(engine, seconds);
            us[r] = t[0] / atoms * 1e6;
            wall[r] = t[1] / atoms * 1e6;
        }
        Arrays.sort(us);
        Arrays.sort(wall);
        double median = us[repeat / 2], best = us[0], wallMedian = wall[repeat / 2];

        // graded evaluations against an active set of this potential's full size, after their own warm-up
        int n = model.coefficientCount();
        pot.setActiveSet(syntheticActiveSet(n));
        gradedBlock(pot, engine, Math.max(1.0, seconds));
        double[] graded = new double[repeat];
        for (int r = 0; r < repeat; r++) graded[r] = gradedBlock(pot, engine, seconds) / atoms * 1e6;
        Arrays.sort(graded);
        double gradeUs = graded[graded.length / 2];

        double[] mlip = MLIP.get(level);
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("level", level);
        row.put("coefficients", n);
        row.put("neighbours_per_atom", neighbours);
        row.put("us_per_atom_median", median);
        row.put("us_per_atom_best", best);
        row.put("us_per_atom_wall_median", wallMedian);
        if (mlip != null) {
            row.put("mlip_us_per_atom_range", List.of(mlip[0], mlip[1]));
            row.put("speedup_vs_mlip_midpoint", 0.5 * (mlip[0] + mlip[1]) / median);
        }
        row.put("graded_evaluation_us_per_atom", gradeUs);
        row.put("graded_evaluation_in_force_calls", gradeUs / median);
        return row;
    }

    /** Force call and graded evaluation of the trained Li MTP with its own active set, on its 128-atom cell. */
    private static Map<String, Object> realActiveSet(Path dir, int repeat, double seconds) {
        MlipSpecies li = MlipSpecies.named("Li");
        MtpPotential pot = MtpPotential.load(dir.resolve("pot.almtp"), li);
        AtomSystem sys = new MlipCfgReader(li).readAll(dir.resolve("train.cfg")).get(0).system();
        ForceEngine engine = new ForceEngine(sys, ForceField.of(pot), NeighborSettings.defaults());
        warmUp(engine, Math.max(1.0, seconds));
        double[] us = new double[repeat];
        for (int r = 0; r < repeat; r++) us[r] = block(engine, seconds)[0] / sys.size() * 1e6;
        Arrays.sort(us);
        gradedBlock(pot, engine, Math.max(1.0, seconds));
        double[] graded = new double[repeat];
        for (int r = 0; r < repeat; r++) graded[r] = gradedBlock(pot, engine, seconds) / sys.size() * 1e6;
        Arrays.sort(graded);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("atoms", sys.size());
        m.put("coefficients", pot.model().coefficientCount());
        m.put("us_per_atom_median", us[repeat / 2]);
        m.put("graded_evaluation_us_per_atom", graded[graded.length / 2]);
        m.put("graded_evaluation_in_force_calls", graded[graded.length / 2] / us[repeat / 2]);
        return m;
    }

    private static void print(Console console, Map<String, Object> row) {
        int level = ((Number) row.get("level")).intValue();
        double[] mlip = MLIP.get(level);
        double median = num(row, "us_per_atom_median");
        console.out().printf("%-6d %7d %9.1f %13.2f %8.2f %8.2f %10s %14s%n", level, ((Number) row.get("coefficients")).intValue(),
            num(row, "neighbours_per_atom"), median, num(row, "us_per_atom_best"), num(row, "us_per_atom_wall_median"),
            mlip == null ? "-" : String.format("%.0f-%.0f", mlip[0], mlip[1]),
            mlip == null ? "-" : String.format("%.1fx", 0.5 * (mlip[0] + mlip[1]) / median));
        int n = ((Number) row.get("coefficients")).intValue();
        console.out().printf("       graded evaluation (active set %dx%d): %.1f us/atom = %.2f force calls%n", n, n,
            num(row, "graded_evaluation_us_per_atom"), num(row, "graded_evaluation_in_force_calls"));
    }

    private static double num(Map<String, Object> m, String key) {
        return ((Number) m.get(key)).doubleValue();
    }

    /** Runs one level in a child JVM with this JVM's options and returns its JSON row. */
    private static Map<String, Object> forked(int level, int repeat, double seconds, Args args) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = new ArrayList<>();
        cmd.add(java);
        cmd.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(Main.class.getName());
        cmd.addAll(List.of("bench", "mtp", "--levels", Integer.toString(level), "--repeat", Integer.toString(repeat),
            "--seconds", Double.toString(seconds), "--json"));
        if (args.has("shared")) cmd.addAll(List.of("--shared", args.string("shared", "")));
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int rc = p.waitFor();
        if (rc != 0) throw new IllegalStateException("benchmark of level " + level + " failed (exit " + rc + ")");
        Map<?, ?> result = new com.fasterxml.jackson.databind.ObjectMapper().readValue(out, Map.class);
        @SuppressWarnings("unchecked")
        Map<String, Object> row = (Map<String, Object>) ((List<?>) result.get("levels")).get(0);
        return row;
    }

    private static Path template(Path dir, int level) {
        return dir.resolve(String.format("untrained4_%02d.mtp", level));
    }

    static Path sharedDir(Args args) {
        if (args.has("shared")) return Path.of(args.string("shared", ""));
        String root = System.getProperty("ionstream.root");
        Path base = root != null ? Path.of(root) : Path.of("").toAbsolutePath();
        for (Path p = base; p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("shared/mtp-reference"))) return p.resolve("shared");
            if (Files.isDirectory(p.resolve("../shared/mtp-reference"))) return p.resolve("../shared").normalize();
        }
        return base.resolve("../shared").normalize();
    }

    private static void warmUp(ForceEngine e, double seconds) {
        long end = System.nanoTime() + (long) (seconds * 1e9);
        int calls = 0;
        while (System.nanoTime() < end || calls < 3) {
            e.compute();
            calls++;
        }
    }

    /** Thread CPU seconds per graded force call over a block of at least {@code seconds}. */
    private static double gradedBlock(MtpPotential pot, ForceEngine e, double seconds) {
        long c0 = CPU.getCurrentThreadCpuTime(), end = c0 + (long) (seconds * 1e9);
        int calls = 0;
        long c;
        do {
            pot.requestGrades();
            e.compute();
            calls++;
            c = CPU.getCurrentThreadCpuTime();
        } while (c < end || calls < 2);
        return (c - c0) / 1e9 / calls;
    }

    /** Thread CPU and wall seconds per force call over a block of at least {@code seconds} of CPU time. */
    private static double[] block(ForceEngine e, double seconds) {
        long c0 = CPU.getCurrentThreadCpuTime(), w0 = System.nanoTime(), end = c0 + (long) (seconds * 1e9);
        int calls = 0;
        long c;
        do {
            e.compute();
            calls++;
            c = CPU.getCurrentThreadCpuTime();
        } while (c < end || calls < 2);
        return new double[] {(c - c0) / 1e9 / calls, (System.nanoTime() - w0) / 1e9 / calls};
    }

    private static double neighboursWithinCutoff(ForceEngine e, double rc) {
        NeighborList full = e.neighborhood().full();
        double[] x = e.system().x();
        long count = 0;
        int n = e.system().size();
        for (int i = 0; i < n; i++) {
            for (int q = full.offsets()[i]; q < full.offsets()[i + 1]; q++) {
                int j = full.neighbors()[q];
                double dx = x[3 * j] - x[3 * i], dy = x[3 * j + 1] - x[3 * i + 1], dz = x[3 * j + 2] - x[3 * i + 2];
                if (dx * dx + dy * dy + dz * dz < rc * rc) count++;
            }
        }
        return (double) count / n;
    }

    /** Identity A with a random "inverse": the cost of grading does not depend on the values. */
    private static ActiveSet syntheticActiveSet(int n) {
        double[] a = new double[n * n], inv = new double[n * n];
        SplittableRandom rnd = new SplittableRandom(SEED);
        for (int i = 0; i < n; i++) a[i * n + i] = 1;
        for (int i = 0; i < inv.length; i++) inv[i] = rnd.nextDouble() - 0.5;
        return ActiveSet.neighborhoods(n, a, inv);
    }
}
