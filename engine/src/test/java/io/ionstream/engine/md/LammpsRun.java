package io.ionstream.engine.md;

import io.ionstream.engine.SharedData;
import io.ionstream.engine.io.LammpsData;
import io.ionstream.engine.system.AtomSystem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs LAMMPS ({@code lmp}) on a system written as a data file plus a few input lines, and reads
 * its thermo table back: the independent reference for the integrator tests.
 */
final class LammpsRun {
    private LammpsRun() {}

    /** Thermo rows: columns as named in {@code columns}. */
    record Thermo(String[] columns, List<double[]> rows) {
        double[] column(String name) {
            for (int c = 0; c < columns.length; c++) {
                if (columns[c].equalsIgnoreCase(name)) {
                    double[] out = new double[rows.size()];
                    for (int r = 0; r < out.length; r++) out[r] = rows.get(r)[c];
                    return out;
                }
            }
            throw new IllegalArgumentException("no thermo column " + name + " in " + String.join(" ", columns));
        }
    }

    /**
     * Writes {@code sys} to {@code dir/data.lmp}, runs {@code body} (everything after
     * {@code read_data}) and returns the thermo table of the last run.
     */
    static Thermo run(Path dir, AtomSystem sys, String body) throws IOException, InterruptedException {
        Path lmp = SharedData.requireLammps();
        LammpsData.write(sys, dir.resolve("data.lmp"), LammpsData.Style.ATOMIC);
        String input = "units metal\natom_style atomic\nboundary p p p\nread_data data.lmp\n" + body;
        Files.writeString(dir.resolve("in.test"), input);
        Process p = new ProcessBuilder(lmp.toString(), "-in", "in.test", "-log", "log.test", "-screen", "none")
            .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(dir.resolve("stdout.txt").toFile()).start();
        if (!p.waitFor(300, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("lmp did not finish in 300 s");
        }
        List<String> log = Files.readAllLines(dir.resolve("log.test"));
        if (p.exitValue() != 0) throw new IllegalStateException("lmp failed (exit " + p.exitValue() + "): " + String.join("\n", log));
        String[] header = null;
        boolean inTable = false;
        List<double[]> rows = new ArrayList<>();
        for (String line : log) {
            String t = line.strip();
            if (t.startsWith("Step ")) {
                header = t.split("\\s+");
                rows.clear();
                inTable = true;
            } else if (t.startsWith("Loop time")) {
                inTable = false;
            } else if (inTable && !t.isEmpty() && (Character.isDigit(t.charAt(0)) || t.charAt(0) == '-')) {
                String[] f = t.split("\\s+");
                if (f.length != header.length) continue;
                double[] r = new double[f.length];
                try {
                    for (int k = 0; k < f.length; k++) r[k] = Double.parseDouble(f[k]);
                } catch (NumberFormatException e) {
                    continue;
                }
                rows.add(r);
            }
        }
        if (header == null || rows.isEmpty()) throw new IllegalStateException("no thermo rows in the LAMMPS log");
        return new Thermo(header, rows);
    }
}
