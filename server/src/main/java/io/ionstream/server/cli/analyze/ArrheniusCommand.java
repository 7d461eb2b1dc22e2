package io.ionstream.server.cli.analyze;

import io.ionstream.engine.analysis.diffusion.Arrhenius;
import io.ionstream.engine.analysis.diffusion.NernstEinstein;
import io.ionstream.engine.report.Table;
import io.ionstream.engine.report.plot.Plot;
import io.ionstream.engine.report.plot.Series;
import io.ionstream.server.cli.Args;
import io.ionstream.server.cli.Console;
import io.ionstream.server.cli.UsageException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** {@code analyze arrhenius}: D₀, E_a, D(T) and σ(T) with uncertainties from D at several temperatures. */
final class ArrheniusCommand implements Analysis {
    @Override public String name() { return "arrhenius"; }
    @Override public String summary() { return "Arrhenius fit (D₀, E_a), extrapolated D(T) and Nernst-Einstein σ(T)"; }
    @Override public Set<String> valueOptions() { return Set.of("points", "table", "at", "lambda", "out"); }

    @Override
    public String help() {
        return """
            Usage: bin/ionstream analyze arrhenius (--points T:D[:ERR],… | --table FILE.csv) [--at T]
                                                   [--lambda Λ] [--out PREFIX] [--json]

            Fits ln D = ln D₀ − E_a/(k_B T) (weighted by the errors of D when given, else ordinary
            least squares, which needs three temperatures), extrapolates D to --at (default 300 K)
            with the error propagated from the full parameter covariance, and converts it to an
            ionic conductivity σ = Λ D e²/(k_B T).

            Options:
              --points LIST   temperatures (K), D (cm²/s) and optional errors: 400:1.2e-6:1e-7,500:…
              --table FILE    CSV with columns T_K, D_cm2_s and optionally D_err_cm2_s
              --at T          temperature to extrapolate to (K, default 300)
              --lambda Λ      carrier density in Li/Å³ for σ (default 21.808e-3, seed 001 App. B)
              --out PREFIX    also write PREFIX-arrhenius.csv, .svg and .png (ln D vs 1000/T)
              --json          print D0_cm2_s, D0_err_cm2_s, Ea_eV, Ea_err_eV, D_T_cm2_s, D_T_err_cm2_s,
                              sigma_T_mS_cm, sigma_T_err_mS_cm, T_K
            Example:
              bin/ionstream analyze arrhenius --points 400:2.1e-7:2e-8,450:6.0e-7:5e-8,500:1.4e-6:1e-7
            """;
    }

