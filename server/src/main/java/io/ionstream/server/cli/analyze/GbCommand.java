package io.ionstream.server.cli.analyze;

import io.ionstream.engine.analysis.diffusion.DiffusionAnalysis;
import io.ionstream.engine.analysis.diffusion.DiffusionResult;
import io.ionstream.engine.analysis.gb.GaussianPeaks;
import io.ionstream.engine.analysis.gb.GbEnergy;
import io.ionstream.engine.analysis.gb.Hart;
import io.ionstream.engine.analysis.gb.RegionalDiffusion;
import io.ionstream.engine.analysis.live.SlabRegions;
import io.ionstream.engine.analysis.trajectory.DriftReference;
import io.ionstream.engine.analysis.trajectory.Trajectory;
import io.ionstream.engine.analysis.trajectory.TrajectoryLoader;
import io.ionstream.engine.io.DumpFrame;
import io.ionstream.engine.io.LammpsDumpReader;
import io.ionstream.engine.report.Table;
import io.ionstream.engine.report.plot.Plot;
import io.ionstream.engine.report.plot.Series;
import io.ionstream.server.cli.Args;
import io.ionstream.server.cli.Console;
import io.ionstream.server.cli.UsageException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** {@code analyze gb}: GB width, effective and regional D, Hart decomposition and GB energy of a bicrystal. */
final class GbCommand implements Analysis {
    @Override public String name() { return "gb"; }
    @Override public String summary() { return "grain boundary: width (6σ), D_eff ∥/⊥, regional D, Hart D_GB, γ"; }

    @Override
    public Set<String> valueOptions() {
        return Stream.concat(TrajectoryOptions.OPTIONS.stream(), Stream.of("species", "planes", "slab", "bin", "energy-column",
            "width", "bulk-d-par", "bulk-d-par-err", "bulk-d-perp", "bulk-d-perp-err", "e-gb", "e-bulk", "window", "drift", "out"))
            .collect(Collectors.toSet());
    }

    @Override
    public String help() {
        return """
            Usage: bin/ionstream analyze gb --planes Z1,Z2 [--species Li] [--energy-column c_pe | --width Å]
                   [--bulk-d-par D --bulk-d-perp D [--bulk-d-par-err E --bulk-d-perp-err E]]
                   [--e-gb EV --e-bulk EV] [--slab 10] [--bin 5] [--window A:B] [--out PREFIX] [--json]
                   <trajectory files of the bicrystal in time order>

            Seed 001's grain-boundary analysis of a periodic bicrystal with GB planes normal to z:
            the per-atom energy profile of the species along z (bins of --bin Å, averaged over the
            frames; from a LAMMPS dump column) is fitted with one Gaussian per plane and the GB width
            is δ = 6σ; D_eff ∥ (xy) and ⊥ (z) come from the MSD; with the bulk's D, Hart's relation
            D_eff = (1 − τ) D_bulk + τ D_GB with τ = δ/l (l = cell height / number of planes) gives
            D_GB ∥ and ⊥. Regional D: GB / Near_GB / Far_GB / Bulk slabs of --slab Å from the planes
            (each atom counted where it spends most frames), with atom counts per region. With the
            two total energies, γ = (E_GB − E_bulk) / (number of planes · l_x · l_y).

            Options:
              --planes Z1,Z2        z of the GB planes (Å), required
              --species S           diffusing species (default Li)
              --energy-column C     per-atom energy column of the dumps (e.g. c_pe) for the profile
              --width Å             GB width δ instead of fitting the profile
              --bulk-d-par/perp D   bulk D (cm²/s) for Hart's decomposition, and their errors
              --e-gb, --e-bulk EV   total energies of the bicrystal and of bulk with the same atoms
              --slab Å, --bin Å     region slab width (default 10) and profile bin width (default 5)
              --window A:B, --drift REF, --out PREFIX, --json as for analyze diffusion
            """ + TrajectoryOptions.HELP;
    }

