package io.ionstream.engine.md;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ionstream.engine.SharedData;
import io.ionstream.engine.io.DumpFrame;
import io.ionstream.engine.io.LammpsDumpReader;
import io.ionstream.engine.neighbor.NeighborSettings;
import io.ionstream.engine.protocol.LjArgon;
import io.ionstream.engine.system.AtomSystem;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The reference LJ liquid ({@code ../shared/lammps-reference/in.msd}, 500 argon atoms): from frame 0
 * of LAMMPS's NVE trajectory (positions; Maxwell-Boltzmann velocities at the temperature of the
 * first thermo row, since the dump has none) we run velocity Verlet with the same 2 fs step for
 * the same 50 ps, sampling the total energy every 0.5 ps as LAMMPS did, and compare how well
 * each run holds it.
 *
 * <p>Criterion, both thresholds read from LAMMPS's {@code TotEng} column: (1) fluctuation, the
 * standard deviation of the total energy about its least-squares line in time: ours at most
 * 1.25 × LAMMPS's (the runs start from different velocities, so the two are different samples of
 * the same noise, mostly energy jumps of pairs crossing the unshifted cut-off; 101 samples give a
 * standard deviation to about 7 %); (2) drift, the change of that line over the 50 ps: ours at
 * most LAMMPS's plus three standard errors of LAMMPS's fitted drift.
 */
class LjLiquidNveTest {

    @Test
    void holdsTotalEnergyAsWellAsLammps() throws Exception {
        DumpFrame frame = LammpsDumpReader.readAll(SharedData.file("lammps-reference/lj_liquid_traj.dump")).get(0);
        List<String> thermo = Files.readAllLines(SharedData.file("lammps-reference/lj_liquid_thermo.txt"));
        String[] header = thermo.get(0).strip().split("\\s+");
        int cT = indexOf(header, "Temp"), cE = indexOf(header, "TotEng"), cStep = indexOf(header, "Step");
        List<double[]> ref = new ArrayList<>();
        for (String line : thermo.subList(1, thermo.size())) {
            if (line.isBlank()) continue;
            String[] f = line.strip().split("\\s+");
            ref.add(new double[] {Double.parseDouble(f[cStep]), Double.parseDouble(f[cE]), Double.parseDouble(f[cT])});
        }
        double t0 = ref.get(0)[2];
        long every = (long) (ref.get(1)[0] - ref.get(0)[0]);
        long steps = (long) (ref.get(ref.size() - 1)[0] - ref.get(0)[0]);

        AtomSystem sys = new AtomSystem(LjArgon.species(), frame.box(), frame.atoms());
        double[] x = frame.interleaved("xu", "yu", "zu");
        double[] id = frame.column("id");
        for (int i = 0; i < frame.atoms(); i++) {
            int k = sys.add(0, x[3 * i], x[3 * i + 1], x[3 * i + 2]);
            sys.id()[k] = (long) id[i];
        }
        Velocities.maxwellBoltzmann(sys, t0, 2024);

        MdRunner runner = new MdRunner(sys, LjArgon.forceField(LjArgon.CUTOFF), new VelocityVerlet(0.002), NeighborSettings.withSkin(2.0));
        runner.setup();
        double[] ours = new double[ref.size()];
        double[] lammps = new double[ref.size()];
        double[] time = new double[ref.size()];
        for (int r = 0; r < ref.size(); r++) {
            if (r > 0) runner.run(every);
            ours[r] = runner.totalEnergy();
            lammps[r] = ref.get(r)[1];
            time[r] = r * every * 0.002;
        }
        assertTrue(runner.currentStep() == steps, "ran the same number of steps as LAMMPS");
        double[] fo = fit(time, ours), fl = fit(time, lammps);
        double span = time[time.length - 1];
        double driftOurs = Math.abs(fo[1]) * span, driftLammps = Math.abs(fl[1]) * span, driftError = fl[3] * span;
        System.out.printf("total energy over %.0f ps (%d samples): fluctuation ours %.3e eV, LAMMPS %.3e eV; "
            + "fitted drift ours %.3e eV, LAMMPS %.3e eV +- %.1e eV%n",
            span, ours.length, fo[2], fl[2], driftOurs, driftLammps, driftError);
        assertTrue(fo[2] <= 1.25 * fl[2],
            "fluctuation of the total energy, " + fo[2] + " eV, exceeds 1.25 x LAMMPS's " + fl[2] + " eV");
        assertTrue(driftOurs <= driftLammps + 3 * driftError,
            "drift of the total energy over " + span + " ps, " + driftOurs + " eV, exceeds LAMMPS's " + driftLammps
                + " eV by more than 3 standard errors (" + driftError + " eV)");
    }

    /**
     * Least-squares line through (t, y): intercept, slope, the standard deviation of the residuals
     * and the standard error of the slope (samples taken as independent: 0.5 ps apart they are
     * nearly so for this liquid).
     */
    static double[] fit(double[] t, double[] y) {
        int n = t.length;
        double mt = 0, my = 0;
        for (int i = 0; i < n; i++) { mt += t[i]; my += y[i]; }
        mt /= n;
        my /= n;
        double stt = 0, sty = 0;
        for (int i = 0; i < n; i++) {
            stt += (t[i] - mt) * (t[i] - mt);
            sty += (t[i] - mt) * (y[i] - my);
        }
        double slope = sty / stt, icpt = my - slope * mt;
        double ss = 0;
        for (int i = 0; i < n; i++) {
            double r = y[i] - icpt - slope * t[i];
            ss += r * r;
        }
        double sd = Math.sqrt(ss / (n - 2));
        return new double[] {icpt, slope, sd, sd / Math.sqrt(stt)};
    }

    private static int indexOf(String[] header, String name) {
        for (int i = 0; i < header.length; i++) if (header[i].equals(name)) return i;
        throw new IllegalStateException("column " + name + " missing in lj_liquid_thermo.txt");
    }
}
