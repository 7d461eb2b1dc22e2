package io.ionstream.actors.campaign;

import io.ionstream.engine.fe.FeCase;
import io.ionstream.engine.fe.FeResult;
import io.ionstream.engine.fe.model.GbDiffusivities;
import io.ionstream.engine.fe.model.GbModel;
import io.ionstream.engine.fe.study.StudyRunner;
import io.ionstream.proto.v1.ComponentFit;
import io.ionstream.proto.v1.ComponentPoint;
import io.ionstream.proto.v1.FeChannel;
import io.ionstream.proto.v1.FePoint;
import io.ionstream.proto.v1.FeProvenance;
import io.ionstream.proto.v1.FeSource;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * The FE stage of a campaign: one homogenisation per grain size × temperature on the same Voronoi
 * tessellation rescaled to each grain size ({@link StudyRunner}, which also coarsens the
 * collapsed model's grid until its voxels hold the boundary), with the bulk, GB ∥ and GB ⊥
 * diffusivities taken from their components at the case's temperature (the Arrhenius law or the
 * value at that temperature, as the plan's source says). Every point carries where its inputs
 * came from.
 */
final class FeCases implements AutoCloseable {
    /** Thrown when the server stops in the middle of a campaign step (the step is redone after the restart). */
    static final class Stopped extends RuntimeException {
        Stopped() {
            super("stopped", null, false, false);
        }
    }

    private final CampaignPlan.FePlan fe;
    private final double widthNm;
    private final StudyRunner runner;

    FeCases(CampaignPlan.FePlan fe, double widthNm) {
        this.fe = fe;
        this.widthNm = widthNm;
        this.runner = new StudyRunner(fe.microstructure(), widthNm, fe.solver(), null);
    }

    /** Runs case {@code k} with the channels' D from {@code fits} (by component name). */
    FePoint run(int k, Map<String, ComponentFit> fits, BooleanSupplier stop) {
        double d = fe.grainSize(k), t = fe.temperature(k);
        FeChannel bulk = channel("bulk", fe.bulk(), t, fits), par = channel("gb_parallel", fe.gbParallel(), t, fits),
            perp = channel("gb_perpendicular", fe.gbPerpendicular(), t, fits);
        GbModel model = fe.model().forGrainSize(d);
        FeCase c = new FeCase(model, widthNm, new GbDiffusivities(bulk.getDCm2S(), par.getDCm2S(), perp.getDCm2S()), t);
        FeResult r = runner.run(model, d, c, (it, res) -> {
            if (stop.getAsBoolean()) throw new Stopped();
        });
        double[][] m = r.effective().matrix();
        FePoint.Builder p = FePoint.newBuilder().setGrainSizeNm(d).setTemperatureK(t).setModel(model.label()).setDMacroCm2S(r.mean())
            .setGbWidthNm(widthNm).setFGb(r.gbFraction()).setFGbEstimate(r.grains().poissonVoronoiFraction(widthNm))
            .addChannels(bulk).addChannels(par).addChannels(perp);
        for (double[] row : m) for (double v : row) p.addDEffCm2S(v);
        p.setProvenance(FeProvenance.newBuilder().setMicrostructure(r.microstructure()).setGrid(r.grid()).setVoxelNm(r.voxelNm())
            .setGrains(r.grains().grains()).setCellNm(r.grains().cellNm()).setEquivalentSphereDiameterNm(r.grains().equivalentSphereDiameterNm())
            .setMeanInterceptNm(r.grains().meanInterceptNm()).setIterations(r.iterations()).setConverged(r.effective().converged())
            .setTolerance(r.solver().tolerance()).setWienerLowerCm2S(r.bounds().wienerLower().mean())
            .setWienerUpperCm2S(r.bounds().wienerUpper().mean()).setHsLowerCm2S(r.bounds().hsLower()).setHsUpperCm2S(r.bounds().hsUpper())
            .setSeconds(r.seconds()));
        return p.build();
    }

    /** Resolution warnings of the cases run so far. */
    List<String> warnings() { return runner.warnings(); }

    /** The D of one channel at temperature t, and where it came from. */
    FeChannel channel(String channel, String component, double t, Map<String, ComponentFit> fits) {
        ComponentFit f = fits.get(component);
        if (f == null) throw new IllegalStateException("FE channel " + channel + ": no component '" + component + "'");
        ComponentPoint value = null;
        for (ComponentPoint p : f.getPointsList()) if (p.getTemperatureK() == t && p.getDCm2S() > 0) value = p;
        boolean law = switch (fe.source()) {
            case FE_SOURCE_ARRHENIUS -> true;
            case FE_SOURCE_VALUES -> false;
            default -> f.getFitted() || value == null;
        };
        FeChannel.Builder b = FeChannel.newBuilder().setChannel(channel).setComponent(component);
        if (law) {
            if (!f.getFitted()) {
                throw new IllegalStateException("FE channel " + channel + " at " + CampaignPlanner.format(t) + " K: component '" + component
                    + "' has no Arrhenius law (" + f.getNote() + ")" + (fe.source() == FeSource.FE_SOURCE_ARRHENIUS ? "" : " and no value at this temperature"));
            }
            b.setSource("arrhenius").setDCm2S(CampaignFits.law(f).at(t));
            for (ComponentPoint p : f.getPointsList()) if (p.getUsed() && !p.getJobId().isEmpty()) b.addJobIds(p.getJobId());
        } else {
            if (value == null) {
                throw new IllegalStateException("FE channel " + channel + ": component '" + component + "' has no value at "
                    + CampaignPlanner.format(t) + " K");
            }
            b.setSource("value").setDCm2S(value.getDCm2S());
            if (!value.getJobId().isEmpty()) b.addJobIds(value.getJobId());
        }
        return b.build();
    }

    @Override
    public void close() {
        runner.close();
    }
}