    @Override
    public int run(Args args, List<String> files, Console console) throws Exception {
        String species = args.string("species", "Li");
        double[] planes = doubles(args.required("planes"), "--planes");
        double slab = args.positive("slab", 10), bin = args.positive("bin", 5);
        DriftReference drift = TrajectoryOptions.drift(args);
        TrajectoryLoader loader = TrajectoryOptions.loader(args, species, drift);
        Trajectory t = loader.load(TrajectoryOptions.sources(args, files));
        DiffusionAnalysis d = DiffusionAnalysis.run(t, drift != DriftReference.NONE, TrajectoryOptions.window(args));
        SlabRegions regions = SlabRegions.grainBoundary(planes, slab);
        RegionalDiffusion.Result regional = RegionalDiffusion.analyse(t, t.all(), regions, drift != DriftReference.NONE,
            d.windowStart(), d.windowEnd());
        double lz = t.box(0).lz(), spacing = lz / planes.length;

        Map<String, Object> m = new LinkedHashMap<>();
        List<String> notes = new ArrayList<>(d.problems());
        double width = Double.NaN, widthErr = 0;
        double[] profileZ = null, profileE = null;
        GaussianPeaks peaks = null;
        if (args.has("energy-column")) {
            double[][] prof = energyProfile(files, args.string("energy-column", ""), args.string("types", null), species, bin);
            profileZ = prof[0];
            profileE = prof[1];
            peaks = GaussianPeaks.fit(profileZ, profileE, lz, planes);
            width = peaks.meanWidth();
            widthErr = peaks.meanWidthError();
        }
        if (args.has("width")) {
            width = args.positive("width", 0);
            widthErr = 0;
        }
        Hart par = null, perp = null;
        if (!Double.isNaN(width) && args.has("bulk-d-par") && d.parallel() != null) {
            par = Hart.decompose(d.parallel().d(), d.parallel().dError(), args.positive("bulk-d-par", 0),
                args.decimal("bulk-d-par-err", 0), width, widthErr, spacing);
        }
        if (!Double.isNaN(width) && args.has("bulk-d-perp") && d.perpendicular() != null) {
            perp = Hart.decompose(d.perpendicular().d(), d.perpendicular().dError(), args.positive("bulk-d-perp", 0),
                args.decimal("bulk-d-perp-err", 0), width, widthErr, spacing);
        }
        if ((args.has("bulk-d-par") || args.has("bulk-d-perp")) && Double.isNaN(width)) {
            notes.add("Hart decomposition needs the GB width: give --energy-column or --width");
        }
        double gamma = Double.NaN;
        if (args.has("e-gb") != args.has("e-bulk")) throw new UsageException("give both --e-gb and --e-bulk for the GB energy");
        if (args.has("e-gb")) {
            gamma = GbEnergy.formationEnergy(args.decimal("e-gb", 0), args.decimal("e-bulk", 0), t.box(0).lx(), t.box(0).ly(),
                planes.length);
        }
        if (args.has("out")) write(args.string("out", ""), d, regional, regions, profileZ, profileE, peaks, species);

        m.put("species", species);
        m.put("D_eff_par_cm2_s", d.parallel() == null ? null : d.parallel().d());
        m.put("D_eff_par_err_cm2_s", d.parallel() == null ? null : d.parallel().dError());
        m.put("D_eff_perp_cm2_s", d.perpendicular() == null ? null : d.perpendicular().d());
        m.put("D_eff_perp_err_cm2_s", d.perpendicular() == null ? null : d.perpendicular().dError());
        m.put("alpha", d.total().alpha());
        m.put("normal", d.total().normal());
        m.put("window_ps", List.of(d.windowStart(), d.windowEnd()));
        m.put("gb_width_A", Double.isNaN(width) ? null : width);
        m.put("gb_width_err_A", Double.isNaN(width) ? null : widthErr);
        m.put("gb_spacing_A", spacing);
        if (par != null) {
            m.put("tau", par.tau());
            m.put("D_gb_par_cm2_s", par.dGb());
            m.put("D_gb_par_err_cm2_s", par.dGbError());
        }
        if (perp != null) {
            m.put("tau", perp.tau());
            m.put("D_gb_perp_cm2_s", perp.dGb());
            m.put("D_gb_perp_err_cm2_s", perp.dGbError());
        }
        if (!Double.isNaN(gamma)) {
            m.put("gamma_meV_A2", 1e3 * gamma);
            m.put("gamma_J_m2", gamma * GbEnergy.EV_PER_A2_TO_J_PER_M2);
        }
        List<Map<String, Object>> regs = new ArrayList<>();
        for (RegionalDiffusion.Region r : regional.regions()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("region", r.name());
            x.put("atoms", r.atoms());
            x.put("D_par_cm2_s", r.parallel() == null ? null : r.parallel().d());
            x.put("D_par_err_cm2_s", r.parallel() == null ? null : r.parallel().dError());
            x.put("D_perp_cm2_s", r.perpendicular() == null ? null : r.perpendicular().d());
            x.put("D_perp_err_cm2_s", r.perpendicular() == null ? null : r.perpendicular().dError());
            x.put("problems", r.problems());
            regs.add(x);
        }
        m.put("regions", regs);
        m.put("notes", notes);
        if (args.flag("json")) {
            console.json(m);
            return 0;
        }
        var out = console.out();
        out.printf(Locale.ROOT, "%s in a bicrystal with %d GB planes (spacing %.4g Å): %d atoms, %d frames, window %.4g–%.4g ps%n",
            species, planes.length, spacing, t.atoms(), t.frames(), d.windowStart(), d.windowEnd());
        print(out, "D_eff ∥", d.parallel());
        print(out, "D_eff ⊥", d.perpendicular());
        if (!Double.isNaN(width)) out.printf(Locale.ROOT, "  GB width δ = %.3g ± %.2g Å (τ = δ/l = %.3f)%n", width, widthErr, width / spacing);
        if (par != null) out.printf(Locale.ROOT, "  D_GB ∥ = %.4e ± %.2e cm²/s (Hart)%n", par.dGb(), par.dGbError());
        if (perp != null) out.printf(Locale.ROOT, "  D_GB ⊥ = %.4e ± %.2e cm²/s (Hart)%n", perp.dGb(), perp.dGbError());
        if (!Double.isNaN(gamma)) out.printf(Locale.ROOT, "  γ = %.4g meV/Å² = %.4g J/m²%n", 1e3 * gamma, gamma * GbEnergy.EV_PER_A2_TO_J_PER_M2);
        out.println("  regions:");
        for (RegionalDiffusion.Region r : regional.regions()) {
            out.printf(Locale.ROOT, "    %-8s %5d atoms  D∥ = %s  D⊥ = %s%n", r.name(), r.atoms(), fmt(r.parallel()), fmt(r.perpendicular()));
        }
        for (String n : notes) out.println("  note: " + n);
        return 0;
    }

