package io.ionstream.server.cli.analyze;

import io.ionstream.engine.analysis.live.CrystallinityObservable;
import io.ionstream.engine.analysis.live.ReductionFraction;
import io.ionstream.engine.analysis.sei.GrowthLaws;
import io.ionstream.engine.analysis.sei.SeiSeries;
import io.ionstream.engine.analysis.sei.SeiStages;
import io.ionstream.engine.report.plot.Plot;
import io.ionstream.engine.report.plot.Series;
import io.ionstream.server.cli.Args;
import io.ionstream.server.cli.Console;
import io.ionstream.server.cli.UsageException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** {@code analyze sei}: reduction fraction and crystallinity over time, growth laws and stages. */
final class SeiCommand implements Analysis {
    @Override public String name() { return "sei"; }
    @Override public String summary() { return "SEI growth: reduction α(t), crystallinity c(t), log and power laws, stages"; }

    @Override
    public Set<String> valueOptions() {
        return Stream.concat(TrajectoryOptions.OPTIONS.stream(), Stream.of("table", "cutoff", "anions", "onset", "plateau", "out"))
            .collect(Collectors.toSet());
    }

    @Override
    public String help() {
        return """
            Usage: bin/ionstream analyze sei [--cutoff 3.0] [--anions S,P,Cl] [--onset 0.01] [--plateau 0.02]
                                             [--out PREFIX] [--json] (<trajectory files> | --table FILE.csv)

            Seed 004's SEI analysis of a Li-metal/argyrodite interface run. For every frame: the
            reduction fraction α = (8N(P)+6N(PS)+4N(PS₂)+2N(PS₃))/(8Z) from the S within --cutoff Å
            of each P, and the crystallinity, the share of anions whose anion neighbourhood is fcc
            (adaptive common-neighbour analysis of the S/P/Cl sublattice of the antifluorite
            product). Then: α(t) = a + b ln t; c(t) = A (t − t₀)^p after the onset t₀ with p fitted
            and the laws p = ½ and p = 1 compared by AIC; the stages (onset of crystallinity,
            coalescence at the largest amorphous fraction α − c, plateau of α).

            Options:
              --table FILE    CSV with columns t_ps, alpha, crystallinity instead of trajectories
              --cutoff Å      P–S bond cut-off (default 3.0)
              --anions LIST   anion species of the fcc sublattice (default S,P,Cl)
              --onset C       crystallinity that marks the onset (default 0.01)
              --plateau Δ     α within Δ of its final value marks the plateau (default 0.02)
              --out PREFIX    also write PREFIX-sei.csv, PREFIX-sei.svg, PREFIX-sei.png
            """ + TrajectoryOptions.HELP;
    }

