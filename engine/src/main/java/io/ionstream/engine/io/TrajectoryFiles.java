package io.ionstream.engine.io;

import io.ionstream.engine.io.mlip.MlipCfgFiles;
import io.ionstream.engine.io.vasp.XdatcarReader;
import io.ionstream.engine.io.xyz.ExtXyzReader;
import java.nio.file.Path;

/**
 * Opens a trajectory in the format its file name names ({@link FileFormat}), plain or
 * {@code .gz}: LAMMPS dumps, extended XYZ, VASP XDATCAR and
 * MLIP {@code .cfg} sets (each configuration a frame). {@code species} (may be null) as
 * in {@link StructureFiles}: required for dumps without an {@code element} column.
 */
public final class TrajectoryFiles {
    private TrajectoryFiles() {}

    public static TrajectoryReader open(Path file) {
        return open(file, null);
    }

    public static TrajectoryReader open(Path file, String[] species) {
        FileFormat format = FileFormat.of(file);
        return switch (format) {
            case LAMMPS_DUMP -> LammpsDumpTrajectory.open(file, species);
            case EXTXYZ -> ExtXyzReader.open(file, species);
            case XDATCAR -> XdatcarReader.open(file, species);
            case MLIP_CFG -> MlipCfgFiles.open(file, species);
            case POSCAR, LAMMPS_DATA, CIF -> throw new FormatException(file.toString(), 0,
                format.description() + " holds one structure, not a trajectory: read it with StructureFiles");
        };
    }
}
