package io.ionstream.actors.catalog;

import io.ionstream.actors.service.ServiceException;
import io.ionstream.engine.io.FormatException;
import io.ionstream.engine.io.LammpsData;
import io.ionstream.engine.system.AtomSystem;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads uploaded structure files, choosing the format by extension, with the size checked before
 * anything is allocated: a header that declares more atoms than the server accepts is
 * RESOURCE_EXHAUSTED, and any parse error is INVALID_ARGUMENT naming the file and line.
 */
final class StructureFiles {
    private static final Pattern ATOMS = Pattern.compile("^\\s*(\\d+)\\s+atoms\\s*(#.*)?$", Pattern.MULTILINE);

    private StructureFiles() {}

    static String formats() {
        return ".data, .lmp (LAMMPS data, atomic or charge style)";
    }

    static AtomSystem read(String fileName, byte[] content, List<String> species, int maxAtoms) {
        String name = fileName == null ? "" : fileName.strip();
        if (name.isEmpty()) throw ServiceException.invalid("the file needs a name (its extension selects the format: " + formats() + ")");
        String lower = name.toLowerCase(Locale.ROOT);
        if (!(lower.endsWith(".data") || lower.endsWith(".lmp"))) {
            throw ServiceException.invalid("cannot tell the format of '" + name + "' (supported: " + formats() + ")");
        }
        checkDeclaredAtoms(name, content, maxAtoms);
        try (BufferedReader r = new BufferedReader(new InputStreamReader(new ByteArrayInputStream(content), StandardCharsets.UTF_8))) {
            return LammpsData.read(r, name, species.isEmpty() ? null : species.toArray(String[]::new));
        } catch (FormatException e) {
            throw ServiceException.invalid(e.getMessage());
        } catch (IOException e) {
            throw ServiceException.invalid(name + ": " + e.getMessage());
        } catch (RuntimeException e) {
            throw ServiceException.invalid(name + ": " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        }
    }

    /** Refuses a LAMMPS header that declares more atoms than allowed, or than the file can hold. */
    private static void checkDeclaredAtoms(String name, byte[] content, int maxAtoms) {
        int head = Math.min(content.length, 4096);
        Matcher m = ATOMS.matcher(new String(content, 0, head, StandardCharsets.UTF_8));
        if (!m.find()) return; // the parser names what is missing
        long n;
        try {
            n = Long.parseLong(m.group(1));
        } catch (NumberFormatException e) {
            throw ServiceException.invalid(name + ": the number of atoms '" + m.group(1) + "' is not a number");
        }
        if (n > maxAtoms) {
            throw ServiceException.exhausted(name + " declares " + n + " atoms; this server accepts at most " + maxAtoms
                + " (ionstream.limits.max-atoms)");
        }
        // every atom line holds at least "id type x y z": 9 characters
        if (n * 9 > content.length) {
            throw ServiceException.invalid(name + " declares " + n + " atoms but holds only " + content.length + " bytes");
        }
    }
}
