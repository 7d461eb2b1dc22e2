package io.ionstream.actors.campaign;

import io.ionstream.proto.v1.CampaignRun;
import io.ionstream.proto.v1.ComponentFit;
import io.ionstream.proto.v1.DiffusionValue;
import io.ionstream.proto.v1.FeChannel;
import io.ionstream.proto.v1.FePoint;
import io.ionstream.proto.v1.ObservableSchema;
import io.ionstream.proto.v1.ObservableValues;
import io.ionstream.proto.v1.Sample;
import java.time.Instant;
import java.util.List;

/**
 * What a campaign streams on its Watch: one sample per analysed run ({@code run}, stage "md"),
 * per grain-boundary run decomposed by Hart ({@code hart}) and per component law ({@code fit},
 * stage "fits"), and per FE case ({@code d_macro}, stage "fe"). Values are numbers in the
 * schema's order (NaN where a fit could not be made); labels say what the sample is about and
 * which runs and fits are behind it. The sample's step is the campaign's progress (work units done).
 */
final class CampaignSamples {
    static final String RUN = "run", HART = "hart", FIT = "fit", D_MACRO = "d_macro";

    private CampaignSamples() {}

    static List<ObservableSchema> schemas() {
        return List.of(
            schema(RUN, "md", "temperature_K", "D_cm2_s", "D_err_cm2_s", "alpha", "normal", "D_par_cm2_s", "D_par_err_cm2_s",
                "D_perp_cm2_s", "D_perp_err_cm2_s"),
            schema(HART, "fits", "temperature_K", "gb_width_A", "tau", "D_gb_par_cm2_s", "D_gb_par_err_cm2_s", "D_gb_perp_cm2_s",
                "D_gb_perp_err_cm2_s"),
            schema(FIT, "fits", "D0_cm2_s", "D0_err_cm2_s", "Ea_eV", "Ea_err_eV", "D300_cm2_s", "D300_err_cm2_s", "points"),
            schema(D_MACRO, "fe", "grain_size_nm", "temperature_K", "D_macro_cm2_s", "D_xx_cm2_s", "D_yy_cm2_s", "D_zz_cm2_s",
                "D_bulk_cm2_s", "D_gb_par_cm2_s", "D_gb_perp_cm2_s", "gb_width_nm", "f_gb", "iterations"));
    }

    private static ObservableSchema schema(String name, String stage, String... values) {
        return ObservableSchema.newBuilder().setName(name).setStage(stage).addAllValueNames(List.of(values)).build();
    }

    static Sample run(long sequence, long step, CampaignRun r) {
        DiffusionValue t = r.getTotal();
        return sample(sequence, step, "md", RUN, r.getTemperatureK(), t.getDCm2S(), t.getErrorCm2S(), t.getAlpha(), t.getNormal() ? 1 : 0,
            d(r.hasParallel(), r.getParallel()), e(r.hasParallel(), r.getParallel()), d(r.hasPerpendicular(), r.getPerpendicular()),
            e(r.hasPerpendicular(), r.getPerpendicular()))
            .putLabels("structure", r.getStructure()).putLabels("job_id", r.getJobId()).putLabels("verdict", r.getVerdict()).build();
    }

    static Sample hart(long sequence, long step, CampaignRun r) {
        return sample(sequence, step, "fits", HART, r.getTemperatureK(), r.getGbWidthA() > 0 ? r.getGbWidthA() : Double.NaN,
            r.getTau() > 0 ? r.getTau() : Double.NaN, d(r.hasGbParallel(), r.getGbParallel()), e(r.hasGbParallel(), r.getGbParallel()),
            d(r.hasGbPerpendicular(), r.getGbPerpendicular()), e(r.hasGbPerpendicular(), r.getGbPerpendicular()))
            .putLabels("structure", r.getStructure()).putLabels("job_id", r.getJobId()).putLabels("bulk_job_id", r.getBulkJobId())
            .putLabels("gb_width_source", r.getGbWidthSource()).build();
    }

    static Sample fit(long sequence, long step, ComponentFit f) {
        double nan = Double.NaN;
        boolean ok = f.getFitted();
        return sample(sequence, step, "fits", FIT, ok ? f.getD0Cm2S() : nan, ok ? f.getD0ErrorCm2S() : nan, ok ? f.getEaEv() : nan,
            ok ? f.getEaErrorEv() : nan, ok ? f.getD300Cm2S() : nan, ok ? f.getD300ErrorCm2S() : nan,
            f.getPointsList().stream().filter(p -> p.getUsed()).count())
            .putLabels("component", f.getComponent()).putLabels("origin", f.getOrigin()).putLabels("note", f.getNote())
            .putLabels("job_ids", String.join(",", f.getPointsList().stream().filter(p -> p.getUsed() && !p.getJobId().isEmpty())
                .map(p -> p.getJobId()).toList())).build();
    }

    static Sample dMacro(long sequence, long step, FePoint p) {
        Sample.Builder b = sample(sequence, step, "fe", D_MACRO, p.getGrainSizeNm(), p.getTemperatureK(), p.getDMacroCm2S(), p.getDEffCm2S(0),
            p.getDEffCm2S(4), p.getDEffCm2S(8), p.getChannels(0).getDCm2S(), p.getChannels(1).getDCm2S(), p.getChannels(2).getDCm2S(),
            p.getGbWidthNm(), p.getFGb(), p.getProvenance().getIterations());
        b.putLabels("model", p.getModel()).putLabels("microstructure", p.getProvenance().getMicrostructure())
            .putLabels("grid", Integer.toString(p.getProvenance().getGrid()));
        for (FeChannel c : p.getChannelsList()) {
            b.putLabels(c.getChannel(), c.getComponent() + " (" + c.getSource() + (c.getJobIdsCount() == 0 ? "" : "; runs "
                + String.join(",", c.getJobIdsList())) + ")");
        }
        return b.build();
    }

    private static double d(boolean has, DiffusionValue v) { return has ? v.getDCm2S() : Double.NaN; }

    private static double e(boolean has, DiffusionValue v) { return has ? v.getErrorCm2S() : Double.NaN; }

    private static Sample.Builder sample(long sequence, long step, String stage, String name, double... values) {
        Instant now = Instant.now();
        ObservableValues.Builder v = ObservableValues.newBuilder().setName(name);
        for (double x : values) v.addValues(x);
        return Sample.newBuilder().setSequence(sequence).setStep(step).setStage(stage).addObservables(v)
            .setProducedUnixNanos(now.getEpochSecond() * 1_000_000_000L + now.getNano());
    }
}
