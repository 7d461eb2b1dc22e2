package io.ionstream.engine.potential.kspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ionstream.engine.SharedData;
import io.ionstream.engine.io.DumpFrame;
import io.ionstream.engine.io.LammpsDumpReader;
import io.ionstream.engine.neighbor.NeighborSettings;
import io.ionstream.engine.potential.ForceEngine;
import io.ionstream.engine.potential.ForceField;
import io.ionstream.engine.potential.LammpsPairReference;
import io.ionstream.engine.system.AtomSystem;
import io.ionstream.engine.units.MetalUnits;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Our reciprocal-space term against LAMMPS's own {@code kspace_style ewald 1e-10}, run live
 * (skipped when {@code lmp} is absent). LAMMPS cannot report its k-space forces alone, so the
 * input runs {@code buck/coul/long} twice, with and without {@code kspace_modify compute no}:
 * the real-space part (including LAMMPS's tabulated erfc, which limits the full comparison to
 * ~1e-7) is identical in both runs and cancels in the difference, which is LAMMPS's pure
 * k-space. That must agree with ours to the requested accuracy, and α must be the one LAMMPS
 * picked.
 */
class EwaldLammpsRunTest {
    private static final double ACCURACY = 1e-10;

    @Test
    void kSpaceForcesEnergyAndVirialMatchLammpsToTheRequestedAccuracy(@TempDir Path dir) throws Exception {
        Path lmp = SharedData.requireLammps();
        Path data = SharedData.file("lammps-reference/ionic.data");
        Files.writeString(dir.resolve("in.ewald"), String.join("\n",
            "units metal", "atom_style charge", "boundary p p p",
            "read_data " + data,
            "pair_style buck/coul/long 8.0",
            "pair_coeff 1 1 0.0 1.0 0.0", "pair_coeff 1 2 1000.0 0.30 0.0", "pair_coeff 2 2 5000.0 0.35 50.0",
            "kspace_style ewald " + ACCURACY,
            "thermo_style custom step pe elong pxx pyy pzz pxy pxz pyz",
            "thermo_modify format float %.16e",
            "dump d all custom 1 full.dump id fx fy fz", "dump_modify d format float %.16e sort id",
            "run 0", "undump d",
            "kspace_modify compute no",
            "dump d2 all custom 1 real.dump id fx fy fz", "dump_modify d2 format float %.16e sort id",
            "run 0", ""));
        ProcessBuilder pb = new ProcessBuilder(lmp.toString(), "-in", "in.ewald", "-log", "log.lammps", "-screen", "none")
            .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(dir.resolve("stdout").toFile());
        pb.environment().put("OMP_NUM_THREADS", "1");
        Process proc = pb.start();
        assertTrue(proc.waitFor(120, TimeUnit.SECONDS), "lmp finished");
        assertEquals(0, proc.exitValue(), () -> "lmp failed: " + read(dir.resolve("stdout")));

        List<String> log = Files.readAllLines(dir.resolve("log.lammps"));
        double lammpsAlpha = Double.NaN;
        List<double[]> thermo = new ArrayList<>();
        for (int k = 0; k < log.size(); k++) {
            String t = log.get(k).strip();
            if (t.startsWith("G vector (1/distance)")) lammpsAlpha = Double.parseDouble(t.split("=")[1].strip());
            if (t.startsWith("Step ") && k + 1 < log.size()) {
                String[] f = log.get(k + 1).strip().split("\\s+");
                double[] row = new double[f.length];
                for (int c = 0; c < f.length; c++) row[c] = Double.parseDouble(f[c]);
                thermo.add(row);
            }
        }
        assertEquals(2, thermo.size(), "two thermo rows in the LAMMPS log");

        AtomSystem sys = LammpsPairReference.ionicSystem();
        EwaldParameters params = EwaldParameters.forAccuracy(sys, ACCURACY, 8.0);
        // LAMMPS logs α with 8 significant digits
        assertEquals(lammpsAlpha, params.alpha(), 1e-7 * lammpsAlpha, "alpha picked for the requested accuracy");

        ForceEngine engine = new ForceEngine(sys, ForceField.of(params.kSpace()), NeighborSettings.withSkin(1.0));
        engine.compute();

        // k-space forces: the difference of the two dumps; RMS deviation within the accuracy
        DumpFrame full = LammpsDumpReader.readAll(dir.resolve("full.dump")).get(0);
        DumpFrame real = LammpsDumpReader.readAll(dir.resolve("real.dump")).get(0);
        double[] ids = full.column("id");
        double sq = 0;
        for (String c : new String[] {"fx", "fy", "fz"}) {
            int d = c.charAt(1) - 'x';
            double[] a = full.column(c), b = real.column(c);
            for (int r = 0; r < full.atoms(); r++) {
                int i = sys.indexOfId((long) ids[r]);
                double diff = (a[r] - b[r]) - sys.f()[3 * i + d];
                sq += diff * diff;
            }
        }
        double rms = Math.sqrt(sq / (3.0 * full.atoms()));
        assertTrue(rms <= params.absoluteAccuracy(), "RMS k-space force deviation " + rms + " eV/Å exceeds "
            + params.absoluteAccuracy());

        // energy (elong of the first run) and pressure tensor (difference of the two runs) to the
        // requested relative accuracy, components relative to the largest one
        double elong = thermo.get(0)[2];
        assertEquals(elong, engine.energy(), ACCURACY * Math.abs(elong), "k-space energy");
        double volume = sys.box().volume();
        double[] lammps = new double[6];
        double scale = 0;
        for (int k = 0; k < 6; k++) {
            lammps[k] = thermo.get(0)[3 + k] - thermo.get(1)[3 + k];
            scale = Math.max(scale, Math.abs(lammps[k]));
        }
        for (int k = 0; k < 6; k++) {
            double ours = engine.virial()[k] / volume * MetalUnits.NKTV2P;
            assertEquals(lammps[k], ours, ACCURACY * scale, "k-space pressure component " + k);
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (Exception e) {
            return "(no output)";
        }
    }
}
