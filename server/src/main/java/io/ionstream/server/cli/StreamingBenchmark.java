package io.ionstream.server.cli;

import io.ionstream.client.IonstreamClient;
import io.ionstream.client.Watch;
import io.ionstream.client.WatchListener;
import io.ionstream.proto.v1.Ensemble;
import io.ionstream.proto.v1.InitialVelocities;
import io.ionstream.proto.v1.Job;
import io.ionstream.proto.v1.JobResults;
import io.ionstream.proto.v1.JobSpec;
import io.ionstream.proto.v1.JobState;
import io.ionstream.proto.v1.MdJob;
import io.ionstream.proto.v1.MdStage;
import io.ionstream.proto.v1.ObservableRequest;
import io.ionstream.proto.v1.PotentialSource;
import io.ionstream.proto.v1.PresetStructure;
import io.ionstream.proto.v1.Protocol;
import io.ionstream.proto.v1.Sample;
import io.ionstream.proto.v1.Stage;
import io.ionstream.proto.v1.StageList;
import io.ionstream.proto.v1.StructureSource;
import io.ionstream.server.config.ServerConfig;
import io.ionstream.server.grpc.IonstreamServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code bin/ionstream bench streaming}: what live streaming costs. The same job (an argon LJ
 * liquid, NVE) runs on an in-process server with no watcher and with N watchers (ALL mode, over
 * loopback gRPC, in this JVM), interleaved and repeated; it reports the MD throughput of each
 * (from the job's own wall time) and their ratio, and the latency of samples from the MD thread
 * to the watchers (p50, p99, max).
 */
final class StreamingBenchmark implements Benchmark {
    @Override public String name() { return "streaming"; }
    @Override public String summary() { return "job throughput with 0 vs N gRPC watchers, sample latency MD thread -> client (loopback)"; }

    @Override
    public String help() {
        return """
            Usage: bin/ionstream bench streaming [--cells N] [--steps N] [--every N] [--watchers N] [--repeat N] [--json]

            Runs the same NVE job (argon LJ liquid, 4 N^3 atoms) on an in-process server without and with
            watchers, alternating, --repeat times each, and prints the MD throughput (atom-steps/s of the
            job's own wall time, and per CPU second of the MD thread, which a busy shared machine does not
            distort) of both, the slowdown (target <= 5 %), and the latency of samples from
            the MD thread to the watchers (target p99 < 50 ms). Watchers are gRPC clients in this JVM on
            loopback, so their CPU competes with the MD on a small machine: run it when the machine is
            quiet, and read the figures as upper bounds.

            Options:
              --cells N      fcc cells per direction (default 6: 864 atoms)
              --steps N      MD steps per job (default 6000)
              --every N      sample interval in steps (default 10)
              --watchers N   watchers in the streamed runs (default 50)
              --repeat N     runs of each kind (default 3; the median is reported)
            """;
    }

    @Override public Set<String> valueOptions() { return Set.of("cells", "steps", "every", "watchers", "repeat"); }

    @Override
    public int run(Args args, Console console) throws Exception {
        int cells = (int) args.integer("cells", 6, 2, 40);
        long steps = args.integer("steps", 6000, 100, 100_000_000);
        int every = (int) args.integer("every", 10, 1, 1_000_000);
        int watchers = (int) args.integer("watchers", 50, 1, 10_000);
        int repeat = (int) args.integer("repeat", 3, 1, 100);
        org.slf4j.LoggerFactory.getILoggerFactory();
        Path data = Files.createTempDirectory("ionstream-bench");
        List<Double> quiet = new ArrayList<>(), streamed = new ArrayList<>(), quietCpu = new ArrayList<>(), streamedCpu = new ArrayList<>();
        List<Long> latencies = new ArrayList<>();
        long delivered = 0;
        try (IonstreamServer server = IonstreamServer.start(ServerConfig.load(List.of("data-dir=\"" + data + "\"", "grpc.port=0",
                 "grpc.host=\"127.0.0.1\"", "streams.threads=2"), null));
             IonstreamClient client = IonstreamClient.connect(server.target()).build()) {
            console.info(String.format(Locale.ROOT, "bench streaming: %d atoms, %d steps, a sample every %d steps, %d watchers, %d runs each",
                4 * cells * cells * cells, steps, every, watchers, repeat));
            run(client, spec(cells, Math.min(steps, 1000), every), 0, null); // JIT warm-up
            double atomSteps = 4.0 * cells * cells * cells * steps;
            for (int r = 0; r < repeat; r++) {
                long c0 = mdThreadCpuNanos();
                quiet.add(run(client, spec(cells, steps, every), 0, null).getAtomStepsPerSecond());
                long c1 = mdThreadCpuNanos();
                List<Long> lat = new ArrayList<>();
                streamed.add(run(client, spec(cells, steps, every), watchers, lat).getAtomStepsPerSecond());
                long c2 = mdThreadCpuNanos();
                quietCpu.add(atomSteps / ((c1 - c0) * 1e-9));
                streamedCpu.add(atomSteps / ((c2 - c1) * 1e-9));
                delivered += lat.size();
                latencies.addAll(lat);
                console.info(String.format(Locale.ROOT, "  run %d: wall %.4g vs %.4g atom-steps/s, MD-thread CPU %.4g vs %.4g (0 vs %d watchers)",
                    r + 1, quiet.get(r), streamed.get(r), quietCpu.get(r), streamedCpu.get(r), watchers));
            }
        } finally {
            try (var walk = Files.walk(data)) {
                for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) Files.deleteIfExists(p);
            }
        }
        double q = median(quiet), s = median(streamed), qc = median(quietCpu), sc = median(streamedCpu);
        long[] lat = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("atoms", 4 * cells * cells * cells);
        out.put("steps", steps);
        out.put("sample_every", every);
        out.put("watchers", watchers);
        out.put("runs", repeat);
        out.put("atom_steps_per_s_no_watchers", q);
        out.put("atom_steps_per_s_with_watchers", s);
        out.put("slowdown_percent", 100 * (q - s) / q);
        out.put("md_cpu_atom_steps_per_s_no_watchers", qc);
        out.put("md_cpu_atom_steps_per_s_with_watchers", sc);
        out.put("md_cpu_slowdown_percent", 100 * (qc - sc) / qc);
        out.put("samples_delivered", delivered);
        out.put("latency_p50_ms", ServerDemo.percentile(lat, 0.50) * 1e-6);
        out.put("latency_p99_ms", ServerDemo.percentile(lat, 0.99) * 1e-6);
        out.put("latency_max_ms", lat.length == 0 ? Double.NaN : lat[lat.length - 1] * 1e-6);
        if (args.flag("json")) {
            console.json(out);
        } else {
            console.out().printf(Locale.ROOT, "throughput without watchers  %.4g atom-steps/s (median of %d)%n", q, repeat);
            console.out().printf(Locale.ROOT, "throughput with %d watchers  %.4g atom-steps/s%n", watchers, s);
            console.out().printf(Locale.ROOT, "slowdown (wall)              %.1f %% (target <= 5 %%)%n", out.get("slowdown_percent"));
            console.out().printf(Locale.ROOT, "slowdown (MD-thread CPU)     %.1f %% (%.4g vs %.4g atom-steps per CPU second of the MD thread)%n",
                out.get("md_cpu_slowdown_percent"), qc, sc);
            console.out().printf(Locale.ROOT, "sample latency               p50 %.2f ms, p99 %.2f ms, max %.1f ms over %d deliveries (target p99 < 50 ms)%n",
                out.get("latency_p50_ms"), out.get("latency_p99_ms"), out.get("latency_max_ms"), delivered);
            console.out().println("timings on a shared machine are noisy; repeat with --repeat 5 when it is quiet");
        }
        return Main.OK;
    }

    private static JobSpec spec(int cells, long steps, int every) {
        MdJob md = MdJob.newBuilder()
            .setStructure(StructureSource.newBuilder().setPreset(PresetStructure.newBuilder().setName("lj-argon-fcc")
                .addSupercell(cells).addSupercell(cells).addSupercell(cells)))
            .setPotential(PotentialSource.newBuilder().setBundled("lj-argon")).setNeighborSkin(1.0).setSeed(1)
            .setProtocol(Protocol.newBuilder().setTimestepPs(0.005).setStages(StageList.newBuilder()
                .addStages(Stage.newBuilder().setVelocities(InitialVelocities.newBuilder().setTemperatureK(120)))
                .addStages(Stage.newBuilder().setName("nve").setMd(MdStage.newBuilder().setEnsemble(Ensemble.NVE).setSteps(steps)))))
            .addObservables(ObservableRequest.newBuilder().setName("thermo").setEvery(every))
            .setCheckpointEvery(steps).build();
        return JobSpec.newBuilder().setName("bench streaming").setMd(md).build();
    }

    /** Runs one job with {@code watchers} watchers; their sample latencies (ns) go to {@code latencies}. */
    private static JobResults run(IonstreamClient client, JobSpec spec, int watchers, List<Long> latencies) throws Exception {
        Job job = client.submit(spec);
        List<Watch> ws = new ArrayList<>();
        List<long[]> per = new ArrayList<>();
        AtomicLong[] counts = new AtomicLong[watchers];
        for (int k = 0; k < watchers; k++) {
            long[] lat = new long[1 << 16];
            AtomicLong n = new AtomicLong();
            counts[k] = n;
            per.add(lat);
            ws.add(client.watch(job.getJobId(), new WatchListener() {
                @Override public void sample(Sample s, long dropped) {
                    Instant now = Instant.now();
                    long i = n.getAndIncrement();
                    if (i < lat.length) lat[(int) i] = now.getEpochSecond() * 1_000_000_000L + now.getNano() - s.getProducedUnixNanos();
                }
            }));
        }
        for (Watch w : ws) w.await(Duration.ofHours(1));
        Job end = waitForEnd(client, job.getJobId());
        if (end.getState() != JobState.COMPLETED) throw new IllegalStateException("bench job " + end.getState() + ": " + end.getMessage());
        if (latencies != null) {
            for (int k = 0; k < watchers; k++) {
                long n = Math.min(counts[k].get(), per.get(k).length);
                // samples produced before this watcher connected were read from the log, not live: skip the first 5 %
                for (long i = n / 20; i < n; i++) latencies.add(per.get(k)[(int) i]);
            }
        }
        return client.results(job.getJobId());
    }

    private static Job waitForEnd(IonstreamClient client, String id) throws InterruptedException {
        while (true) {
            Job j = client.job(id);
            if (JobStateText.ended(j.getState())) return j;
            Thread.sleep(200);
        }
    }

    /** CPU time of the server's MD threads (what a busy shared machine does not distort). */
    private static long mdThreadCpuNanos() {
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        long sum = 0;
        for (java.lang.management.ThreadInfo t : mx.getThreadInfo(mx.getAllThreadIds())) {
            if (t != null && t.getThreadName().startsWith("ionstream-md-")) sum += Math.max(0, mx.getThreadCpuTime(t.getThreadId()));
        }
        return sum;
    }

    private static double median(List<Double> xs) {
        double[] a = xs.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(a);
        return a.length % 2 == 1 ? a[a.length / 2] : 0.5 * (a[a.length / 2 - 1] + a[a.length / 2]);
    }
}
