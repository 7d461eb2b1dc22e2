package io.ionstream.server.cli;

import io.ionstream.engine.learn.ActiveLearningRun;
import io.ionstream.engine.learn.LearnSpec;
import io.ionstream.engine.learn.RunLog;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * {@code bin/ionstream learn --spec FILE --state DIR}: the quality-level active-learning loop
 * ({@link ActiveLearningRun}), resumable from its state folder.
 */
final class LearnCommand implements Command {
    @Override public String name() { return "learn"; }

    @Override public String summary() { return "active learning of an MTP with an oracle (CP2K or a command), quality-level loop, resumable"; }

    @Override
    public String help() {
        StringBuilder keys = new StringBuilder();
        for (String[] k : LearnSpec.KEYS) {
            keys.append(String.format("  %-24s %s%s%n", k[0], k[2], k[1].isEmpty() ? "" : " [" + k[1] + "]"));
        }
        return """
            Usage: bin/ionstream learn --spec FILE.properties --state DIR [--until init] [--json]

            Runs (or continues) an active-learning campaign in the state folder DIR:
              1. init: builds the initial pool (perturbed structures, cubes cut from MD trajectories) and labels
                 it with the oracle; a share is held out for validation;
              2. for each quality level (e.g. 4, 6, 8, 10): fits an untrained MTP of that level to the
                 accumulated training set, pre-trains (adds initial configurations the potential extrapolates
                 on), then standard active learning: MD of the target structures at the given temperatures,
                 grading every N steps, collecting configurations above the select threshold and stopping MD
                 above the break threshold, choosing among them by MaxVol, labelling (through local cells for
                 large structures), refitting, until MD finds nothing new;
              3. stops when the validation errors meet the target or the last level is done.
            Every step writes its result into DIR first; running the same command again resumes. log.txt in DIR
            records every step.

            Spec keys (Java properties, key = value; [default]):
            """ + keys + """

            Example:
              bin/ionstream learn --spec potentials/lpscl-xtb-l10/learn.properties --state /tmp/lpscl-learn
            """;
    }

    @Override public Set<String> valueOptions() { return Set.of("spec", "state", "until"); }

    @Override
    public int run(Args args, Console console) throws Exception {
        Path specFile = Args.existingFile(args.required("spec"), "spec");
        Path state = Path.of(args.required("state"));
        String until = args.string("until", "end");
        if (!until.equals("init") && !until.equals("end")) throw new UsageException("--until must be init or end, got '" + until + "'");
        LearnSpec spec;
        try {
            spec = LearnSpec.read(specFile);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        RunLog log = new RunLog(state.resolve("log.txt"), console::info);
        ActiveLearningRun run = new ActiveLearningRun(spec, state, log);
        run.recordSpec();
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("state", state.toString());
        if (until.equals("init")) {
            result.put("initial_labels", run.initialLabels().size());
        } else {
            ActiveLearningRun.Result r = run.run();
            result.put("potential", r.potential().toString());
            result.put("level", r.level());
            result.put("training_configurations", r.trainingConfigurations());
            result.put("validation_energy_rmse_meV_atom", 1000 * r.validation().energyRmse());
            result.put("validation_force_rmse_eV_A", r.validation().forceRmse());
            result.put("validation_stress_rmse_GPa", r.validation().stressRmseGpa());
            result.put("target_met", r.targetMet());
        }
        if (args.flag("json")) console.json(result);
        return Main.OK;
    }
}