    @Override
    public int run(Args args, List<String> files, Console console) throws Exception {
        SeiSeries s;
        if (args.has("table")) {
            if (!files.isEmpty()) throw new UsageException("give either trajectory files or --table, not both");
            s = table(args.string("table", ""));
        } else {
            String[] anions = args.string("anions", "S,P,Cl").split(",");
            s = SeiSeries.compute(TrajectoryOptions.sources(args, files), new ReductionFraction("P", "S", args.positive("cutoff", 3.0)),
                new CrystallinityObservable(anions, CrystallinityObservable.DEFAULT_RADIUS), TrajectoryOptions.frameInterval(args),
                args.has("timestep") ? args.positive("timestep", 0) : Double.NaN, TrajectoryOptions.stride(args));
        }
        SeiStages stages = SeiStages.detect(s.time(), s.alpha(), s.crystallinity(), args.positive("onset", 0.01),
            args.positive("plateau", 0.02));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("frames", s.time().length);
        m.put("final_alpha", stages.finalAlpha());
        m.put("final_crystallinity", s.crystallinity()[s.time().length - 1]);
        String logProblem = null, powProblem = null;
        GrowthLaws.Logarithmic log = null;
        GrowthLaws.PowerLaw pow = null;
        try {
            log = GrowthLaws.logarithmic(s.time(), s.alpha());
        } catch (IllegalArgumentException e) {
            logProblem = e.getMessage();
        }
        try {
            pow = GrowthLaws.powerLaw(s.time(), s.crystallinity(), stages.onsetReached() ? stages.onsetTime() : 0);
        } catch (IllegalArgumentException e) {
            powProblem = e.getMessage();
        }
        if (log != null) {
            m.put("alpha_log_a", log.a());
            m.put("alpha_log_b", log.b());
            m.put("alpha_log_b_err", log.bError());
            m.put("alpha_log_r2", log.r2());
        }
        if (pow != null) {
            m.put("crystallinity_p", pow.p());
            m.put("crystallinity_p_err", pow.pError());
            m.put("crystallinity_preferred_p", pow.preferred());
            m.put("aic_p_half", pow.aicHalf());
            m.put("aic_p_one", pow.aicOne());
        }
        m.put("onset_ps", stages.onsetReached() ? stages.onsetTime() : null);
        m.put("coalescence_ps", stages.coalescenceTime());
        m.put("max_amorphous", stages.maxAmorphous());
        m.put("alpha_at_coalescence", stages.alphaAtCoalescence());
        m.put("plateau_ps", stages.plateauReached() ? stages.plateauTime() : null);
        m.put("problems", Stream.of(logProblem, powProblem).filter(java.util.Objects::nonNull).toList());
        if (args.has("out")) {
            String prefix = args.string("out", "");
            s.table().write(Path.of(prefix + "-sei.csv"));
            double[] am = s.table().column("amorphous");
            Plot p = new Plot("SEI growth", "t (ps)", "fraction of full conversion", true, false)
                .add(Series.line("reduced α", s.time(), s.alpha())).add(Series.line("crystalline", s.time(), s.crystallinity()))
                .add(Series.line("amorphous", s.time(), am));
            p.write(Path.of(prefix + "-sei.svg"), 720, 540);
            p.write(Path.of(prefix + "-sei.png"), 720, 540);
        }
        if (args.flag("json")) {
            console.json(m);
            return 0;
        }
        var out = console.out();
        out.printf(Locale.ROOT, "%d frames, %.4g–%.4g ps; final α = %.3f, crystallinity = %.3f%n", s.time().length, s.time()[0],
            s.time()[s.time().length - 1], stages.finalAlpha(), s.crystallinity()[s.time().length - 1]);
        if (log != null) out.printf(Locale.ROOT, "  α(t) = %.4f + %.4f·ln(t/ps)  (± %.2g, R² = %.3f)%n", log.a(), log.b(), log.bError(), log.r2());
        else out.println("  α(t): " + logProblem);
        if (pow != null) {
            out.printf(Locale.ROOT, "  crystallinity ∝ (t − t₀)^p: p = %.3f ± %.2g; p = %s fits better (ΔAIC = %.1f)%n", pow.p(),
                pow.pError(), pow.preferred(), pow.deltaAic());
        } else {
            out.println("  crystallinity law: " + powProblem);
        }
        out.println("  onset of crystallinity: " + (stages.onsetReached() ? String.format(Locale.ROOT, "%.4g ps", stages.onsetTime()) : "not reached"));
        out.printf(Locale.ROOT, "  coalescence (max amorphous %.3f at α = %.3f): %.4g ps%n", stages.maxAmorphous(), stages.alphaAtCoalescence(),
            stages.coalescenceTime());
        out.println("  plateau of α: " + (stages.plateauReached() ? String.format(Locale.ROOT, "%.4g ps", stages.plateauTime()) : "not reached"));
        return 0;
    }

    static SeiSeries table(String file) throws Exception {
        Path p = Args.existingFile(file, "--table file");
        List<String> lines = Files.readAllLines(p);
        if (lines.isEmpty()) throw new UsageException(file + " is empty");
        List<String> head = List.of(lines.get(0).strip().split("\\s*,\\s*"));
        int ct = head.indexOf("t_ps"), ca = head.indexOf("alpha"), cc = head.indexOf("crystallinity");
        if (ct < 0 || ca < 0 || cc < 0) throw new UsageException(file + ": the header needs t_ps, alpha, crystallinity (found " + head + ")");
        int n = 0;
        double[] t = new double[lines.size()], a = new double[lines.size()], c = new double[lines.size()];
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) continue;
            String[] f = lines.get(i).strip().split("\\s*,\\s*");
            try {
                t[n] = Double.parseDouble(f[ct]);
                a[n] = Double.parseDouble(f[ca]);
                c[n] = Double.parseDouble(f[cc]);
                n++;
            } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
                throw new UsageException(file + ":" + (i + 1) + ": not a row of numbers: '" + lines.get(i) + "'");
            }
        }
        return new SeiSeries(java.util.Arrays.copyOf(t, n), java.util.Arrays.copyOf(a, n), java.util.Arrays.copyOf(c, n));
    }
}