    private static String fmt(DiffusionResult r) {
        return r == null ? "–" : String.format(Locale.ROOT, "%.3e ± %.1e", r.d(), r.dError());
    }

    private static void print(java.io.PrintStream out, String label, DiffusionResult r) {
        if (r != null) out.printf(Locale.ROOT, "  %s = %.4e ± %.2e cm²/s (α = %.3f)%n", label, r.d(), r.dError(), r.alpha());
    }

    /** Mean per-atom energy of the species in z bins over all frames of the dumps: {z centres, energies}. */
    static double[][] energyProfile(List<String> files, String column, String types, String species, double binWidth) {
        String[] names = types == null ? null : types.split(",");
        int type = -1;
        if (names != null) {
            for (int k = 0; k < names.length; k++) if (names[k].strip().equals(species)) type = k + 1;
            if (type < 0) throw new UsageException("--types " + types + " has no " + species);
        } else {
            throw new UsageException("the energy profile needs --types to know which dump type is " + species);
        }
        double[] sum = null, count = null;
        int bins = 0;
        double lz = 0;
        for (String f : files) {
            if (io.ionstream.engine.io.FileFormat.of(Path.of(f)) != io.ionstream.engine.io.FileFormat.LAMMPS_DUMP
                || f.endsWith(".gz")) {
                throw new UsageException(f + ": the per-atom energy profile is read from plain LAMMPS dumps (*.dump, *.lammpstrj)");
            }
            for (DumpFrame d : LammpsDumpReader.readAll(Path.of(f))) {
                if (sum == null) {
                    lz = d.box().lz();
                    bins = Math.max(1, (int) Math.round(lz / binWidth));
                    sum = new double[bins];
                    count = new double[bins];
                }
                double[] e = d.column(column), ty = d.column("type");
                double[] z = d.has("z") ? d.column("z") : d.has("zu") ? d.column("zu") : null;
                if (z == null) throw new UsageException(f + ": the dump needs a z or zu column for the profile");
                for (int i = 0; i < d.atoms(); i++) {
                    if ((int) ty[i] != type) continue;
                    double s = (z[i] - d.box().zlo()) / d.box().lz();
                    s -= Math.floor(s);
                    int b = Math.min(bins - 1, (int) (s * bins));
                    sum[b] += e[i];
                    count[b]++;
                }
            }
        }
        if (sum == null) throw new UsageException("no frames for the energy profile");
        double[] zc = new double[bins], ec = new double[bins];
        for (int b = 0; b < bins; b++) {
            if (count[b] == 0) throw new IllegalArgumentException("profile bin " + b + " holds no " + species + " atoms: use wider bins (--bin)");
            zc[b] = (b + 0.5) * lz / bins;
            ec[b] = sum[b] / count[b];
        }
        return new double[][] {zc, ec};
    }

