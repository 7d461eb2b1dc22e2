package io.ionstream.actors.jobs;

import io.ionstream.actors.jobs.run.JobPlan;
import io.ionstream.actors.jobs.run.Snapshot;
import io.ionstream.actors.jobs.store.AtomicFiles;
import io.ionstream.actors.jobs.store.JobFiles;
import io.ionstream.actors.stream.StreamLog;
import io.ionstream.engine.io.LammpsData;
import io.ionstream.proto.v1.FileInfo;
import io.ionstream.proto.v1.Job;
import io.ionstream.proto.v1.JobResults;
import io.ionstream.proto.v1.ObservableSchema;
import io.ionstream.proto.v1.ObservableSummary;
import io.ionstream.proto.v1.ObservableValues;
import io.ionstream.proto.v1.Sample;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes what an ended job leaves behind, each file atomically: {@code files/final.data} (the
 * last state as LAMMPS data, charge style), {@code files/observables.csv} (every sample) and
 * {@code results.pb} (stage results, observable summaries, the file list).
 */
final class JobResultsWriter {
    static final String FINAL_STRUCTURE = "final.data";
    static final String OBSERVABLES_CSV = "observables.csv";

    private JobResultsWriter() {}

    static JobResults write(JobFiles files, JobPlan plan, Snapshot last, StreamLog<Sample> samples, Job job) throws IOException {
        Path out = files.filesDir();
        Files.createDirectories(out);
        AtomicFiles.write(out.resolve(FINAL_STRUCTURE), o -> {
            Writer w = new OutputStreamWriter(o, StandardCharsets.UTF_8);
            LammpsData.write(last.atoms().toSystem(), w, LammpsData.Style.CHARGE);
            w.flush();
        });
        List<ObservableSchema> schemas = plan.observables().schemas();
        long count = samples.count();
        AtomicFiles.write(out.resolve(OBSERVABLES_CSV), o -> {
            Writer w = new java.io.BufferedWriter(new OutputStreamWriter(o, StandardCharsets.UTF_8), 1 << 16);
            csv(w, schemas, samples, count);
            w.flush();
        });
        JobResults.Builder r = JobResults.newBuilder().setJob(job).addAllStages(last.stages())
            .addAllObservables(summaries(schemas, samples, count)).setWallSeconds(last.wallSeconds());
        long steps = last.step();
        if (last.wallSeconds() > 0) r.setAtomStepsPerSecond((double) last.atoms().n() * steps / last.wallSeconds());
        for (Path p : files.files()) {
            r.addFiles(FileInfo.newBuilder().setName(p.getFileName().toString()).setSize(Files.size(p)).setDescription(describe(p)));
        }
        JobResults results = r.build();
        files.writeResults(results);
        return results;
    }

    private static String describe(Path p) {
        return switch (p.getFileName().toString()) {
            case FINAL_STRUCTURE -> "the last state, LAMMPS data file (atom_style charge)";
            case OBSERVABLES_CSV -> "every observable sample: sequence, step, time_ps, stage, then one column per value";
            default -> "";
        };
    }

    private static void csv(Writer w, List<ObservableSchema> schemas, StreamLog<Sample> samples, long count) throws IOException {
        StringBuilder h = new StringBuilder("sequence,step,time_ps,stage");
        for (ObservableSchema s : schemas) for (String v : s.getValueNamesList()) h.append(',').append(s.getName()).append('.').append(v);
        w.write(h.append('\n').toString());
        StringBuilder line = new StringBuilder();
        for (long q = 0; q < count; q++) {
            Sample s = samples.get(q);
            line.setLength(0);
            line.append(s.getSequence()).append(',').append(s.getStep()).append(',').append(number(s.getTimePs())).append(',').append(s.getStage());
            for (ObservableSchema sc : schemas) {
                ObservableValues v = find(s, sc.getName());
                for (int k = 0; k < sc.getValueNamesCount(); k++) {
                    line.append(',');
                    if (v != null && k < v.getValuesCount()) line.append(number(v.getValues(k)));
                }
            }
            w.write(line.append('\n').toString());
        }
    }

    private static String number(double d) {
        return Double.toString(d);
    }

    private static ObservableValues find(Sample s, String name) {
        for (ObservableValues v : s.getObservablesList()) if (v.getName().equals(name)) return v;
        return null;
    }

    /** Last values, and mean and standard deviation over the samples of the last stage each observable was sampled in. */
    private static List<ObservableSummary> summaries(List<ObservableSchema> schemas, StreamLog<Sample> samples, long count) {
        Map<String, String> lastStage = new HashMap<>();
        Map<String, ObservableValues> lastValues = new HashMap<>();
        for (long q = 0; q < count; q++) {
            Sample s = samples.get(q);
            for (ObservableValues v : s.getObservablesList()) {
                lastStage.put(v.getName(), s.getStage());
                lastValues.put(v.getName(), v);
            }
        }
        List<ObservableSummary> out = new ArrayList<>();
        for (ObservableSchema sc : schemas) {
            String stage = lastStage.get(sc.getName());
            if (stage == null) continue;
            int m = sc.getValueNamesCount();
            double[] mean = new double[m], m2 = new double[m];
            long n = 0;
            for (long q = 0; q < count; q++) {
                Sample s = samples.get(q);
                if (!s.getStage().equals(stage)) continue;
                ObservableValues v = find(s, sc.getName());
                if (v == null) continue;
                n++;
                for (int k = 0; k < m && k < v.getValuesCount(); k++) {
                    double d = v.getValues(k) - mean[k];
                    mean[k] += d / n;
                    m2[k] += d * (v.getValues(k) - mean[k]);
                }
            }
            ObservableSummary.Builder b = ObservableSummary.newBuilder().setName(sc.getName()).addAllValueNames(sc.getValueNamesList())
                .addAllLast(lastValues.get(sc.getName()).getValuesList()).setSamples(n).setStage(stage);
            for (int k = 0; k < m; k++) {
                b.addMean(mean[k]);
                b.addStddev(n > 1 ? Math.sqrt(m2[k] / (n - 1)) : 0.0);
            }
            out.add(b.build());
        }
        return out;
    }
}
