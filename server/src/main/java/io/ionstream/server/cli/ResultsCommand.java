package io.ionstream.server.cli;

import io.ionstream.client.IonstreamClient;
import io.ionstream.proto.v1.FileInfo;
import io.ionstream.proto.v1.JobResults;
import io.ionstream.proto.v1.ObservableSummary;
import io.ionstream.proto.v1.StageResult;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;

/** {@code bin/ionstream results JOB}: an ended job's results, and its files on request. */
final class ResultsCommand implements Command {
    @Override public String name() { return "results"; }
    @Override public String summary() { return "results of an ended job (stages, observable means, files); --fetch downloads a file"; }

    @Override
    public String help() {
        return """
            Usage: bin/ionstream results JOB_ID [--fetch NAME [-o FILE]] [client options] [--json]

            Prints each stage's final state, each observable's last value and its mean and standard
            deviation over the last stage it was sampled in, and the job's files.

            Options:
              --fetch NAME    download the file NAME (observables.csv, final.data ...)
              -o, --output FILE
                              where to write it (default: NAME in the current folder)
            """ + ClientOptions.HELP;
    }

    @Override public Set<String> valueOptions() { return ClientOptions.values("fetch", "o", "output"); }
    @Override public Set<String> flagOptions() { return ClientOptions.flags(); }

    @Override
    public int run(Args args, Console console) throws Exception {
        String id = args.positional(0, "job id");
        try (IonstreamClient client = ClientOptions.connect(args)) {
            if (args.has("fetch")) {
                String name = args.required("fetch");
                Path out = Path.of(args.string("o", args.string("output", name)));
                long n = client.fetchFile(id, name, out);
                console.out().printf("wrote %s (%d bytes)%n", out, n);
                return Main.OK;
            }
            JobResults r = client.results(id);
            if (args.flag("json")) {
                console.out().println(ProtoJson.print(r));
                return Main.OK;
            }
            var j = r.getJob();
            if (r.hasCampaign()) {
                CampaignText.print(console.out(), j, r.getCampaign());
                for (FileInfo f : r.getFilesList()) {
                    console.out().printf(Locale.ROOT, "  file %-18s %10d bytes  %s%n", f.getName(), f.getSize(), f.getDescription());
                }
                return Main.OK;
            }
            console.out().printf(Locale.ROOT, "%s %s: %d atoms (%s), %d steps, %.1f s of MD, %.3g atom-steps/s%n", j.getJobId(), j.getState(),
                j.getAtoms(), j.getFormula(), j.getStep(), r.getWallSeconds(), r.getAtomStepsPerSecond());
            if (!j.getMessage().isEmpty()) console.out().println("  " + j.getMessage());
            for (StageResult s : r.getStagesList()) {
                console.out().printf(Locale.ROOT, "  stage %-12s %8d steps  T %8.2f K  PE %12.4f eV  E %12.4f eV  P %9.1f bar  V %10.2f A^3%s%n",
                    s.getName(), s.getSteps(), s.getTemperatureK(), s.getPotentialEnergyEv(), s.getTotalEnergyEv(), s.getPressureBar(),
                    s.getVolumeA3(), s.getStopReason().isEmpty() ? "" : "  (" + s.getStopReason() + ")");
            }
            for (ObservableSummary o : r.getObservablesList()) {
                console.out().printf(Locale.ROOT, "  %s over %d samples of stage %s:%n", o.getName(), o.getSamples(), o.getStage());
                for (int k = 0; k < o.getValueNamesCount(); k++) {
                    console.out().printf(Locale.ROOT, "    %-16s last %14.6g   mean %14.6g  +- %.3g%n", o.getValueNames(k), o.getLast(k),
                        o.getMean(k), o.getStddev(k));
                }
            }
            for (FileInfo f : r.getFilesList()) {
                console.out().printf(Locale.ROOT, "  file %-18s %10d bytes  %s%n", f.getName(), f.getSize(), f.getDescription());
            }
            return Main.OK;
        }
    }
}
