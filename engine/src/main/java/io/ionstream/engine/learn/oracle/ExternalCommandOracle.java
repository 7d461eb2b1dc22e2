package io.ionstream.engine.learn.oracle;

import io.ionstream.engine.io.FormatException;
import io.ionstream.engine.io.mlip.MlipCfgReader;
import io.ionstream.engine.io.mlip.MlipCfgWriter;
import io.ionstream.engine.io.mlip.MlipConfiguration;
import io.ionstream.engine.io.mlip.MlipSpecies;
import io.ionstream.engine.system.AtomSystem;
import io.ionstream.engine.system.SpeciesTable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Labels configurations with any program the user wraps in a command (VASP, Quantum ESPRESSO, a
 * script). The file protocol, per configuration, in a fresh work folder that is the command's
 * working directory:
 * <ol>
 * <li>we write {@code input.cfg} (MLIP {@code .cfg}, one configuration, types 0-based in the
 * species order, Cartesian Å, no energy/forces) and the same atoms as {@code input.extxyz}
 * (element symbols, {@code Lattice}, same frame);</li>
 * <li>we run the command with {@code /bin/sh -c}, environment {@code IONSTREAM_INPUT=input.cfg},
 * {@code IONSTREAM_INPUT_XYZ=input.extxyz}, {@code IONSTREAM_OUTPUT=output.cfg},
 * {@code IONSTREAM_SPECIES=Li,P,S,Cl} (the type order), and a wall-clock limit (the command and
 * its children are killed when it passes);</li>
 * <li>exit status 0: we read {@code output.cfg}, which must hold the same atoms (count, types,
 * positions within 10⁻³ Å modulo the cell) with {@code Energy} (eV) and forces {@code fx fy fz}
 * (eV/Å), and may hold {@code PlusStress} (the virial in eV). Any other status is a failure (3
 * means "not converged"), reported with the tail of {@code stderr.txt}; nothing is used.</li>
 * </ol>
 */
public final class ExternalCommandOracle implements Oracle {
    /** Exit status by which a command says its calculation did not converge. */
    public static final int NOT_CONVERGED_STATUS = 3;
    private static final double POSITION_TOLERANCE = 1e-3;

    private final String command;
    private final double timeoutSeconds;

    public ExternalCommandOracle(String command, double timeoutSeconds) {
        if (command == null || command.isBlank()) throw new IllegalArgumentException("the oracle command is empty");
        if (!(timeoutSeconds > 0)) throw new IllegalArgumentException("oracle time limit must be positive, got " + timeoutSeconds);
        this.command = command;
        this.timeoutSeconds = timeoutSeconds;
    }

    @Override
    public String describe() {
        return "command: " + command + " (limit " + timeoutSeconds + " s)";
    }

    @Override
    public Label label(MlipConfiguration cfg, Path workDir) throws OracleException {
        SpeciesTable table = cfg.system().species();
        String species = String.join(",", table.symbols());
        try {
            Files.createDirectories(workDir);
            MlipCfgWriter.writeAll(workDir.resolve("input.cfg"), List.of(cfg.withEnergyForcesStress(Double.NaN, null, null)));
            Files.writeString(workDir.resolve("input.extxyz"), extxyz(cfg), StandardCharsets.UTF_8);
            Files.deleteIfExists(workDir.resolve("output.cfg"));
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new OracleException(OracleException.Kind.START_FAILED, "cannot write the oracle input in " + workDir + ": " + e.getMessage());
        }
        long t0 = System.nanoTime();
        int status = ProcessRunner.run(List.of("/bin/sh", "-c", command), workDir, Map.of("IONSTREAM_INPUT", "input.cfg",
            "IONSTREAM_INPUT_XYZ", "input.extxyz", "IONSTREAM_OUTPUT", "output.cfg", "IONSTREAM_SPECIES", species), timeoutSeconds);
        double seconds = (System.nanoTime() - t0) * 1e-9;
        if (status != 0) {
            OracleException.Kind kind = status == NOT_CONVERGED_STATUS ? OracleException.Kind.NOT_CONVERGED
                : OracleException.Kind.EXIT_STATUS;
            throw new OracleException(kind, "oracle command '" + command + "' exited with status " + status
                + (status == NOT_CONVERGED_STATUS ? " (not converged)" : "") + " in " + workDir + ":\n"
                + ProcessRunner.tail(workDir.resolve(ProcessRunner.STDERR), 10));
        }
        Path out = workDir.resolve("output.cfg");
        if (!Files.exists(out)) {
            throw new OracleException(OracleException.Kind.BAD_OUTPUT, "oracle command '" + command + "' succeeded but wrote no "
                + out);
        }
        List<MlipConfiguration> read;
        try {
            read = new MlipCfgReader(speciesOf(table)).readAll(out);
        } catch (FormatException | java.io.UncheckedIOException e) {
            throw new OracleException(OracleException.Kind.BAD_OUTPUT, "oracle output is not a valid .cfg: " + e.getMessage(), e);
        }
        if (read.size() != 1) {
            throw new OracleException(OracleException.Kind.BAD_OUTPUT, out + " holds " + read.size() + " configurations, expected 1");
        }
        MlipConfiguration r = read.get(0);
        checkSameAtoms(cfg, r, out);
        if (!r.hasEnergy()) throw new OracleException(OracleException.Kind.BAD_OUTPUT, out + " has no Energy");
        if (r.forces() == null) throw new OracleException(OracleException.Kind.BAD_OUTPUT, out + " has no forces (fx fy fz)");
        try {
            // forces come in the output's file frame; ours is the input's, and the cells agree
            return new Label(r.energy(), r.forces(), r.plusStress(), seconds);
        } catch (IllegalArgumentException e) {
            throw new OracleException(OracleException.Kind.BAD_OUTPUT, out + ": " + e.getMessage());
        }
    }

