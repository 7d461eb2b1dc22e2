import io.ionstream.engine.io.TrajectoryFiles;
import io.ionstream.engine.io.TrajectoryFrame;
import io.ionstream.engine.io.TrajectoryReader;
import io.ionstream.engine.io.mlip.MlipCfgReader;
import io.ionstream.engine.io.mlip.MlipCfgWriter;
import io.ionstream.engine.io.mlip.MlipConfiguration;
import io.ionstream.engine.io.mlip.MlipSpecies;
import io.ionstream.engine.learn.Snapshot;
import io.ionstream.engine.learn.StructureSpec;
import io.ionstream.engine.learn.fit.FitErrors;
import io.ionstream.engine.learn.oracle.Cp2kMethod;
import io.ionstream.engine.learn.oracle.Cp2kOracle;
import io.ionstream.engine.learn.oracle.Cp2kSettings;
import io.ionstream.engine.learn.oracle.Label;
import io.ionstream.engine.md.Barostat;
import io.ionstream.engine.md.MdRunner;
import io.ionstream.engine.md.NoseHoover;
import io.ionstream.engine.md.Thermostat;
import io.ionstream.engine.md.VelocityVerlet;
import io.ionstream.engine.md.Velocities;
import io.ionstream.engine.neighbor.NeighborSettings;
import io.ionstream.engine.potential.ForceField;
import io.ionstream.engine.potential.mtp.MtpEvaluator;
import io.ionstream.engine.potential.mtp.MtpPotential;
import io.ionstream.engine.potential.mtp.MtpReader;
import io.ionstream.engine.system.AtomSystem;
import io.ionstream.engine.units.MetalUnits;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The validation report of a bundled Li6PS5Cl potential (numbers for its README.md), run from the
 * repository root after a build:
 *
 * <pre>
 *   java -cp "server/target/lib/*" potentials/lpscl-xtb-l10/validate/Validate.java \
 *       potentials/lpscl-xtb-l10 OUTDIR [checks]
 * </pre>
 *
 * checks (default all): errors, pressure (P(a) of the ideal ordered cell, MTP vs GFN1-xTB single
 * points with CP2K, cached in OUTDIR/xtb-lattice.cfg), npt (300 K, 0 bar, 2x2x2: the lattice
 * constant along the run), rdf (NVT 500 K in the cell of Morgan's PBE AIMD from its first frame vs
 * that AIMD), nve (after NVT at 300 K: energy drift and µs/atom/step). Timings are wall clock on a
 * shared machine: noisy.
 */
public class Validate {
    static final MlipSpecies SPECIES = MlipSpecies.named("Li", "P", "S", "Cl");
    static final double EV_A3_TO_GPA = 160.21766208;
    static Path dir, out;
    static MtpPotential pot;

    public static void main(String[] a) throws Exception {
        dir = Path.of(a[0]);
        out = Path.of(a[1]);
        Files.createDirectories(out);
        List<String> checks = a.length > 2 ? List.of(a[2].split(",")) : List.of("errors", "pressure", "npt", "rdf", "nve");
        pot = MtpPotential.load(dir.resolve("lpscl-xtb.mtp"), SPECIES);
        for (String c : checks) {
            switch (c) {
                case "errors" -> errors();
                case "pressure" -> pressure();
                case "npt" -> npt();
                case "rdf" -> rdf();
                case "nve" -> nve();
                default -> throw new IllegalArgumentException("unknown check " + c);
            }
        }
    }

    static void errors() {
        for (String f : new String[]{"training.cfg", "validation.cfg"}) {
            List<MlipConfiguration> cfgs = new MlipCfgReader(SPECIES).readAll(dir.resolve(f));
            FitErrors e = FitErrors.of(pot.model(), SPECIES, cfgs);
            System.out.printf(Locale.ROOT, "errors %s: %s%n", f, e);
        }
    }

    static double pressureGpa(double[] plusStress, double volume) {
        return (plusStress[0] + plusStress[1] + plusStress[2]) / (3 * volume) * EV_A3_TO_GPA;
    }

    /** P(a) of the ideal ordered cell, unrelaxed, MTP and xTB on the same configurations; a at P = 0 by linear interpolation. */
    static void pressure() throws Exception {
        double[] lattices = {9.6, 9.8, 10.0, 10.2};
        Path cache = out.resolve("xtb-lattice.cfg");
        List<MlipConfiguration> xtb = Files.exists(cache) ? new MlipCfgReader(SPECIES).readAll(cache) : new ArrayList<>();
        MtpEvaluator eval = new MtpEvaluator(pot);
        Cp2kOracle oracle = null;
        double[] pm = new double[lattices.length], px = new double[lattices.length];
        for (int k = 0; k < lattices.length; k++) {
            AtomSystem sys = new StructureSpec("li6ps5cl lattice=" + lattices[k]).build(SPECIES, Path.of("."));
            MlipConfiguration c = Snapshot.of(sys);
            double v = sys.box().volume();
            pm[k] = pressureGpa(eval.evaluate(c, false).plusStress(), v);
            if (k < xtb.size()) {
                px[k] = pressureGpa(xtb.get(k).plusStress(), v);
            } else {
                if (oracle == null) oracle = new Cp2kOracle(Cp2kSettings.of(Cp2kMethod.XTB, 2, 1800));
                Label l = oracle.label(c, out.resolve("cp2k-" + k));
                px[k] = pressureGpa(l.plusStress(), v);
                xtb.add(l.applyTo(c));
                MlipCfgWriter.writeAll(cache, xtb);
            }
            System.out.printf(Locale.ROOT, "pressure a=%.2f A: MTP %.3f GPa, xTB %.3f GPa%n", lattices[k], pm[k], px[k]);
        }
        System.out.printf(Locale.ROOT, "pressure zero (ideal ordered cell, unrelaxed): MTP a0 = %.3f A, xTB a0 = %.3f A%n",
            zero(lattices, pm), zero(lattices, px));
    }

