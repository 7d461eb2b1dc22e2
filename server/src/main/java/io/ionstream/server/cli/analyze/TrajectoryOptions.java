package io.ionstream.server.cli.analyze;

import io.ionstream.engine.analysis.trajectory.LammpsDumpTrajectory;
import io.ionstream.engine.analysis.trajectory.TrajectorySource;
import io.ionstream.engine.io.TrajectoryReader;
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
          --types A,B,…         element of each LAMMPS dump type (needed for dumps without element names)
          --timestep PS         MD time step (ps) to turn dump step numbers into times
          --frame-interval PS   time between frames (ps); required when the files carry no times (XDATCAR)
          --stride K            use every K-th frame (default 1)
        """;

    private TrajectoryOptions() {}

    static List<TrajectorySource> sources(Args args, List<String> files) {
        if (files.isEmpty()) throw new UsageException("no trajectory files given (list them in time order)");
        String[] types = parseTypes(args.string("types", null));
        double timestep = args.has("timestep") ? args.positive("timestep", 0) : Double.NaN;
        List<TrajectorySource> out = new ArrayList<>();
        for (String f : files) {
            Path p = Args.existingFile(f, "trajectory file");
            out.add(new TrajectorySource(f, () -> open(p, types, timestep)));
        }
        return out;
    }

    static double frameInterval(Args args) {
        return args.has("frame-interval") ? args.positive("frame-interval", 0) : Double.NaN;
    }

    static int stride(Args args) {
        return (int) args.integer("stride", 1, 1, 1_000_000);
    }

    static TrajectoryReader open(Path p, String[] types, double timestep) {
        String name = p.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        String base = name.endsWith(".gz") ? name.substring(0, name.length() - 3) : name;
        if (base.endsWith(".dump") || base.endsWith(".lammpstrj") || base.contains("dump")) {
            if (name.endsWith(".gz")) throw new UsageException(p + ": gzip-compressed LAMMPS dumps are not read yet; gunzip it first");
            return new LammpsDumpTrajectory(p, types, timestep);
        }
        throw new UsageException(p + ": trajectory format not recognised from the file name (LAMMPS dumps: *.dump, "
            + "*.lammpstrj); VASP XDATCAR and extended XYZ come with the engine.io trajectory readers");
    }

    private static String[] parseTypes(String s) {
        try {
            return LammpsDumpTrajectory.parseTypes(s);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--types: " + e.getMessage());
        }
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