    @Override
    public int run(Args args, List<String> positionals, Console console) throws Exception {
        if (!positionals.isEmpty()) throw new UsageException("analyze arrhenius takes no files; use --points or --table");
        List<double[]> pts = args.has("points") ? points(args.string("points", "")) : args.has("table") ? table(args.string("table", ""))
            : null;
        if (pts == null) throw new UsageException("give the data with --points T:D[:ERR],… or --table FILE.csv");
        if (args.has("points") && args.has("table")) throw new UsageException("give either --points or --table, not both");
        int n = pts.size();
        double[] t = new double[n], d = new double[n], e = new double[n];
        boolean errors = true;
        for (int i = 0; i < n; i++) {
            t[i] = pts.get(i)[0];
            d[i] = pts.get(i)[1];
            e[i] = pts.get(i)[2];
            if (Double.isNaN(e[i])) errors = false;
        }
        double at = args.positive("at", 300);
        double lambda = args.positive("lambda", NernstEinstein.DEFAULT_LAMBDA_PER_A3);
        Arrhenius fit = Arrhenius.fit(t, d, errors ? e : null);
        double dt = fit.at(at), dtErr = fit.errorAt(at);
        double sigma = NernstEinstein.conductivityMsPerCm(dt, at, lambda);
        double sigmaErr = sigma * fit.lnError(at);
        if (args.has("out")) write(args.string("out", ""), fit, t, d, errors ? e : null);
        if (args.flag("json")) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("D0_cm2_s", fit.d0());
            m.put("D0_err_cm2_s", fit.d0Error());
            m.put("Ea_eV", fit.ea());
            m.put("Ea_err_eV", fit.eaError());
            m.put("T_K", at);
            m.put("D_T_cm2_s", dt);
            m.put("D_T_err_cm2_s", dtErr);
            m.put("sigma_T_mS_cm", sigma);
            m.put("sigma_T_err_mS_cm", sigmaErr);
            m.put("lambda_per_A3", lambda);
            m.put("points", n);
            m.put("weighted", errors);
            console.json(m);
            return 0;
        }
        var out = console.out();
        out.printf(Locale.ROOT, "Arrhenius fit of %d temperatures (%s):%n", n, errors ? "weighted by the errors of D" : "ordinary least squares");
        out.printf(Locale.ROOT, "  D0 = %.4e ± %.2e cm²/s%n  Ea = %.1f ± %.1f meV%n", fit.d0(), fit.d0Error(), 1e3 * fit.ea(), 1e3 * fit.eaError());
        out.printf(Locale.ROOT, "  D(%.0f K) = %.4e ± %.2e cm²/s%n", at, dt, dtErr);
        out.printf(Locale.ROOT, "  σ(%.0f K) = %.4g ± %.2g mS/cm  (Nernst-Einstein, Λ = %.5g Li/Å³)%n", at, sigma, sigmaErr, lambda);
        return 0;
    }

    private static void write(String prefix, Arrhenius fit, double[] t, double[] d, double[] e) {
        int n = t.length;
        double[] inv = new double[n], err = new double[n], line = new double[n];
        for (int i = 0; i < n; i++) {
            inv[i] = 1000 / t[i];
            line[i] = fit.at(t[i]);
            err[i] = e == null ? 0 : e[i];
        }
        new Table().column("T_K", t).column("1000_over_T", inv).column("D_cm2_s", d).column("D_err_cm2_s", err)
            .column("D_fit_cm2_s", line).write(Path.of(prefix + "-arrhenius.csv"));
        double lo = 1000 / Math.max(300, max(t) * 1.05), hi = 1000 / Math.min(300, min(t));
        double[] gx = new double[50], gy = new double[50];
        for (int k = 0; k < 50; k++) {
            gx[k] = lo + (hi - lo) * k / 49;
            gy[k] = fit.at(1000 / gx[k]);
        }
        Plot p = new Plot("Arrhenius", "1000/T (1/K)", "D (cm²/s)", false, true)
            .add(Series.markers("D(T)", inv, d, e)).add(Series.line("fit", gx, gy));
        p.write(Path.of(prefix + "-arrhenius.svg"), 720, 540);
        p.write(Path.of(prefix + "-arrhenius.png"), 720, 540);
    }

    private static double max(double[] a) { double m = a[0]; for (double v : a) m = Math.max(m, v); return m; }
    private static double min(double[] a) { double m = a[0]; for (double v : a) m = Math.min(m, v); return m; }

    static List<double[]> points(String s) {
        List<double[]> out = new ArrayList<>();
        for (String item : s.split(",")) {
            String[] f = item.strip().split(":");
            if (f.length < 2 || f.length > 3) throw new UsageException("--points item '" + item + "' must be T:D or T:D:ERR");
            try {
                out.add(new double[] {Double.parseDouble(f[0]), Double.parseDouble(f[1]), f.length == 3 ? Double.parseDouble(f[2]) : Double.NaN});
            } catch (NumberFormatException e) {
                throw new UsageException("--points item '" + item + "' is not numbers");
            }
        }
        return out;
    }

    static List<double[]> table(String file) throws Exception {
        Path p = Args.existingFile(file, "--table file");
        List<String> lines = Files.readAllLines(p);
        if (lines.isEmpty()) throw new UsageException(file + " is empty");
        List<String> head = List.of(lines.get(0).strip().split("\\s*,\\s*"));
        int ct = head.indexOf("T_K"), cd = head.indexOf("D_cm2_s"), ce = head.indexOf("D_err_cm2_s");
        if (ct < 0 || cd < 0) throw new UsageException(file + ": the header needs columns T_K and D_cm2_s (found " + head + ")");
        List<double[]> out = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) continue;
            String[] f = lines.get(i).strip().split("\\s*,\\s*");
            try {
                out.add(new double[] {Double.parseDouble(f[ct]), Double.parseDouble(f[cd]),
                    ce >= 0 && ce < f.length && !f[ce].isEmpty() ? Double.parseDouble(f[ce]) : Double.NaN});
            } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
                throw new UsageException(file + ":" + (i + 1) + ": not a row of numbers: '" + lines.get(i) + "'");
            }
        }
        return out;
    }
}