    static double zero(double[] x, double[] y) {
        for (int k = 0; k + 1 < x.length; k++) {
            if (y[k] * y[k + 1] <= 0) return x[k] + (x[k + 1] - x[k]) * y[k] / (y[k] - y[k + 1]);
        }
        return Double.NaN;
    }

    static MdRunner md(AtomSystem sys, double t, double pBar, long seed) {
        Velocities.maxwellBoltzmann(sys, t, seed);
        double dt = MetalUnits.FEMTOSECOND;
        Thermostat th = Thermostat.at(t, 100 * dt);
        NoseHoover in = Double.isNaN(pBar) ? NoseHoover.nvt(dt, th) : NoseHoover.npt(dt, th, Barostat.iso(pBar, pBar, 1000 * dt));
        return new MdRunner(sys, ForceField.of(pot), in, NeighborSettings.withSkin(1.0));
    }

    /**
     * NPT at 300 K and 0 bar of the ordered 2x2x2 cell from a = 9.9 Å: the cubic lattice constant
     * every 100 steps, until the run ends or fails (GFN1-xTB, and so the potential, collapses the
     * cell; see README.md).
     */
    static void npt() {
        AtomSystem sys = new StructureSpec("li6ps5cl supercell=2,2,2 lattice=9.9").build(SPECIES, Path.of("."));
        MdRunner md = md(sys, 300, 0, 11);
        StringBuilder trace = new StringBuilder();
        String end = "completed 3000 steps";
        try {
            for (int b = 0; b < 30; b++) {
                md.run(100);
                trace.append(String.format(Locale.ROOT, " %d:%.2f", md.currentStep(), Math.cbrt(sys.box().volume()) / 2));
            }
        } catch (RuntimeException e) {
            end = "failed at step " + md.currentStep() + ": " + e.getMessage();
        }
        System.out.printf(Locale.ROOT, "npt 300 K 0 bar (2x2x2 ordered from a = 9.9 A), step:a(A) every 100 steps:%s; %s%n", trace, end);
    }

    static MdRunner nvt(AtomSystem sys, double t, long seed) {
        return md(sys, t, Double.NaN, seed);
    }

    /** Partial RDFs of MTP NPT MD at 500 K from the first frame of Morgan's ordered AIMD vs that AIMD (PBE, 500 K). */
    static void rdf() throws Exception {
        Path traj = Path.of("../shared/external-trajectories/morgan-argyrodite-aimd/Li6PS5Cl_0p_run1_actual_XDATCAR.gz");
        int[][] pairs = {{1, 2}, {0, 2}, {0, 3}, {0, 0}};
        String[] names = {"P-S", "Li-S", "Li-Cl", "Li-Li"};
        double rmax = 6.0;
        int bins = 120;
        double[][] aimd = new double[pairs.length][bins];
        AtomSystem first = null;
        int frames = 0;
        try (TrajectoryReader r = TrajectoryFiles.open(traj, new String[]{"Li", "Cl", "S", "P"})) {
            TrajectoryFrame fr;
            while ((fr = r.next()) != null) {
                AtomSystem s = new AtomSystem(fr.species(), fr.box().copy(), fr.atoms());
                for (int i = 0; i < fr.atoms(); i++) s.add(fr.type()[i], fr.x()[3 * i], fr.x()[3 * i + 1], fr.x()[3 * i + 2]);
                for (int i = 0; i < s.size(); i++) s.box().wrap(s.x(), s.image(), i);
                s = StructureSpec.inSpeciesOrder(s, SPECIES);
                if (first == null) first = s.copy();
                for (int p = 0; p < pairs.length; p++) accumulate(s, pairs[p][0], pairs[p][1], rmax, aimd[p]);
                frames++;
            }
        }
        AtomSystem sys = first;
        MdRunner md = nvt(sys, 500, 13);
        md.run(1000);
        double[][] mtp = new double[pairs.length][bins];
        int mf = 0;
        for (int b = 0; b < 40; b++) {
            md.run(50);
            for (int p = 0; p < pairs.length; p++) accumulate(sys, pairs[p][0], pairs[p][1], rmax, mtp[p]);
            mf++;
        }
        StringBuilder table = new StringBuilder("# r_A");
        for (String nm : names) table.append(" ").append(nm).append("_mtp ").append(nm).append("_aimd");
        table.append('\n');
        for (int p = 0; p < pairs.length; p++) {
            for (int k = 0; k < bins; k++) {
                aimd[p][k] /= frames;
                mtp[p][k] /= mf;
            }
        }
        for (int k = 0; k < bins; k++) {
            table.append(String.format(Locale.ROOT, "%.3f", (k + 0.5) * rmax / bins));
            for (int p = 0; p < pairs.length; p++) table.append(String.format(Locale.ROOT, " %.4f %.4f", mtp[p][k], aimd[p][k]));
            table.append('\n');
        }
        Files.writeString(out.resolve("rdf.txt"), table.toString());
        for (int p = 0; p < pairs.length; p++) {
            System.out.printf(Locale.ROOT, "rdf %s first peak: MTP (xTB-trained, NVT 500 K in the AIMD cell, 2 ps) %.3f A height %.2f; PBE AIMD 500 K (%d frames) %.3f A height %.2f%n",
                names[p], peak(mtp[p], rmax), height(mtp[p]), frames, peak(aimd[p], rmax), height(aimd[p]));
        }
    }

