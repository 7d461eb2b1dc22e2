package io.ionstream.server.cli;

import io.ionstream.client.WatchListener;
import io.ionstream.proto.v1.Job;
import io.ionstream.proto.v1.ObservableSchema;
import io.ionstream.proto.v1.ObservableValues;
import io.ionstream.proto.v1.Sample;
import io.grpc.Status;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The live terminal view of a watched job: a progress bar over the job's steps with its stage
 * and the latest observables (temperature, energies, pressure, MSD …), notes on reconnects, and
 * the final state.
 */
class LiveView implements WatchListener {
    /** The value shown for an observable, with its label and unit, in display order. */
    private record Shown(String observable, String value, String label, String format) {}

    private static final List<Shown> SHOWN = List.of(
        new Shown("thermo", "temperature_K", "T", "%.1f K"),
        new Shown("thermo", "pe_eV", "PE", "%.3f eV"),
        new Shown("thermo", "etotal_eV", "E", "%.3f eV"),
        new Shown("thermo", "pressure_bar", "P", "%.0f bar"),
        new Shown("msd", "msd_total_A2", "MSD", "%.3f A^2"),
        new Shown("reduction", "fraction", "reduced", "%.3f"),
        new Shown("crystallinity", "fraction", "crystalline", "%.3f"),
        new Shown("run", "D_cm2_s", "D", "%.3g cm2/s"),
        new Shown("fit", "Ea_eV", "Ea", "%.3f eV"),
        new Shown("d_macro", "D_macro_cm2_s", "D_macro", "%.3g cm2/s"));

    private final Console console;
    private final String label;
    private ProgressBar bar;
    private Map<String, List<String>> names = new HashMap<>();
    private volatile Job job;
    private volatile Sample last;
    private long dropped;
    private long samples;

    LiveView(Console console, String label) {
        this.console = console;
        this.label = label;
    }

    Job job() { return job; }
    Sample last() { return last; }
    long samples() { return samples; }
    long dropped() { return dropped; }

    @Override
    public synchronized void job(Job j) {
        boolean first = job == null;
        job = j;
        Map<String, List<String>> n = new HashMap<>();
        for (ObservableSchema s : j.getObservablesList()) n.put(s.getName(), s.getValueNamesList());
        names = n;
        if (first) {
            if (j.getSpec().hasCampaign()) {
                // a campaign has no atoms of its own; its runner line says what it consists of
                console.info(String.format(Locale.ROOT, "%s: %s, %d steps, %s", j.getJobId(), j.getState(), j.getTotalSteps(), j.getRunner()));
            } else {
                console.info(String.format(Locale.ROOT, "%s: %s, %d atoms (%s), %d steps, %s", j.getJobId(), j.getState(), j.getAtoms(),
                    j.getFormula(), j.getTotalSteps(), j.getRunner().isEmpty() ? "queued" : j.getRunner()));
            }
            bar = new ProgressBar(console, label, Math.max(1, j.getTotalSteps()));
        }
        if (!j.getMessage().isEmpty() && !first && JobStateText.ended(j.getState())) console.info(j.getMessage());
    }

    @Override
    public synchronized void sample(Sample s, long droppedBefore) {
        last = s;
        samples++;
        dropped += droppedBefore;
        if (bar != null) bar.update(s.getStep(), status(s));
    }

    /** The stage and the latest values of the sample, for the progress line. */
    String status(Sample s) {
        StringBuilder sb = new StringBuilder(s.getStage());
        for (Shown w : SHOWN) {
            for (ObservableValues v : s.getObservablesList()) {
                if (!v.getName().equals(w.observable())) continue;
                int k = names.getOrDefault(v.getName(), List.of()).indexOf(w.value());
                if (k >= 0 && k < v.getValuesCount()) {
                    sb.append("  ").append(w.label()).append(' ').append(String.format(Locale.ROOT, w.format(), v.getValues(k)));
                }
            }
        }
        return sb.toString();
    }

    @Override
    public void reconnecting(int attempt, Status status) {
        console.info("connection lost (" + status.getCode() + "); reconnecting, attempt " + attempt);
    }

    @Override
    public synchronized void ended(Job j) {
        if (j != null) job = j;
        // a minimisation that converged early, a cancelled job: close the bar at the end
        if (bar != null && j != null && (last == null || last.getStep() < j.getTotalSteps())) {
            bar.update(j.getTotalSteps(), last == null ? "" : status(last));
        }
    }
}
