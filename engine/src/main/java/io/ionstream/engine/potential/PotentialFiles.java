package io.ionstream.engine.potential;

import io.ionstream.engine.io.FormatException;
import io.ionstream.engine.potential.pair.PairStyleFile;
import io.ionstream.engine.system.SpeciesTable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a force field from a potential file, choosing the format by the file name: every other
 * name is a LAMMPS-style pair-style file ({@code pair_style} / {@code pair_coeff} lines, see
 * {@link PairStyleFile}). The in-memory forms ({@link #parse}) let a file's contents travel to
 * other nodes and be rebuilt there.
 */
public final class PotentialFiles {
    /** Largest potential file accepted (the largest MTPs are a few hundred kB). */
    public static final long MAX_BYTES = 64L << 20;

    private PotentialFiles() {}

    public static ForceField read(Path file, SpeciesTable species) throws IOException {
        long size = Files.size(file);
        if (size > MAX_BYTES) throw new FormatException(file.toString(), 0, "potential file of " + size + " bytes is too large");
        return parse(file.toString(), Files.readAllBytes(file), species);
    }

    /** The force field in a file's bytes; {@code source} (its name) selects the format. */
    public static ForceField parse(String source, byte[] contents, SpeciesTable species) {
        return new ForceField(PairStyleFile.parse(source, new String(contents, StandardCharsets.UTF_8), species));
    }

    /** The force field described by a text file's contents. */
    public static ForceField parse(String source, String text, SpeciesTable species) {
        return parse(source, text.getBytes(StandardCharsets.UTF_8), species);
    }
}
