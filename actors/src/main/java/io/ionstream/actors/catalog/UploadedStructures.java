package io.ionstream.actors.catalog;

import io.ionstream.actors.service.ServiceException;
import io.ionstream.engine.io.FileFormat;
import io.ionstream.engine.io.FormatException;
import io.ionstream.engine.io.StructureFiles;
import io.ionstream.engine.system.AtomSystem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads uploaded structure files in any format the engine reads ({@link StructureFiles}: extxyz,
 * POSCAR, LAMMPS data and dump, CIF), chosen by the file name, with the declared size checked
 * before anything is allocated: a header that declares more atoms than the server accepts is
 * RESOURCE_EXHAUSTED, and any parse error is INVALID_ARGUMENT naming the file and line.
 */
final class UploadedStructures {
    private static final Pattern LAMMPS_ATOMS = Pattern.compile("^\\s*(\\d+)\\s+atoms\\s*(#.*)?$", Pattern.MULTILINE);

    private UploadedStructures() {}

    static String formats() {
        return ".xyz/.extxyz, POSCAR/CONTCAR/.vasp, .data/.lmp (LAMMPS data), .dump/.lammpstrj (one frame), .cif";
    }

    static AtomSystem read(Path staging, String fileName, byte[] content, List<String> species, int maxAtoms) {
        String name = fileName == null ? "" : fileName.strip();
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        name = name.substring(slash + 1);
        if (name.isEmpty() || name.startsWith(".")) {
            throw ServiceException.invalid("the file needs a name (its extension selects the format: " + formats() + ")");
        }
        FileFormat format;
        try {
            format = FileFormat.of(Path.of(name));
        } catch (FormatException e) {
            throw ServiceException.invalid("cannot tell the format of '" + name + "' (supported: " + formats() + ")");
        }
        checkDeclaredAtoms(name, format, content, maxAtoms);
        Path dir = null;
        try {
            Files.createDirectories(staging);
            dir = Files.createTempDirectory(staging, "upload");
            Path file = dir.resolve(name);
            Files.write(file, content);
            String prefix = dir.toString() + java.io.File.separator;
            try {
                return StructureFiles.read(file, species.isEmpty() ? null : species.toArray(String[]::new));
            } catch (FormatException e) {
                throw ServiceException.invalid(e.getMessage().replace(prefix, ""));
            } catch (RuntimeException e) {
                String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().replace(prefix, "");
                throw ServiceException.invalid(m.startsWith(name) ? m : name + ": " + m);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stage the upload " + name + ": " + e.getMessage(), e);
        } finally {
            if (dir != null) delete(dir);
        }
    }

    /** Refuses a header that declares more atoms than allowed, or than the file can hold. */
    private static void checkDeclaredAtoms(String name, FileFormat format, byte[] content, int maxAtoms) {
        String head = new String(content, 0, Math.min(content.length, 4096), StandardCharsets.UTF_8);
        String declared = switch (format) {
            case LAMMPS_DATA -> {
                Matcher m = LAMMPS_ATOMS.matcher(head);
                yield m.find() ? m.group(1) : null;
            }
            case EXTXYZ -> {
                String first = head.lines().findFirst().orElse("").strip();
                yield first.matches("\\d+") ? first : null;
            }
            default -> null;
        };
        if (declared == null) return; // the reader names what is missing
        long n;
        try {
            n = Long.parseLong(declared);
        } catch (NumberFormatException e) {
            throw ServiceException.exhausted(name + " declares " + declared + " atoms; this server accepts at most " + maxAtoms);
        }
        if (n > maxAtoms) {
            throw ServiceException.exhausted(name + " declares " + n + " atoms; this server accepts at most " + maxAtoms
                + " (ionstream.limits.max-atoms)");
        }
        // every atom takes a line of at least "id type x y z" (LAMMPS) or "X x y z" (extxyz): 8 characters
        if (n * 8 > content.length) {
            throw ServiceException.invalid(name + " declares " + n + " atoms but holds only " + content.length + " bytes");
        }
    }

    private static void delete(Path dir) {
        try (var walk = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // a leftover staging folder is removed at the next start
        }
    }

}
