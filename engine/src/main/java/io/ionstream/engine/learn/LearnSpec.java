package io.ionstream.engine.learn;

import io.ionstream.engine.io.mlip.MlipSpecies;
import io.ionstream.engine.learn.oracle.Cp2kMethod;
import io.ionstream.engine.learn.oracle.Cp2kOracle;
import io.ionstream.engine.learn.oracle.Cp2kSettings;
import io.ionstream.engine.learn.oracle.ExternalCommandOracle;
import io.ionstream.engine.learn.oracle.Oracle;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * The settings of an active-learning run ({@code bin/ionstream learn --spec FILE}), a Java
 * properties file ({@code key = value}, {@code #} comments). Every key, its meaning and default
 * is listed in {@link #KEYS}; an unknown key is an error (a typo must not silently fall back to
 * a default). Relative paths are resolved against the spec file's folder.
 */
public final class LearnSpec {
    /** Every accepted key with its default ("" = required or none) and meaning. */
    public static final String[][] KEYS = {
        {"species", "", "MLIP type order, e.g. Li,P,S,Cl"},
        {"formula_unit", "", "atoms per formula unit in species order, e.g. 6,1,5,1 (local cells keep whole units)"},
        {"seed", "1", "seed of every random choice"},
        {"oracle", "cp2k-xtb", "cp2k-xtb, cp2k-pbe or command"},
        {"oracle.command", "", "the command for oracle = command (see ExternalCommandOracle)"},
        {"oracle.template", "", "a CP2K input template replacing the built-in one"},
        {"oracle.threads", "2", "OpenMP threads per CP2K run"},
        {"oracle.timeout_s", "1800", "wall-clock limit per label"},
        {"init.structures", "", "structures to perturb (preset options; ...; separated by ;)"},
        {"init.perturbed", "8", "perturbed copies per structure"},
        {"init.strain", "0.03", "largest random strain component"},
        {"init.displacement", "0.1", "standard deviation of random displacements (Å)"},
        {"init.trajectories", "", "MD trajectories (e.g. ab initio XDATCAR) to cut cubes from, comma separated"},
        {"init.trajectory_frames", "10", "frames taken per trajectory"},
        {"init.cut_side", "0", "cube side for trajectory cuts (Å); 0: half the trajectory cell"},
        {"init.min_relative_density", "0", "leave out initial labels whose atom density is below this fraction of the median (0: keep all)"},
        {"validation.fraction", "0.1", "share of the initial labels held out for validation"},
        {"pretrain.initial_fraction", "0.5", "share of the (non-validation) initial labels the first fit starts from; pre-training adds more by MaxVol"},
        {"levels", "4,6,8,10", "the quality levels, in order"},
        {"min_dist", "0", "R_min (Å); 0: the shortest distance of the initial labels, rounded down to 0.05 Å"},
        {"max_dist", "5.0", "R_cut (Å)"},
        {"train.iterations", "800", "L-BFGS iterations of the fit that starts each level"},
        {"train.refit_iterations", "300", "L-BFGS iterations of the warm-started refits after new labels"},
        {"train.energy_weight", "1", "loss weight of energies (per atom)"},
        {"train.force_weight", "0.01", "loss weight of forces"},
        {"train.stress_weight", "0.001", "loss weight of stresses (per atom)"},
        {"train.threads", "2", "threads for fitting"},
        {"pretrain.select", "1.001", "MaxVol threshold for adding initial configurations in pre-training"},
        {"al.structures", "", "MD target structures for standard active learning (; separated)"},
        {"al.temperatures", "300,600", "MD temperatures (K), one run per structure and temperature"},
        {"al.steps", "4000", "MD steps per run"},
        {"al.timestep_fs", "1.0", "MD time step (fs)"},
        {"al.pressure_bar", "0", "NPT pressure (bar); 'nvt' for constant volume"},
        {"al.max_samples", "12", "snapshots kept per MD run (above the select threshold)"},
        {"al.grade_every", "10", "grade every N steps"},
        {"al.select", "2.0", "configurations with grade above this are collected"},
        {"al.break", "5.0", "MD stops when a grade exceeds this"},
        {"al.max_new", "16", "labels added per active-learning iteration"},
        {"al.max_iterations", "8", "active-learning iterations per level: one value, or one per level (the last repeats)"},
        {"al.local_above", "150", "MD cells with more atoms than this are labelled through local cells"},
        {"al.local_side", "10.25", "side of local cells (Å)"},
        {"al.local_protect", "2.5", "half-width of the protected inner cube of local cells (Å)"},
        {"final.validation_snapshots", "0", "held-out labels from MD with the final potential (small target structures)"},
        {"target.energy_meV_atom", "0", "stop when the validation energy RMSE is at or below this (0: run every level)"},
        {"target.force_eV_A", "0", "and the validation force RMSE at or below this"},
    };

    private final Properties p;
    private final Path baseDir;
    private final Path file;

    private LearnSpec(Properties p, Path file) {
        this.p = p;
        this.file = file;
        this.baseDir = file.toAbsolutePath().getParent();
        Set<String> known = new TreeSet<>();
        for (String[] k : KEYS) known.add(k[0]);
        for (String k : p.stringPropertyNames()) {
            if (!known.contains(k)) throw new IllegalArgumentException(file + ": unknown key '" + k + "' (known: " + String.join(", ", known) + ")");
        }
        species();
        formulaUnit();
    }

    public static LearnSpec read(Path file) {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return new LearnSpec(p, file);
    }

    public Path file() { return file; }
    public Path baseDir() { return baseDir; }

    public String string(String key) {
        for (String[] k : KEYS) if (k[0].equals(key)) return p.getProperty(key, k[1]).strip();
        throw new IllegalArgumentException("no such spec key: " + key);
    }

    public double real(String key) {
        String v = string(key);
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(file + ": " + key + " must be a number, got '" + v + "'");
        }
    }

    public int integer(String key) {
        String v = string(key);
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(file + ": " + key + " must be an integer, got '" + v + "'");
        }
    }

    public double[] reals(String key) {
        String v = string(key);
        if (v.isEmpty()) return new double[0];
        return Arrays.stream(v.split(",")).mapToDouble(s -> Double.parseDouble(s.strip())).toArray();
    }

    public int[] integers(String key) {
        String v = string(key);
        if (v.isEmpty()) return new int[0];
        return Arrays.stream(v.split(",")).mapToInt(s -> Integer.parseInt(s.strip())).toArray();
    }

    public MlipSpecies species() {
        String s = string("species");
        if (s.isEmpty()) throw new IllegalArgumentException(file + ": species is required (e.g. species = Li,P,S,Cl)");
        return MlipSpecies.parse(s);
    }

    public int[] formulaUnit() {
        int[] u = integers("formula_unit");
        if (u.length != species().size()) {
            throw new IllegalArgumentException(file + ": formula_unit needs " + species().size() + " counts (one per species), got "
                + u.length);
        }
        return u;
    }

    public List<Path> paths(String key) {
        List<Path> out = new ArrayList<>();
        for (String s : string(key).split(",")) if (!s.isBlank()) out.add(baseDir.resolve(s.strip()));
        return out;
    }

    public List<StructureSpec> structures(String key) {
        return StructureSpec.list(string(key));
    }

    /** The oracle the spec names. */
    public Oracle oracle() {
        String o = string("oracle");
        double timeout = real("oracle.timeout_s");
        switch (o) {
            case "command" -> {
                String cmd = string("oracle.command");
                if (cmd.isEmpty()) throw new IllegalArgumentException(file + ": oracle = command needs oracle.command");
                return new ExternalCommandOracle(cmd, timeout);
            }
            case "cp2k-xtb", "cp2k-pbe" -> {
                Cp2kSettings s = Cp2kSettings.of(Cp2kMethod.parse(o.substring(5)), integer("oracle.threads"), timeout);
                String t = string("oracle.template");
                if (!t.isEmpty()) {
                    try {
                        s = s.withTemplate(Files.readString(baseDir.resolve(t), StandardCharsets.UTF_8));
                    } catch (IOException e) {
                        throw new UncheckedIOException("cannot read the CP2K template " + t + ": " + e.getMessage(), e);
                    }
                }
                return new Cp2kOracle(s);
            }
            default -> throw new IllegalArgumentException(file + ": unknown oracle '" + o + "' (cp2k-xtb, cp2k-pbe, command)");
        }
    }

    /** The spec as text with every key (defaults filled in), for the state folder's record. */
    public String effectiveText() {
        StringBuilder sb = new StringBuilder("# effective settings of " + file + "\n");
        for (String[] k : KEYS) sb.append("# ").append(k[2]).append('\n').append(k[0]).append(" = ").append(string(k[0])).append('\n');
        return sb.toString();
    }
}
