package io.ionstream.actors.campaign;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import io.ionstream.actors.jobs.store.AtomicFiles;
import io.ionstream.actors.jobs.store.JobFiles;
import io.ionstream.engine.report.plot.Plot;
import io.ionstream.engine.report.plot.Series;
import io.ionstream.proto.v1.CampaignResults;
import io.ionstream.proto.v1.CampaignRun;
import io.ionstream.proto.v1.ComponentFit;
import io.ionstream.proto.v1.ComponentPoint;
import io.ionstream.proto.v1.DiffusionValue;
import io.ionstream.proto.v1.FeChannel;
import io.ionstream.proto.v1.FePoint;
import io.ionstream.proto.v1.FileInfo;
import io.ionstream.proto.v1.Job;
import io.ionstream.proto.v1.JobResults;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What an ended campaign leaves in {@code files/} (each written atomically) and its results:
 * {@code campaign.json} (the CampaignResults as the API's JSON: runs, fits, FE points with their
 * provenance), {@code runs.csv}, {@code fits.csv}, {@code d_macro.csv}, and the plots
 * {@code arrhenius.svg} (D of every component vs 1000/T with its fitted law) and
 * {@code d_macro.svg} (D_macro vs 1000/T per grain size, with the bulk channel).
 */
final class CampaignReport {
    static final Map<String, String> FILES = new LinkedHashMap<>();

    static {
        FILES.put("campaign.json", "everything: runs, Arrhenius fits, FE points with their provenance (the API's CampaignResults as JSON)");
        FILES.put("runs.csv", "one line per MD run: D total, ∥, ⊥ with errors and α; GB width, τ and Hart's D_GB (cm²/s)");
        FILES.put("fits.csv", "one line per D component: Arrhenius D0 and Ea with errors, D at 300 K");
        FILES.put("d_macro.csv", "one line per FE case: D_macro, the effective tensor's diagonal, the channels' D and sources");
        FILES.put("arrhenius.svg", "D of every component vs 1000/T with its Arrhenius law");
        FILES.put("d_macro.svg", "D_macro vs 1000/T per grain size, with the bulk channel");
    }

    private CampaignReport() {}

    static JobResults write(JobFiles files, Job job, CampaignResults results) throws IOException {
        Path out = files.filesDir();
        Files.createDirectories(out);
        text(out.resolve("campaign.json"), json(results));
        text(out.resolve("runs.csv"), runs(results.getRunsList()));
        text(out.resolve("fits.csv"), fits(results.getFitsList()));
        if (results.getFeCount() > 0) text(out.resolve("d_macro.csv"), dMacro(results.getFeList()));
        if (results.getFitsList().stream().anyMatch(f -> f.getPointsCount() > 0 || f.getFitted())) {
            text(out.resolve("arrhenius.svg"), arrheniusPlot(results.getFitsList()).svg(800, 600));
        }
        if (results.getFeCount() > 0) text(out.resolve("d_macro.svg"), dMacroPlot(results.getFeList()).svg(800, 600));
        JobResults.Builder r = JobResults.newBuilder().setJob(job).setCampaign(results);
        for (Path p : files.files()) {
            String n = p.getFileName().toString();
            r.addFiles(FileInfo.newBuilder().setName(n).setSize(Files.size(p)).setDescription(FILES.getOrDefault(n, "")));
        }
        JobResults built = r.build();
        files.writeResults(built);
        return built;
    }

    static String json(CampaignResults r) {
        try {
            return JsonFormat.printer().print(r) + "\n";
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException("cannot print the campaign results as JSON: " + e.getMessage(), e);
        }
    }

    private static void text(Path p, String s) throws IOException {
        AtomicFiles.write(p, s.getBytes(StandardCharsets.UTF_8));
    }

    static String runs(List<CampaignRun> runs) {
        StringBuilder b = new StringBuilder("structure,temperature_K,job_id,D_cm2_s,D_err_cm2_s,alpha,normal,D_par_cm2_s,D_par_err_cm2_s,"
            + "D_perp_cm2_s,D_perp_err_cm2_s,gb_width_A,gb_width_err_A,gb_spacing_A,tau,D_gb_par_cm2_s,D_gb_par_err_cm2_s,"
            + "D_gb_perp_cm2_s,D_gb_perp_err_cm2_s,bulk_job_id,problems\n");
        for (CampaignRun r : runs) {
            row(b, r.getStructure(), r.getTemperatureK(), r.getJobId());
            value(b, r.hasTotal(), r.getTotal(), true);
            value(b, r.hasParallel(), r.getParallel(), false);
            value(b, r.hasPerpendicular(), r.getPerpendicular(), false);
            boolean gb = r.getGbSpacingA() > 0;
            cells(b, gb ? num(r.getGbWidthA()) : "", gb ? num(r.getGbWidthErrorA()) : "", gb ? num(r.getGbSpacingA()) : "",
                gb ? num(r.getTau()) : "");
            value(b, r.hasGbParallel(), r.getGbParallel(), false);
            value(b, r.hasGbPerpendicular(), r.getGbPerpendicular(), false);
            cells(b, r.getBulkJobId(), String.join("; ", r.getProblemsList()));
            b.setLength(b.length() - 1);
            b.append('\n');
        }
        return b.toString();
    }