    static int firstPeakBin(double[] g) {
        int k = 0;
        while (k < g.length && g[k] < 0.5) k++;
        while (k + 1 < g.length && g[k + 1] >= g[k]) k++;
        return Math.min(k, g.length - 1);
    }

    static double peak(double[] g, double rmax) { return (firstPeakBin(g) + 0.5) * rmax / g.length; }

    static double height(double[] g) { return g[firstPeakBin(g)]; }

    /** Adds g_ab(r) of one frame (minimum image; the cell is wider than 2 rmax). */
    static void accumulate(AtomSystem s, int ta, int tb, double rmax, double[] g) {
        int n = s.size(), bins = g.length;
        double[] x = s.x();
        int na = 0, nb = 0;
        for (int i = 0; i < n; i++) {
            if (s.type()[i] == ta) na++;
            if (s.type()[i] == tb) nb++;
        }
        double[] h = new double[bins];
        double[] d = new double[3];
        for (int i = 0; i < n; i++) {
            if (s.type()[i] != ta) continue;
            for (int j = 0; j < n; j++) {
                if (j == i || s.type()[j] != tb) continue;
                d[0] = x[3 * j] - x[3 * i];
                d[1] = x[3 * j + 1] - x[3 * i + 1];
                d[2] = x[3 * j + 2] - x[3 * i + 2];
                s.box().minimumImage(d, 0);
                double r = Math.sqrt(d[0] * d[0] + d[1] * d[1] + d[2] * d[2]);
                if (r < rmax) h[(int) (r / rmax * bins)]++;
            }
        }
        double v = s.box().volume(), dr = rmax / bins;
        double pairsDensity = na * (ta == tb ? nb - 1 : nb) / v;
        for (int k = 0; k < bins; k++) {
            double r0 = k * dr, r1 = r0 + dr;
            double shell = 4.0 / 3.0 * Math.PI * (r1 * r1 * r1 - r0 * r0 * r0);
            g[k] += h[k] / (pairsDensity * shell);
        }
    }

    /** NVE after 2 ps NVT at 300 K (2x2x2 ordered, a = 9.9 A): total-energy drift and wall-clock cost per atom and step. */
    static void nve() {
        AtomSystem sys = new StructureSpec("li6ps5cl supercell=2,2,2 lattice=9.9").build(SPECIES, Path.of("."));
        MdRunner eq = nvt(sys, 300, 17);
        eq.run(2000);
        MdRunner md = new MdRunner(sys, ForceField.of(pot), new VelocityVerlet(MetalUnits.FEMTOSECOND), NeighborSettings.withSkin(1.0));
        md.run(10);
        int blocks = 100, every = 30;
        double[] t = new double[blocks], e = new double[blocks];
        long start = System.nanoTime();
        double tsum = 0;
        for (int b = 0; b < blocks; b++) {
            md.run(every);
            t[b] = md.time();
            e[b] = md.totalEnergy();
            tsum += md.temperature();
        }
        double secs = (System.nanoTime() - start) * 1e-9;
        double mt = 0, me = 0;
        for (int b = 0; b < blocks; b++) { mt += t[b] / blocks; me += e[b] / blocks; }
        double sxy = 0, sxx = 0, rms = 0;
        for (int b = 0; b < blocks; b++) { sxy += (t[b] - mt) * (e[b] - me); sxx += (t[b] - mt) * (t[b] - mt); }
        double slope = sxy / sxx;
        for (int b = 0; b < blocks; b++) { double r = e[b] - me - slope * (t[b] - mt); rms += r * r / blocks; }
        int n = sys.size();
        System.out.printf(Locale.ROOT, "nve %d atoms, 1 fs, %d steps, mean T %.0f K: drift %.4f meV/atom/ps, fluctuation %.4f meV/atom (rms); %.1f us/atom/step (%.1f s, wall clock)%n",
            n, blocks * every, tsum / blocks, 1000 * slope / n, 1000 * Math.sqrt(rms) / n, 1e6 * secs / (n * (double) blocks * every), secs);
    }
}
