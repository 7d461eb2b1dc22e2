package io.ionstream.engine.learn.oracle;

import io.ionstream.engine.io.mlip.MlipCfgReader;
import io.ionstream.engine.io.mlip.MlipCfgWriter;
import io.ionstream.engine.io.mlip.MlipConfiguration;
import io.ionstream.engine.io.mlip.MlipSpecies;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Labels a list of configurations with an {@link Oracle}, resumably: each labelled configuration
 * is appended to the output {@code .cfg} as soon as it is done (with a {@code label_source}
 * feature naming its input), each failure to {@code OUTPUT.failed} (source and reason), so a run
 * that is stopped and restarted skips what is already decided. Failures are reported and never
 * written as data. Work folders of successful labels are deleted unless asked to keep them; those
 * of failures stay for inspection.
 */
public final class Labeller {
    /** Feature naming the input a label belongs to: {@code tag#index}. */
    public static final String SOURCE = "label_source";

    /** Counts of one run. */
    public record Outcome(int labelled, int failed, int skipped, double oracleSeconds) {}

    private final Oracle oracle;
    private final Path output;
    private final Path workRoot;
    private final boolean keepWork;
    private final Consumer<String> log;

    public Labeller(Oracle oracle, Path output, Path workRoot, boolean keepWork, Consumer<String> log) {
        this.oracle = oracle;
        this.output = output;
        this.workRoot = workRoot;
        this.keepWork = keepWork;
        this.log = log;
    }

    public Path failuresFile() {
        return output.resolveSibling(output.getFileName() + ".failed");
    }

    /** Labels {@code inputs} (named {@code tag#0}, {@code tag#1} ...) that are not yet decided. */
    public Outcome run(List<MlipConfiguration> inputs, String tag, MlipSpecies species) {
        checkLabelsBelongTo(inputs, tag, species);
        Set<String> done = decided(species);
        int labelled = 0, failed = 0, skipped = 0;
        double seconds = 0;
        for (int i = 0; i < inputs.size(); i++) {
            String source = tag + "#" + i;
            if (done.contains(source)) {
                skipped++;
                continue;
            }
            MlipConfiguration cfg = inputs.get(i);
            Path work = workRoot.resolve(tag.replaceAll("[^A-Za-z0-9_.-]", "_") + "-" + i);
            try {
                deleteTree(work);
                Label l = oracle.label(cfg, work);
                seconds += l.seconds();
                MlipConfiguration out = l.applyTo(cfg).withFeature(SOURCE, source);
                append(out);
                labelled++;
                log.accept(String.format(java.util.Locale.ROOT, "label %s: %d atoms, E = %.6f eV (%.1f s)", source, cfg.size(),
                    l.energy(), l.seconds()));
                if (!keepWork) deleteTree(work);
            } catch (OracleException e) {
                failed++;
                appendFailure(source, e);
                log.accept("label " + source + " FAILED (" + e.kind() + "): " + firstLine(e.getMessage()));
            }
        }
        return new Outcome(labelled, failed, skipped, seconds);
    }

    /** The labelled configurations written so far (all runs). */
    public List<MlipConfiguration> labelled(MlipSpecies species) {
        if (!Files.exists(output)) return List.of();
        return new MlipCfgReader(species).readAll(output);
    }

    /** A resumed run must label the same inputs: a recorded label whose atoms differ from its input is an error. */
    private void checkLabelsBelongTo(List<MlipConfiguration> inputs, String tag, MlipSpecies species) {
        for (MlipConfiguration c : labelled(species)) {
            String s = c.features().get(SOURCE);
            if (s == null || !s.startsWith(tag + "#")) continue;
            int i;
            try {
                i = Integer.parseInt(s.substring(tag.length() + 1));
            } catch (NumberFormatException e) {
                continue;
            }
            boolean same = i < inputs.size() && inputs.get(i).size() == c.size();
            for (int k = 0; same && k < 3 * c.size(); k++) same = Math.abs(inputs.get(i).system().x()[k] - c.system().x()[k]) < 1e-6;
            if (!same) {
                throw new IllegalStateException(output + " holds a label for " + s + " whose atoms differ from that input: "
                    + "the labels belong to another set of configurations (remove them or use another output)");
            }
        }
    }

    private Set<String> decided(MlipSpecies species) {
        Set<String> done = new HashSet<>();
        for (MlipConfiguration c : labelled(species)) {
            String s = c.features().get(SOURCE);
            if (s != null) done.add(s);
        }
        Path f = failuresFile();
        if (Files.exists(f)) {
            try {
                for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                    int tab = line.indexOf('\t');
                    if (tab > 0) done.add(line.substring(0, tab));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + f + ": " + e.getMessage(), e);
            }
        }
        return done;
    }

    private void append(MlipConfiguration c) {
        try {
            Files.createDirectories(output.toAbsolutePath().getParent());
            try (Writer w = Files.newBufferedWriter(output, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND)) {
                MlipCfgWriter.write(w, c);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to " + output + ": " + e.getMessage(), e);
        }
    }

    private void appendFailure(String source, OracleException e) {
        try {
            Files.createDirectories(output.toAbsolutePath().getParent());
            Files.writeString(failuresFile(), source + "\t" + e.kind() + "\t" + firstLine(e.getMessage()) + "\n",
                StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException io) {
            throw new UncheckedIOException("cannot append to " + failuresFile() + ": " + io.getMessage(), io);
        }
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    static void deleteTree(Path p) {
        if (!Files.exists(p)) return;
        try (var walk = Files.walk(p)) {
            for (Path q : walk.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(q);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + p + ": " + e.getMessage(), e);
        }
    }
}