    private static MlipSpecies speciesOf(SpeciesTable t) {
        boolean elements = true;
        for (String s : t.symbols()) elements &= io.ionstream.engine.system.Elements.isElement(s);
        return elements ? MlipSpecies.named(t.symbols()) : MlipSpecies.unnamed(t.size());
    }

    private static void checkSameAtoms(MlipConfiguration in, MlipConfiguration out, Path file) throws OracleException {
        AtomSystem a = in.system(), b = out.system();
        if (a.size() != b.size()) {
            throw new OracleException(OracleException.Kind.BAD_OUTPUT, file + " has " + b.size() + " atoms, the input has " + a.size());
        }
        double[][] la = in.lattice(), lb = out.lattice();
        if (lb == null) throw new OracleException(OracleException.Kind.BAD_OUTPUT, file + " has no Supercell");
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 3; c++) {
                if (Math.abs(la[r][c] - lb[r][c]) > POSITION_TOLERANCE) {
                    throw new OracleException(OracleException.Kind.BAD_OUTPUT, file + ": the cell differs from the input's");
                }
            }
        }
        double[] d = new double[3];
        for (int i = 0; i < a.size(); i++) {
            if (a.type()[i] != b.type()[i]) {
                throw new OracleException(OracleException.Kind.BAD_OUTPUT, file + ": atom " + (i + 1) + " has type " + b.type()[i]
                    + ", the input has " + a.type()[i]);
            }
            for (int k = 0; k < 3; k++) d[k] = b.x()[3 * i + k] - a.x()[3 * i + k];
            a.box().minimumImage(d, 0);
            if (Math.sqrt(d[0] * d[0] + d[1] * d[1] + d[2] * d[2]) > POSITION_TOLERANCE) {
                throw new OracleException(OracleException.Kind.BAD_OUTPUT, file + ": atom " + (i + 1)
                    + " is not where the input put it (atoms must stay in input order)");
            }
        }
    }

    /** The configuration as extended XYZ in its file frame (same numbers as input.cfg). */
    static String extxyz(MlipConfiguration cfg) {
        AtomSystem sys = cfg.system();
        int n = sys.size();
        double[] x = java.util.Arrays.copyOf(sys.x(), 3 * n);
        cfg.toFileFrame(x, n);
        StringBuilder sb = new StringBuilder();
        sb.append(n).append('\n');
        double[][] l = cfg.lattice();
        if (l != null) {
            sb.append("Lattice=\"");
            for (int r = 0; r < 3; r++) {
                for (int c = 0; c < 3; c++) sb.append(r + c == 0 ? "" : " ").append(num(l[r][c]));
            }
            sb.append("\" ");
        }
        sb.append("Properties=species:S:1:pos:R:3 pbc=\"").append(l != null ? "T T T" : "F F F").append("\"\n");
        for (int i = 0; i < n; i++) {
            sb.append(sys.species().symbol(sys.type()[i]));
            for (int d = 0; d < 3; d++) sb.append(' ').append(num(x[3 * i + d]));
            sb.append('\n');
        }
        return sb.toString();
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.16e", v);
    }
}
