package io.ionstream.engine.io;

import java.nio.file.Path;
import java.util.Locale;

/**
 * The file formats ionstream reads and writes, and how a file's name selects one (a trailing
 * {@code .gz} is ignored): by extension first, then by VASP's conventional names.
 *
 * <table>
 *   <caption>names</caption>
 *   <tr><td>{@code .xyz}, {@code .extxyz}</td><td>{@link #EXTXYZ}</td></tr>
 *   <tr><td>{@code .vasp}, {@code .poscar}, names containing {@code POSCAR} or {@code CONTCAR}</td><td>{@link #POSCAR}</td></tr>
 *   <tr><td>names containing {@code XDATCAR}</td><td>{@link #XDATCAR}</td></tr>
 *   <tr><td>{@code .data}, {@code .lmp}</td><td>{@link #LAMMPS_DATA}</td></tr>
 *   <tr><td>{@code .dump}, {@code .lammpstrj}</td><td>{@link #LAMMPS_DUMP}</td></tr>
 *   <tr><td>{@code .cfg}</td><td>{@link #MLIP_CFG}</td></tr>
 *   <tr><td>{@code .cif}</td><td>{@link #CIF}</td></tr>
 * </table>
 */
public enum FileFormat {
    EXTXYZ("extended XYZ"),
    POSCAR("VASP POSCAR/CONTCAR"),
    XDATCAR("VASP XDATCAR"),
    LAMMPS_DATA("LAMMPS data"),
    LAMMPS_DUMP("LAMMPS dump"),
    MLIP_CFG("MLIP cfg"),
    CIF("CIF");

    private final String description;

    FileFormat(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    /** The format a file name implies; an unknown name is a {@link FormatException} listing the known ones. */
    public static FileFormat of(Path file) {
        String base = TextFiles.baseName(file);
        String lower = base.toLowerCase(Locale.ROOT);
        int dot = lower.lastIndexOf('.');
        String ext = dot >= 0 ? lower.substring(dot + 1) : "";
        switch (ext) {
            case "xyz", "extxyz": return EXTXYZ;
            case "vasp", "poscar": return POSCAR;
            case "data", "lmp": return LAMMPS_DATA;
            case "dump", "lammpstrj": return LAMMPS_DUMP;
            case "cfg": return MLIP_CFG;
            case "cif": return CIF;
            default: break;
        }
        String upper = base.toUpperCase(Locale.ROOT);
        if (upper.contains("XDATCAR")) return XDATCAR;
        if (upper.contains("POSCAR") || upper.contains("CONTCAR")) return POSCAR;
        throw new FormatException(file.toString(), 0, "cannot tell the file format from the name '" + base + "'; known: "
            + ".xyz/.extxyz, POSCAR/CONTCAR/.vasp/.poscar, XDATCAR, .data/.lmp, .dump/.lammpstrj, .cfg, .cif (optionally .gz)");
    }
}