    private static void write(String prefix, DiffusionAnalysis d, RegionalDiffusion.Result regional, SlabRegions regions,
                              double[] z, double[] e, GaussianPeaks peaks, String species) {
        d.msdTable().write(Path.of(prefix + "-msd.csv"));
        d.msdPlot(species + " MSD").write(Path.of(prefix + "-msd.svg"), 720, 540);
        int frames = regional.countsOverTime().length;
        Table counts = new Table().column("t_ps", d.trajectory().times());
        for (int r = 0; r < regions.count(); r++) {
            double[] c = new double[frames];
            for (int f = 0; f < frames; f++) c[f] = regional.countsOverTime()[f][r];
            counts.column(regions.name(r), c);
        }
        counts.write(Path.of(prefix + "-region-counts.csv"));
        if (z != null) {
            double[] fit = new double[z.length];
            for (int i = 0; i < z.length; i++) {
                double v = peaks.baseline();
                for (int k = 0; k < peaks.sigma().length; k++) {
                    for (int img = -1; img <= 1; img++) {
                        double dz = z[i] - peaks.centre()[k] - img * d.trajectory().box(0).lz();
                        v += peaks.height()[k] * Math.exp(-dz * dz / (2 * peaks.sigma()[k] * peaks.sigma()[k]));
                    }
                }
                fit[i] = v;
            }
            new Table().column("z_A", z).column("energy_eV", e).column("gaussian_fit_eV", fit).write(Path.of(prefix + "-profile.csv"));
            Plot p = new Plot(species + " per-atom energy profile", "z (Å)", "E (eV)", false, false)
                .add(new Series("profile", z, e, null, Series.Style.LINE_AND_MARKERS)).add(Series.line("Gaussian fit", z, fit));
            p.write(Path.of(prefix + "-profile.svg"), 720, 540);
            p.write(Path.of(prefix + "-profile.png"), 720, 540);
        }
    }

    private static double[] doubles(String s, String what) {
        String[] p = s.split(",");
        double[] out = new double[p.length];
        try {
            for (int i = 0; i < p.length; i++) out[i] = Double.parseDouble(p[i].strip());
        } catch (NumberFormatException e) {
            throw new UsageException(what + " expects comma-separated numbers, got '" + s + "'");
        }
        return out;
    }
}
