package io.ionstream.server.cli;

import io.ionstream.engine.fe.micro.PolycrystalSpec;
import io.ionstream.engine.fe.model.ArrheniusLaw;
import io.ionstream.engine.fe.model.GbArrhenius;
import io.ionstream.engine.report.CsvTable;
import io.ionstream.engine.report.plot.Plot;
import io.ionstream.engine.report.plot.Series;
import io.ionstream.engine.fe.study.ArrheniusSweep;
import io.ionstream.engine.fe.study.ModelChoice;
import io.ionstream.engine.fe.study.StudyRunner;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** {@code fe arrhenius}: D_macro(T) of polycrystals from Arrhenius components. */
final class FeArrheniusCommand implements Command {
    /** Relative change of the apparent activation energy above which a curve is called non-Arrhenius. */
    private static final double CURVED = 0.05;

    @Override public String name() { return "arrhenius"; }

    @Override public String summary() { return "D_macro(T) from Arrhenius components; flags non-Arrhenius curves (CSV + plot)"; }

    @Override
    public String help() {
        return """
            Usage: bin/ionstream fe arrhenius --bulk D0,Ea (--gb D0,Ea | --gb-par D0,Ea --gb-perp D0,Ea)
                     [--t-min 250] [--t-max 900] [--t-points 8] [--sizes-nm 10,100,1000]
                     [--model auto|resolved|collapsed] [--transition-nm 100] [--grains 8] [--grid 48]
                     [--gb-width-nm 2.5] [--out DIR] [--json]

            Each channel follows D(T) = D0·exp(−Ea/k_B T) (Ea in eV, D0 in any unit; D_macro comes
            out in the same unit). For each grain size the polycrystal is homogenised at each
            temperature; ln D_macro against 1/T is fitted with a line and the apparent activation
            energies at the cold and hot ends are compared: a change of more than 5 % is reported
            as non-Arrhenius (curved).

              --bulk D0,Ea           bulk law
              --gb D0,Ea             isotropic boundary law (or --gb-par and --gb-perp)
              --t-min, --t-max, --t-points   temperatures (K), evenly spaced in 1/T
              --out DIR              writes arrhenius.csv and arrhenius.svg/.png [fe-arrhenius]

            Example (illustrative numbers, D in 1e-7 cm²/s):
              bin/ionstream fe arrhenius --bulk 3e4,0.38 --gb 1e4,0.27 --sizes-nm 10,100,1000
            """ + FeOptions.STUDY_HELP;
    }

    @Override
    public Set<String> valueOptions() {
        return FeOptions.studyOptions("bulk", "gb", "gb-par", "gb-perp", "t-min", "t-max", "t-points", "sizes-nm", "model", "transition-nm", "gb-width-nm", "out");
    }

