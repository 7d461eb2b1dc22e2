package io.ionstream.server.cli.analyze;

import io.ionstream.engine.analysis.trajectory.DriftReference;
import io.ionstream.engine.analysis.trajectory.TrajectoryLoader;
import io.ionstream.engine.analysis.trajectory.TrajectorySource;
import io.ionstream.engine.io.TrajectoryFiles;
import io.ionstream.engine.system.Elements;
import io.ionstream.server.cli.Args;
import io.ionstream.server.cli.UsageException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The options every trajectory-reading analysis shares, and opening the files in time order. */
final class TrajectoryOptions {
    static final Set<String> OPTIONS = Set.of("types", "timestep", "frame-interval", "stride");
    static final String HELP = """
          --types A,B,…         element of each LAMMPS dump type (needed for dumps without an element column)
          --timestep PS         MD time step (ps) to turn dump step numbers into times
          --frame-interval PS   time between frames (ps); required when the files carry no times (XDATCAR)
          --stride K            use every K-th frame (default 1)

        Formats by file name, plain or .gz: LAMMPS dumps (*.dump, *.lammpstrj), VASP XDATCAR
        (names containing XDATCAR), extended XYZ (*.xyz, *.extxyz).
        """;

    private TrajectoryOptions() {}

    static List<TrajectorySource> sources(Args args, List<String> files) {
        if (files.isEmpty()) throw new UsageException("no trajectory files given (list them in time order)");
        String[] types = parseTypes(args.string("types", null));
        List<TrajectorySource> out = new ArrayList<>();
        for (String f : files) {
            Path p = Args.existingFile(f, "trajectory file");
            out.add(new TrajectorySource(f, () -> TrajectoryFiles.open(p, types)));
        }
        return out;
    }

    /** {@code --drift} (default framework): which atoms define the frame the MSD is taken in. */
    static DriftReference drift(Args args) {
        try {
            return DriftReference.parse(args.string("drift", "framework"));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--drift: " + e.getMessage());
        }
    }

    /** A loader of {@code species} with the drift reference, stride, frame interval and time step the options give. */
    static TrajectoryLoader loader(Args args, String species, DriftReference drift) {
        TrajectoryLoader loader = new TrajectoryLoader().keep(species).drift(drift).stride(stride(args));
        double fi = frameInterval(args);
        if (!Double.isNaN(fi)) loader.frameInterval(fi);
        if (args.has("timestep")) loader.timestep(args.positive("timestep", 0));
        return loader;
    }

    static double frameInterval(Args args) {
        return args.has("frame-interval") ? args.positive("frame-interval", 0) : Double.NaN;
    }

    static int stride(Args args) {
        return (int) args.integer("stride", 1, 1, 1_000_000);
    }

    /** Element symbols of the dump types, or null. */
    private static String[] parseTypes(String s) {
        if (s == null || s.isBlank()) return null;
        String[] p = s.split(",");
        for (int i = 0; i < p.length; i++) {
            p[i] = p[i].strip();
            if (!Elements.isElement(Elements.normalise(p[i]))) throw new UsageException("--types: '" + p[i] + "' is not a chemical element");
        }
        return p;
    }

    /** "a:b" in ps. */
    static double[] window(Args args) {
        if (!args.has("window")) return null;
        String w = args.string("window", "");
        String[] p = w.split(":");
        try {
            if (p.length != 2) throw new NumberFormatException();
            double a = Double.parseDouble(p[0].strip()), b = Double.parseDouble(p[1].strip());
            if (!(a >= 0 && b > a)) throw new UsageException("--window " + w + ": need 0 ≤ start < end (ps)");
            return new double[] {a, b};
        } catch (NumberFormatException e) {
            throw new UsageException("--window expects START:END in ps (e.g. 10:40), got '" + w + "'");
        }
    }
}