    static String fits(List<ComponentFit> fits) {
        StringBuilder b = new StringBuilder("component,origin,fitted,D0_cm2_s,D0_err_cm2_s,Ea_eV,Ea_err_eV,D300_cm2_s,D300_err_cm2_s,points,note\n");
        for (ComponentFit f : fits) {
            boolean ok = f.getFitted();
            cells(b, f.getComponent(), f.getOrigin(), Boolean.toString(ok), ok ? num(f.getD0Cm2S()) : "", ok ? num(f.getD0ErrorCm2S()) : "",
                ok ? num(f.getEaEv()) : "", ok ? num(f.getEaErrorEv()) : "", ok ? num(f.getD300Cm2S()) : "", ok ? num(f.getD300ErrorCm2S()) : "",
                Long.toString(f.getPointsList().stream().filter(ComponentPoint::getUsed).count()), f.getNote());
            b.setLength(b.length() - 1);
            b.append('\n');
        }
        return b.toString();
    }

    static String dMacro(List<FePoint> points) {
        StringBuilder b = new StringBuilder("grain_size_nm,temperature_K,model,D_macro_cm2_s,D_xx_cm2_s,D_yy_cm2_s,D_zz_cm2_s,gb_width_nm,f_gb,"
            + "D_bulk_cm2_s,bulk,D_gb_par_cm2_s,gb_parallel,D_gb_perp_cm2_s,gb_perpendicular,grid,iterations\n");
        for (FePoint p : points) {
            cells(b, num(p.getGrainSizeNm()), num(p.getTemperatureK()), p.getModel(), num(p.getDMacroCm2S()), num(p.getDEffCm2S(0)),
                num(p.getDEffCm2S(4)), num(p.getDEffCm2S(8)), num(p.getGbWidthNm()), num(p.getFGb()));
            for (FeChannel c : p.getChannelsList()) cells(b, num(c.getDCm2S()), c.getComponent() + " (" + c.getSource() + ")");
            cells(b, Integer.toString(p.getProvenance().getGrid()), Integer.toString(p.getProvenance().getIterations()));
            b.setLength(b.length() - 1);
            b.append('\n');
        }
        return b.toString();
    }

    static Plot arrheniusPlot(List<ComponentFit> fits) {
        Plot plot = new Plot("Arrhenius laws of the D components", "1000/T (1/K)", "D (cm²/s)", false, true);
        for (ComponentFit f : fits) {
            List<ComponentPoint> pts = f.getPointsList().stream().filter(p -> p.getDCm2S() > 0).toList();
            double lo = Double.MAX_VALUE, hi = -Double.MAX_VALUE;
            if (!pts.isEmpty()) {
                double[] x = new double[pts.size()], y = new double[pts.size()], e = new double[pts.size()];
                for (int k = 0; k < x.length; k++) {
                    x[k] = 1000 / pts.get(k).getTemperatureK();
                    y[k] = pts.get(k).getDCm2S();
                    e[k] = pts.get(k).getErrorCm2S();
                    lo = Math.min(lo, x[k]);
                    hi = Math.max(hi, x[k]);
                }
                plot.add(Series.markers(f.getComponent(), x, y, e));
            }
            if (f.getFitted()) {
                if (lo > hi) {
                    lo = 1000.0 / 600;
                    hi = 1000.0 / CampaignFits.ROOM;
                }
                var law = CampaignFits.law(f);
                double[] x = {lo, hi}, y = {law.at(1000 / lo), law.at(1000 / hi)};
                plot.add(Series.line(f.getComponent() + String.format(Locale.ROOT, " (Ea %.3f eV)", f.getEaEv()), x, y));
            }
        }
        return plot;
    }

    static Plot dMacroPlot(List<FePoint> points) {
        Plot plot = new Plot("D_macro(T) of the polycrystals", "1000/T (1/K)", "D (cm²/s)", false, true);
        Map<Double, List<FePoint>> bySize = new LinkedHashMap<>();
        for (FePoint p : points) bySize.computeIfAbsent(p.getGrainSizeNm(), k -> new ArrayList<>()).add(p);
        List<FePoint> first = null;
        for (var e : bySize.entrySet()) {
            List<FePoint> ps = e.getValue();
            if (first == null) first = ps;
            double[] x = new double[ps.size()], y = new double[ps.size()];
            for (int k = 0; k < x.length; k++) {
                x[k] = 1000 / ps.get(k).getTemperatureK();
                y[k] = ps.get(k).getDMacroCm2S();
            }
            plot.add(new Series(String.format(Locale.ROOT, "d = %s nm", num(e.getKey())), x, y, null, Series.Style.LINE_AND_MARKERS));
        }
        if (first != null) {
            double[] x = new double[first.size()], y = new double[first.size()];
            for (int k = 0; k < x.length; k++) {
                x[k] = 1000 / first.get(k).getTemperatureK();
                y[k] = first.get(k).getChannels(0).getDCm2S();
            }
            plot.add(new Series("bulk (" + first.get(0).getChannels(0).getComponent() + ")", x, y, null, Series.Style.GUIDE));
        }
        return plot;
    }

    private static void row(StringBuilder b, String structure, double t, String job) {
        cells(b, structure, num(t), job);
    }

    private static void value(StringBuilder b, boolean has, DiffusionValue v, boolean verdict) {
        if (!has) {
            cells(b, "", "");
            if (verdict) cells(b, "", "");
            return;
        }
        cells(b, num(v.getDCm2S()), num(v.getErrorCm2S()));
        if (verdict) cells(b, num(v.getAlpha()), Boolean.toString(v.getNormal()));
    }

    /** Appends cells, each followed by a comma (the caller replaces the last one by a newline), quoting text that needs it. */
    private static void cells(StringBuilder b, String... values) {
        for (String v : values) {
            if (v.contains(",") || v.contains("\"") || v.contains("\n")) b.append('"').append(v.replace("\"", "\"\"")).append('"');
            else b.append(v);
            b.append(',');
        }
    }

    private static String num(double v) {
        return Double.toString(v);
    }
}
