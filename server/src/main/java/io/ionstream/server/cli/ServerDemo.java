package io.ionstream.server.cli;

import io.ionstream.client.IonstreamClient;
import io.ionstream.client.Watch;
import io.ionstream.proto.v1.Job;
import io.ionstream.proto.v1.JobResults;
import io.ionstream.proto.v1.JobState;
import io.ionstream.proto.v1.ObservableValues;
import io.ionstream.proto.v1.Sample;
import io.ionstream.server.config.ServerConfig;
import io.ionstream.server.grpc.IonstreamServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The server demo: starts an in-process server on a free loopback port with a temporary data
 * directory, submits {@link DemoJob}, watches it through the client library (live progress and
 * observables), and prints a summary: throughput, NVE energy drift, mean temperature and
 * pressure, and how late the samples arrived.
 */
final class ServerDemo {
    static final String HELP = String.format(Locale.ROOT, """
        Usage: bin/ionstream demo [--argon] [--steps N] [--seed S] [--data-dir DIR [--keep]] [--json]

        Starts an in-process server, submits a short MD job over gRPC and watches it live: a progress
        bar with the temperature, energies and pressure as they stream, then a summary (throughput,
        NVE energy drift, mean T and P, D of Li from the MSD, sample latency from the MD thread to this
        terminal). The system is ordered Li6PS5Cl (2x2x2, 416 atoms, a = 9.9 A) with the bundled MTP
        lpscl-xtb-l10 (fitted to GFN1-xTB, not DFT: potentials/lpscl-xtb-l10/README.md) at 500 K and
        constant volume, 1 fs steps: velocities at 750 K, 40 %% NVT, then NVE.

        Options:
          --argon        the Lennard-Jones argon liquid instead (2916 atoms, 120 K, 5 fs)
          --steps N      MD steps (default %d: about 30 s on 2 cores)
          --seed S       seed of the initial velocities (default 1); the same seed, the same run
          --data-dir DIR keep the server's data here (default: a temporary folder, removed afterwards)
          --keep         do not remove the data directory
          --json         print the summary as JSON on stdout
        """, DemoJob.DEFAULT_STEPS);

    private final Console console;

    ServerDemo(Console console) {
        this.console = console;
    }

    int run(Args args) throws Exception {
        long steps = args.integer("steps", DemoJob.DEFAULT_STEPS, 10, 100_000_000);
        long seed = args.integer("seed", 1);
        boolean temporary = !args.has("data-dir");
        Path data = temporary ? Files.createTempDirectory("ionstream-demo") : Path.of(args.required("data-dir")).toAbsolutePath();
        DemoJob demo = DemoJob.of(args.flag("argon") ? DemoJob.ARGON : DemoJob.LI6PS5CL, steps, seed);
        org.slf4j.LoggerFactory.getILoggerFactory();
        List<long[]> latencies = new ArrayList<>();
        List<double[]> nve = new ArrayList<>();
        Job last;
        JobResults results;
        String target;
        try (IonstreamServer server = IonstreamServer.start(ServerConfig.load(List.of("data-dir=\"" + data + "\"", "grpc.host=\"127.0.0.1\"",
                 "grpc.port=0"), null));
             IonstreamClient client = IonstreamClient.connect(server.target()).build()) {
            target = server.target();
            console.info("demo: in-process server on " + target + ", data in " + data);
            console.info("demo: " + demo.label());
            Job job = client.submit(demo.spec());
            server.http().ifPresent(h -> console.info("demo: live monitor at " + h.jobUrl(job.getJobId())));
            LiveView view = new LiveView(console, "demo") {
                @Override
                public synchronized void sample(Sample s, long dropped) {
                    Instant now = Instant.now();
                    latencies.add(new long[] {now.getEpochSecond() * 1_000_000_000L + now.getNano() - s.getProducedUnixNanos()});
                    if (s.getStage().equals(demo.nveStage()) && job() != null) nve.add(thermo(s, job()));
                    super.sample(s, dropped);
                }
            };
            Watch w = client.watch(job.getJobId(), view);
            last = w.await(Duration.ofDays(1));
            results = last.getState() == JobState.COMPLETED ? client.results(job.getJobId()) : null;
        } finally {
            if (temporary && !args.flag("keep")) deleteTree(data);
        }
        if (results == null) {
            console.err().println("demo: the job ended " + last.getState() + ": " + last.getMessage());
            return Main.FAILED;
        }
        Map<String, Object> out = summary(demo, last, results, latencies, nve);
        out.put("seed", seed);
        out.put("server", target);
        if (args.flag("json")) {
            console.json(out);
        } else {
            console.out().printf(Locale.ROOT, "system                %s%n", demo.label());
            console.out().printf(Locale.ROOT, "atoms                 %d%n", last.getAtoms());
            console.out().printf(Locale.ROOT, "steps                 %d (%.1f s of MD)%n", last.getStep(), results.getWallSeconds());
            console.out().printf(Locale.ROOT, "throughput            %.3g atom-steps/s%n", results.getAtomStepsPerSecond());
            console.out().printf(Locale.ROOT, "NVE energy drift      %.2e eV/atom/ps (fluctuation %.1e eV/atom)%n", out.get("energy_drift_ev_per_atom_per_ps"),
                out.get("energy_fluctuation_ev_per_atom"));
            console.out().printf(Locale.ROOT, "NVE mean temperature  %.2f K%n", out.get("mean_temperature_k"));
            console.out().printf(Locale.ROOT, "NVE mean pressure     %.1f bar%n", out.get("mean_pressure_bar"));
            console.out().printf(Locale.ROOT, "NVE MSD               %.3f A^2 at the end; D from its slope %.2e cm^2/s%n", out.get("final_msd_a2"),
                out.get("diffusion_cm2_s"));
            console.out().printf(Locale.ROOT, "samples streamed      %d (latency MD thread -> terminal: p50 %.1f ms, p99 %.1f ms)%n",
                out.get("samples"), out.get("latency_p50_ms"), out.get("latency_p99_ms"));
        }
        return Main.OK;
    }

