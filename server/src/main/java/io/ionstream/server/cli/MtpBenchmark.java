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

            Timings are wall clock on a shared machine: run when it is quiet, and repeat.

            Options:
              --levels L,...   MTP levels (templates that exist: 8, 16, 20)
              --repeat N       timed blocks per level (default 5)
              --seconds S      minimum length of each block (default 0.5)
              --shared DIR     reference data folder (default: ../shared beside the repository)
            """;
    }

    @Override public Set<String> valueOptions() { return Set.of("levels", "repeat", "seconds", "shared"); }

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
            console.out().printf("%-6s %7s %9s %22s %17s %9s %14s%n", "level", "coeffs", "nbrs/atom", "ours us/atom (median)",
                "best", "MLIP", "speed-up(mid)");
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int level : levels) {
            MtpModel model = RandomCoefficients.fill(MtpReader.readModel(template(dir, level)), SEED + level, 0.5);
            MtpPotential pot = new MtpPotential(model, species);
            AtomSystem sys = cfg.system().copy();
            ForceEngine engine = new ForceEngine(sys, ForceField.of(pot), NeighborSettings.defaults());
            engine.compute();
            double neighbours = neighboursWithinCutoff(engine, model.maxDist());
            warmUp(engine, Math.max(1.0, seconds));
            double[] us = new double[repeat];
            for (int r = 0; r < repeat; r++) us[r] = block(engine, seconds) / atoms * 1e6;
            Arrays.sort(us);
            double median = us[repeat / 2], best = us[0];

            // one graded evaluation against an active set of this potential's full size
            int n = model.coefficientCount();
            pot.setActiveSet(syntheticActiveSet(n));
            double[] graded = new double[Math.max(3, repeat)];
            for (int r = 0; r < graded.length; r++) {
                pot.requestGrades();
                long t0 = System.nanoTime();
                engine.compute();
                graded[r] = (System.nanoTime() - t0) / 1e3 / atoms;
            }
            Arrays.sort(graded);
            double gradeCalls = graded[graded.length / 2] / median;

            double[] mlip = MLIP.get(level);
            double mid = mlip == null ? Double.NaN : 0.5 * (mlip[0] + mlip[1]);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("level", level);
            row.put("coefficients", n);
            row.put("neighbours_per_atom", neighbours);
            row.put("us_per_atom_median", median);
            row.put("us_per_atom_best", best);
            if (mlip != null) {
                row.put("mlip_us_per_atom_range", List.of(mlip[0], mlip[1]));
                row.put("speedup_vs_mlip_midpoint", mid / median);
            }
            row.put("graded_call_in_force_calls", gradeCalls);
            rows.add(row);
            if (!json) {
                console.out().printf("%-6d %7d %9.1f %22.2f %17.2f %9s %14s%n", level, n, neighbours, median, best,
                    mlip == null ? "-" : String.format("%.0f-%.0f", mlip[0], mlip[1]),
                    mlip == null ? "-" : String.format("%.1fx", mid / median));
                console.out().printf("       graded evaluation (active set %dx%d): %.2f force calls (%.1f us/atom)%n", n, n,
                    gradeCalls, graded[graded.length / 2]);
            }
        }
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("benchmark", "mtp");
            m.put("atoms", atoms);
            m.put("cell", cfgFile.toString());
            m.put("levels", rows);
            console.json(m);
        } else {
            console.out().println("MLIP: MLIP-3/MLIP-2 on this machine kind, serial (mtp-reference/README.md). Noisy machine: repeat.");
        }
        return Main.OK;
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

    /** Seconds per force call over a block of at least {@code seconds}. */
    private static double block(ForceEngine e, double seconds) {
        long t0 = System.nanoTime(), end = t0 + (long) (seconds * 1e9);
        int calls = 0;
        long t;
        do {
            e.compute();
            calls++;
            t = System.nanoTime();
        } while (t < end || calls < 2);
        return (t - t0) / 1e9 / calls;
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