    @Override
    public int run(Args a, Console console) throws Exception {
        ArrheniusLaw bulk = FeOptions.law(a, "bulk");
        ArrheniusLaw par, perp;
        if (a.has("gb")) {
            if (a.has("gb-par") || a.has("gb-perp")) throw new UsageException("give either --gb or --gb-par/--gb-perp, not both");
            par = perp = FeOptions.law(a, "gb");
        } else {
            if (!a.has("gb-par") && !a.has("gb-perp")) throw new UsageException("missing required option --gb (or --gb-par and --gb-perp)");
            par = FeOptions.law(a, "gb-par");
            perp = FeOptions.law(a, "gb-perp");
        }
        GbArrhenius laws = new GbArrhenius(bulk, par, perp);
        double tMin = a.positive("t-min", 250), tMax = a.positive("t-max", 900);
        if (!(tMax > tMin)) throw new UsageException("--t-max must exceed --t-min");
        int nt = (int) a.integer("t-points", 8, 3, 1000);
        double[] temps = new double[nt];
        for (int i = 0; i < nt; i++) temps[i] = 1 / (1 / tMin + (1 / tMax - 1 / tMin) * i / (nt - 1));
        java.util.Arrays.sort(temps);
        double[] sizes = FeOptions.numbers(a, "sizes-nm", "10,100,1000");
        java.util.Arrays.sort(sizes);
        ModelChoice choice = FeOptions.modelChoice(a);
        double w = a.positive("gb-width-nm", 2.5);
        PolycrystalSpec spec = FeOptions.spec(a, 8, 48, 100, "random");
        Path dir = Path.of(a.string("out", "fe-arrhenius"));
        ProgressBar bar = new ProgressBar(console, "arrhenius", (long) sizes.length * nt);
        long[] done = {0};
        ArrheniusSweep.Result r;
        List<String> warnings;
        try (StudyRunner runner = new StudyRunner(spec, w, FeOptions.solver(a), line -> bar.update(++done[0], line))) {
            r = ArrheniusSweep.run(runner, choice, laws, sizes, temps);
            warnings = runner.warnings();
        }
        CsvTable csv = new CsvTable("grain_size_nm", "temperature_K", "inv_T_1000_per_K", "D_macro", "D_bulk", "D_gb_par", "D_gb_perp", "model", "f_gb");
        for (ArrheniusSweep.Point p : r.points())
            csv.row(p.grainSizeNm(), p.temperatureK(), 1000 / p.temperatureK(), p.dMacro(), p.components().bulk(), p.components().parallel(),
                p.components().perpendicular(), p.model().label(), p.gbFraction());
        csv.write(dir.resolve("arrhenius.csv"));
        double[] invT = new double[nt];
        for (int i = 0; i < nt; i++) invT[i] = 1000 / temps[i];
        Plot plot = new Plot(String.format(Locale.ROOT, "Arrhenius plot of polycrystals, δ = %.3g nm", w), "1000/T (1/K)", "D", false, true);
        for (double d : sizes)
            plot.add(Series.lineAndMarkers(String.format(Locale.ROOT, "d = %s nm", FeOptions.fmt(d)), invT,
                r.points().stream().filter(p -> p.grainSizeNm() == d).mapToDouble(ArrheniusSweep.Point::dMacro).toArray()));
        double[] db = new double[nt], dg = new double[nt];
        for (int i = 0; i < nt; i++) { db[i] = bulk.at(temps[i]); dg[i] = laws.at(temps[i]).gbMean(); }
        plot.add(Series.dashed("bulk", invT, db));
        plot.add(Series.dashed("boundary (2D∥+D⊥)/3", invT, dg));
        List<Path> files = plot.writeSvgAndPng(dir.resolve("arrhenius"), FeOptions.PLOT_WIDTH, FeOptions.PLOT_HEIGHT);
        for (String w0 : warnings) console.info("warning: " + w0);
        if (a.flag("json")) {
            Map<String, Object> m = new LinkedHashMap<>();
            List<Object> curves = new ArrayList<>();
            for (ArrheniusSweep.Curve c : r.curves()) {
                Map<String, Object> cm = new LinkedHashMap<>();
                cm.put("grain_size_nm", c.grainSizeNm());
                cm.put("model", c.model().label());
                cm.put("fit_activation_eV", c.fitActivationEv());
                cm.put("fit_prefactor", c.fitPrefactor());
                cm.put("low_T_activation_eV", c.lowTActivationEv());
                cm.put("high_T_activation_eV", c.highTActivationEv());
                cm.put("max_ln_deviation", c.maxDeviation());
                cm.put("non_arrhenius", c.curved(CURVED));
                curves.add(cm);
            }
            m.put("curves", curves);
            List<Object> rows = new ArrayList<>();
            for (ArrheniusSweep.Point p : r.points()) rows.add(Map.of("grain_size_nm", p.grainSizeNm(), "temperature_K", p.temperatureK(), "D_macro", p.dMacro()));
            m.put("points", rows);
            FeOptions.putOutputs(m, dir.resolve("arrhenius.csv"), files, warnings);
            console.json(m);
        } else {
            var out = console.out();
            out.printf(Locale.ROOT, "%10s", "T (K)");
            for (double d : sizes) out.printf(Locale.ROOT, " %12s", FeOptions.fmt(d) + "nm");
            out.printf(Locale.ROOT, " %12s %12s%n", "bulk", "boundary");
            for (int i = 0; i < nt; i++) {
                out.printf(Locale.ROOT, "%10.1f", temps[i]);
                for (int s = 0; s < sizes.length; s++) out.printf(Locale.ROOT, " %12.5g", r.points().get(s * nt + i).dMacro());
                out.printf(Locale.ROOT, " %12.5g %12.5g%n", db[i], dg[i]);
            }
            out.println();
            for (ArrheniusSweep.Curve c : r.curves())
                out.printf(Locale.ROOT, "d = %8.4g nm (%s): Ea(fit) = %.4f eV, apparent Ea %.4f eV (cold) → %.4f eV (hot), max |ln D − line| = %.3g: %s%n",
                    c.grainSizeNm(), c.model().label(), c.fitActivationEv(), c.lowTActivationEv(), c.highTActivationEv(), c.maxDeviation(),
                    c.curved(CURVED) ? "non-Arrhenius" : "Arrhenius");
            out.println("wrote " + dir.resolve("arrhenius.csv") + ", " + files.get(0) + ", " + files.get(1));
        }
        return Main.OK;
    }
}
