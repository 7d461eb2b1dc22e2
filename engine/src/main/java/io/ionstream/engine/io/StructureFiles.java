package io.ionstream.engine.io;

import io.ionstream.engine.io.cif.CifReader;
import io.ionstream.engine.io.mlip.MlipCfgFiles;
import io.ionstream.engine.io.vasp.Poscar;
import io.ionstream.engine.io.xyz.ExtXyzFrame;
import io.ionstream.engine.io.xyz.ExtXyzReader;
import io.ionstream.engine.io.xyz.ExtXyzWriter;
import io.ionstream.engine.system.AtomSystem;
import java.nio.file.Path;

/**
 * Reads and writes one structure in the format its file name names ({@link FileFormat}).
 *
 * <p>{@code species} (may be null) means, for every format, the species table in order: for
 * LAMMPS data and dumps the species of types 1..n, for VASP 4 files the species of the blocks,
 * for MLIP {@code .cfg} (required there) the species of types 0..n-1,
 * elsewhere the order the read system's types follow (every species in the file must be named).
 *
 * <p>Multi-frame files (extxyz, dump) must hold exactly one frame here; read trajectories with
 * {@link TrajectoryFiles}. LAMMPS data is written in the {@code charge} style when any atom is
 * charged, else {@code atomic}; a {@code .cfg} without energies or forces; a dump as
 * {@code x y z ix iy iz} (exact state); CIF and XDATCAR
 * are read-only.
 */
public final class StructureFiles {
    private StructureFiles() {}

    public static AtomSystem read(Path file) {
        return read(file, null);
    }

    public static AtomSystem read(Path file, String[] species) {
        FileFormat format = FileFormat.of(file);
        return switch (format) {
            case EXTXYZ -> {
                ExtXyzFrame f = ExtXyzReader.readSingle(file, species);
                if (!f.fullyPeriodic()) {
                    throw new FormatException(file.toString(), 2, "pbc is not \"T T T\": ionstream systems are periodic in all "
                        + "three directions (add vacuum to the cell and set pbc=\"T T T\")");
                }
                yield f.system();
            }
            case POSCAR -> Poscar.read(file, species).system();
            case LAMMPS_DATA -> LammpsData.read(file, species);
            case LAMMPS_DUMP -> readDump(file, species);
            case CIF -> CifReader.read(file, species);
            case XDATCAR -> throw new FormatException(file.toString(), 0, "XDATCAR is a trajectory: open it with TrajectoryFiles");
            case MLIP_CFG -> MlipCfgFiles.readSingle(file, species);
        };
    }

    /** Writes {@code sys} in the format the name names (a {@code .gz} suffix compresses). */
    public static void write(AtomSystem sys, Path file) {
        FileFormat format = FileFormat.of(file);
        switch (format) {
            case EXTXYZ -> ExtXyzWriter.write(sys, null, file);
            case POSCAR -> Poscar.write(sys, file);
            case LAMMPS_DATA -> LammpsData.write(sys, file, charged(sys) ? LammpsData.Style.CHARGE : LammpsData.Style.ATOMIC);
            case LAMMPS_DUMP -> {
                try (LammpsDumpWriter w = LammpsDumpWriter.open(file)) {
                    w.positions(LammpsDumpWriter.Positions.WRAPPED_WITH_IMAGES).velocities(true).write(sys, 0, Double.NaN);
                }
            }
            case CIF, XDATCAR -> throw new FormatException(file.toString(), 0, format.description() + " is read-only in ionstream");
            case MLIP_CFG -> MlipCfgFiles.write(sys, file);
        }
    }

    private static AtomSystem readDump(Path file, String[] species) {
        try (LammpsDumpTrajectory t = LammpsDumpTrajectory.open(file, species)) {
            AtomSystem sys = t.nextSystem();
            if (sys == null) throw new FormatException(file.toString(), 0, "the dump holds no frame");
            if (t.nextSystem() != null) {
                throw new FormatException(file.toString(), 0, "the dump holds more than one frame; read it as a trajectory");
            }
            return sys;
        }
    }

    private static boolean charged(AtomSystem sys) {
        for (int i = 0; i < sys.size(); i++) if (sys.q()[i] != 0) return true;
        return false;
    }
}
