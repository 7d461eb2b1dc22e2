package io.ionstream.engine.potential;

import io.ionstream.engine.io.FormatException;
import io.ionstream.engine.io.mlip.MlipSpecies;
import io.ionstream.engine.potential.mtp.MtpPotential;
import io.ionstream.engine.potential.mtp.MtpReader;
import io.ionstream.engine.potential.pair.PairStyleFile;
import io.ionstream.engine.system.AtomSystem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Reads a force field from a potential file, choosing the format by the file name:
 * {@code .mtp}, {@code .almtp} and {@code .als} are Moment Tensor Potentials (MLIP formats; system
 * type t is the potential's species index t, so the system's species must be named in the
 * potential's order); every other name is a LAMMPS-style pair-style file ({@code pair_style} /
 * {@code pair_coeff} / {@code kspace_style} lines, see {@link PairStyleFile}). The in-memory form
 * ({@link #parse}) lets a file's contents travel to other nodes and be rebuilt there into the
 * same force field.
 */
public final class PotentialFiles {
    /** Largest potential file accepted (the largest MTPs are a few hundred kB). */
    public static final long MAX_BYTES = 64L << 20;

    private PotentialFiles() {}

    /** The force field in {@code file} for {@code sys}. */
    public static ForceField read(Path file, AtomSystem sys) throws IOException {
        long size = Files.size(file);
        if (size > MAX_BYTES) throw new FormatException(file.toString(), 0, "potential file of " + size + " bytes is too large");
        return parse(file.toString(), Files.readAllBytes(file), SystemSummary.of(sys));
    }

    /** The force field in a file's bytes; {@code source} (its name) selects the format. */
    public static ForceField parse(String source, byte[] contents, SystemSummary system) {
        if (isMtp(source)) return new ForceField(java.util.List.of(mtp(source, contents, system)));
        return new ForceField(PairStyleFile.parse(source, new String(contents, StandardCharsets.UTF_8), system));
    }

    /** The force field described by a text file's contents. */
    public static ForceField parse(String source, String text, SystemSummary system) {
        return parse(source, text.getBytes(StandardCharsets.UTF_8), system);
    }

    static boolean isMtp(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.endsWith(".mtp") || n.endsWith(".almtp") || n.endsWith(".als");
    }

    private static MtpPotential mtp(String source, byte[] contents, SystemSummary system) {
        MtpReader.MtpFile f = MtpReader.read(contents, source);
        f.model().requireTrained(source);
        MlipSpecies species;
        try {
            species = MlipSpecies.named(system.species().symbols());
        } catch (IllegalArgumentException e) {
            throw new FormatException(source, 0, "an MTP needs the system's species named as elements in the potential's "
                + "index order (e.g. --species Li,P,S,Cl): " + e.getMessage(), e);
        }
        MtpPotential p = new MtpPotential(f.model(), species);
        if (f.activeSet() != null) p.setActiveSet(f.activeSet());
        try {
            p.validate(system.species());
        } catch (IllegalArgumentException e) {
            throw new FormatException(source, 0, e.getMessage(), e);
        }
        return p;
    }
}
