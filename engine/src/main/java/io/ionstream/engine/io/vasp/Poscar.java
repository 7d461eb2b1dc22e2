package io.ionstream.engine.io.vasp;

import io.ionstream.engine.io.TextFiles;
import io.ionstream.engine.system.AtomSystem;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;

/**
 * A VASP POSCAR/CONTCAR structure: the atoms in our LAMMPS-aligned frame, the comment line and
 * the selective-dynamics flags ({@code movable[3i + d]}, null when the file has none).
 * {@code rotation} (3x3 row-major, ours = R · file) is the identity unless the file's cell was
 * not aligned.
 *
 * <p>Read: {@link PoscarReader}. Write: {@link PoscarWriter}.
 */
public record Poscar(AtomSystem system, String comment, boolean[] movable, double[] rotation) {

    /** Reads a POSCAR/CONTCAR ({@code .gz} allowed); {@code species} as in {@link PoscarReader}. */
    public static Poscar read(Path file, String[] species) {
        try (BufferedReader r = TextFiles.reader(file)) {
            return PoscarReader.read(r, file.toString(), species);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes a structure as POSCAR (Cartesian, species grouped, velocities when any). */
    public static void write(AtomSystem sys, Path file) {
        new Poscar(sys, sys.formula(), null, null).write(file);
    }

    /** Writes this structure with its comment and flags. */
    public void write(Path file) {
        try (Writer w = TextFiles.writer(file)) {
            PoscarWriter.write(this, w);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