    /** Of a sample: time, temperature, pressure, total energy (thermo), total MSD (NaN without msd). */
    private static double[] thermo(Sample s, Job job) {
        double[] out = {s.getTimePs(), Double.NaN, Double.NaN, Double.NaN, Double.NaN};
        for (ObservableValues v : s.getObservablesList()) {
            List<String> names = job.getObservablesList().stream().filter(o -> o.getName().equals(v.getName())).findFirst()
                .map(o -> (List<String>) o.getValueNamesList()).orElse(List.of());
            if (v.getName().equals("thermo")) {
                out[1] = v.getValues(names.indexOf("temperature_K"));
                out[2] = v.getValues(names.indexOf("pressure_bar"));
                out[3] = v.getValues(names.indexOf("etotal_eV"));
            } else if (v.getName().equals("msd")) {
                out[4] = v.getValues(names.indexOf("msd_total_A2"));
            }
        }
        return out;
    }

    private static Map<String, Object> summary(DemoJob demo, Job last, JobResults r, List<long[]> latencies, List<double[]> nve) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("system", demo.label());
        m.put("job", last.getJobId());
        m.put("atoms", last.getAtoms());
        m.put("steps", last.getStep());
        m.put("md_seconds", r.getWallSeconds());
        m.put("atom_steps_per_s", r.getAtomStepsPerSecond());
        double[] fit = fit(nve);
        m.put("energy_drift_ev_per_atom_per_ps", fit[0] / last.getAtoms());
        m.put("energy_fluctuation_ev_per_atom", fit[1] / last.getAtoms());
        m.put("mean_temperature_k", nve.stream().mapToDouble(x -> x[1]).average().orElse(Double.NaN));
        m.put("mean_pressure_bar", nve.stream().mapToDouble(x -> x[2]).average().orElse(Double.NaN));
        m.put("final_total_energy_ev", nve.isEmpty() ? Double.NaN : nve.get(nve.size() - 1)[3]);
        List<double[]> msd = nve.stream().filter(x -> Double.isFinite(x[4])).map(x -> new double[] {x[0], 0, 0, x[4]}).toList();
        m.put("final_msd_a2", msd.isEmpty() ? Double.NaN : msd.get(msd.size() - 1)[3]);
        // Einstein: MSD = 6 D t; slope in Å²/ps, 1 Å²/ps = 1e-4 cm²/s
        m.put("diffusion_cm2_s", fit(msd)[0] / 6 * 1e-4);
        m.put("samples", latencies.size());
        long[] l = latencies.stream().mapToLong(x -> x[0]).sorted().toArray();
        m.put("latency_p50_ms", percentile(l, 0.50) * 1e-6);
        m.put("latency_p99_ms", percentile(l, 0.99) * 1e-6);
        return m;
    }

    static double percentile(long[] sorted, double q) {
        if (sorted.length == 0) return Double.NaN;
        return sorted[(int) Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
    }

    /** Least-squares slope of E(t) (eV/ps) and the standard deviation about it (eV). */
    private static double[] fit(List<double[]> s) {
        int m = s.size();
        if (m < 3) return new double[] {Double.NaN, Double.NaN};
        double mt = 0, me = 0;
        for (double[] x : s) {
            mt += x[0];
            me += x[3];
        }
        mt /= m;
        me /= m;
        double stt = 0, ste = 0;
        for (double[] x : s) {
            stt += (x[0] - mt) * (x[0] - mt);
            ste += (x[0] - mt) * (x[3] - me);
        }
        double slope = ste / stt, ss = 0;
        for (double[] x : s) {
            double d = x[3] - me - slope * (x[0] - mt);
            ss += d * d;
        }
        return new double[] {slope, Math.sqrt(ss / (m - 2))};
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) return;
        try (var walk = Files.walk(root)) {
            for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) Files.deleteIfExists(p);
        }
    }

}
