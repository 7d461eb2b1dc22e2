package io.ionstream.engine.learn.oracle;

import io.ionstream.engine.io.mlip.MlipConfiguration;
import io.ionstream.engine.system.AtomSystem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Fills a CP2K input template for one configuration: {@code {{PROJECT}}}, {@code {{CELL}}} (the
 * three cell vectors A, B, C in Å), {@code {{COORD}}} (element and Cartesian position per atom, in
 * the configuration's file frame and order, so CP2K's forces come back in that frame and order)
 * and {@code {{KINDS}}} (for templates with a basis set: one {@code &KIND} per element with the
 * DZVP-MOLOPT(-SR) basis set and the GTH-PBE pseudopotential listed for it in the CP2K data folder;
 * empty for xTB).
 */
final class Cp2kInput {
    private Cp2kInput() {}

    static String render(String template, MlipConfiguration cfg, String project, Cp2kMethod method, Path dataDir)
        throws OracleException {
        double[][] lat = cfg.lattice();
        if (lat == null) {
            throw new OracleException(OracleException.Kind.BAD_OUTPUT, "CP2K needs a periodic cell; the configuration at line "
                + cfg.line() + " has no Supercell");
        }
        AtomSystem sys = cfg.system();
        int n = sys.size();
        double[] x = java.util.Arrays.copyOf(sys.x(), 3 * n);
        cfg.toFileFrame(x, n);
        StringBuilder cell = new StringBuilder();
        String[] names = {"A", "B", "C"};
        for (int r = 0; r < 3; r++) {
            cell.append(String.format(Locale.ROOT, "      %s %.12f %.12f %.12f", names[r], lat[r][0], lat[r][1], lat[r][2]));
            if (r < 2) cell.append('\n');
        }
        StringBuilder coord = new StringBuilder();
        Set<String> elements = new LinkedHashSet<>();
        for (int i = 0; i < n; i++) {
            String el = sys.species().symbol(sys.type()[i]);
            elements.add(el);
            coord.append(String.format(Locale.ROOT, "      %-3s %.12f %.12f %.12f", el, x[3 * i], x[3 * i + 1], x[3 * i + 2]));
            if (i < n - 1) coord.append('\n');
        }
        String kinds = method == Cp2kMethod.PBE ? kinds(elements, dataDir) : "";
        return template.replace("{{PROJECT}}", project).replace("{{CELL}}", cell).replace("{{COORD}}", coord)
            .replace("{{KINDS}}", kinds);
    }

    private static String kinds(Set<String> elements, Path dataDir) throws OracleException {
        String basisFile = read(dataDir.resolve("BASIS_MOLOPT"));
        String potFile = read(dataDir.resolve("GTH_POTENTIALS"));
        StringBuilder sb = new StringBuilder();
        for (String el : elements) {
            String basis = firstName(basisFile, el, "DZVP-MOLOPT-SR-GTH");
            if (basis == null) basis = firstName(basisFile, el, "DZVP-MOLOPT-GTH");
            String pot = firstPrefixed(potFile, el, "GTH-PBE-q");
            if (basis == null || pot == null) {
                throw new OracleException(OracleException.Kind.START_FAILED, "no DZVP-MOLOPT basis set or GTH-PBE pseudopotential for "
                    + el + " in " + dataDir);
            }
            sb.append("    &KIND ").append(el).append("\n      BASIS_SET ").append(basis).append("\n      POTENTIAL ").append(pot)
                .append("\n    &END KIND\n");
        }
        return sb.toString().stripTrailing();
    }

    private static String read(Path p) throws OracleException {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new OracleException(OracleException.Kind.START_FAILED, "cannot read CP2K data file " + p + ": " + e.getMessage());
        }
    }

    /** The name {@code wanted} when a line "El wanted ..." exists. */
    private static String firstName(String file, String el, String wanted) {
        for (String line : file.split("\n")) {
            String[] f = line.strip().split("\\s+");
            if (f.length >= 2 && f[0].equals(el) && f[1].equals(wanted)) return wanted;
        }
        return null;
    }

    /** The first name starting with {@code prefix} listed for element {@code el}. */
    private static String firstPrefixed(String file, String el, String prefix) {
        for (String line : file.split("\n")) {
            String[] f = line.strip().split("\\s+");
            if (f.length >= 2 && f[0].equals(el) && f[1].startsWith(prefix)) return f[1];
        }
        return null;
    }
}
