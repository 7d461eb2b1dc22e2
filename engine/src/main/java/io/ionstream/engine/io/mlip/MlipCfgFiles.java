package io.ionstream.engine.io.mlip;

import io.ionstream.engine.io.FormatException;
import io.ionstream.engine.io.LineReader;
import io.ionstream.engine.io.TextFiles;
import io.ionstream.engine.io.TrajectoryFrame;
import io.ionstream.engine.io.TrajectoryReader;
import io.ionstream.engine.system.AtomSystem;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

/**
 * MLIP {@code .cfg} files behind the format-neutral facades: one periodic configuration as a
 * structure, or a file's configurations in order as the frames of a trajectory.
 *
 * <p>A {@code .cfg} names atom types only by index, so reading needs the species in type order;
 * writing uses the system's own species order as the type indices.
 */
public final class MlipCfgFiles {
    private MlipCfgFiles() {}

    /** The one configuration of {@code file} (plain or gzip). */
    public static AtomSystem readSingle(Path file, String[] species) {
        try (BufferedReader r = TextFiles.reader(file)) {
            LineReader in = new LineReader(r, file.toString());
            MlipCfgReader reader = reader(file, species);
            MlipConfiguration c = reader.next(in);
            if (c == null) throw new FormatException(file.toString(), 0, "the file holds no configuration");
            requirePeriodic(file, c);
            if (reader.next(in) != null) {
                throw new FormatException(file.toString(), in.line(), "the file holds more than one configuration; "
                    + "read it as a trajectory or a training set");
            }
            return c.system();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Writes {@code sys} as one configuration without energy, forces or stress. */
    public static void write(AtomSystem sys, Path file) {
        MlipConfiguration c = new MlipConfiguration(sys, null, sys.box().latticeVectors(), Double.NaN, null, null,
            Map.of(), Map.of(), 0);
        try (Writer w = TextFiles.writer(file)) {
            MlipCfgWriter.write(w, c);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** The configurations of {@code file} as trajectory frames (step = index in the file). */
    public static TrajectoryReader open(Path file, String[] species) {
        MlipCfgReader reader = reader(file, species);
        BufferedReader r = TextFiles.reader(file);
        LineReader in = new LineReader(r, file.toString());
        return new TrajectoryReader() {
            private long index;

            @Override
            public TrajectoryFrame next() {
                MlipConfiguration c = reader.next(in);
                if (c == null) return null;
                requirePeriodic(file, c);
                AtomSystem s = c.system();
                int n = s.size();
                return new TrajectoryFrame(index++, Double.NaN, s.box().copy(), s.species(), Arrays.copyOf(s.type(), n),
                    Arrays.copyOf(s.id(), n), Arrays.copyOf(s.x(), 3 * n), false);
            }

            @Override
            public void close() {
                try {
                    r.close();
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot close " + file + ": " + e.getMessage(), e);
                }
            }
        };
    }

    private static MlipCfgReader reader(Path file, String[] species) {
        if (species == null || species.length == 0) {
            throw new FormatException(file.toString(), 0, "an MLIP .cfg names atom types by index only: give the "
                + "species in type order (e.g. --species Li,P,S,Cl)");
        }
        try {
            return new MlipCfgReader(MlipSpecies.named(species));
        } catch (IllegalArgumentException e) {
            throw new FormatException(file.toString(), 0, e.getMessage());
        }
    }

    private static void requirePeriodic(Path file, MlipConfiguration c) {
        if (!c.isPeriodic()) {
            throw new FormatException(file.toString(), c.line(), "the configuration has no Supercell: ionstream "
                + "systems are periodic in all three directions");
        }
    }
}
