package io.ionstream.actors.campaign;

import io.ionstream.engine.analysis.diffusion.Arrhenius;
import io.ionstream.engine.analysis.gb.Hart;
import io.ionstream.proto.v1.ArrheniusParameters;
import io.ionstream.proto.v1.CampaignRun;
import io.ionstream.proto.v1.ComponentFit;
import io.ionstream.proto.v1.ComponentPoint;
import io.ionstream.proto.v1.DiffusionValue;
import io.ionstream.proto.v1.GivenComponent;
import java.util.ArrayList;
import java.util.List;

/**
 * The fits stage of a campaign, pure functions of its analysed runs: Hart's D_GB ∥/⊥ for every
 * grain-boundary run (from its D_eff, its GB width and plane spacing, and the total D of its bulk
 * reference at the same temperature), then one Arrhenius law per D component (MD components
 * through their runs with normal diffusion, weighted by the GLS errors; given components through
 * their values, or their law as given).
 */
final class CampaignFits {
    /** Temperature the fits are extrapolated to for reporting (K). */
    static final double ROOM = 300;

    private CampaignFits() {}

    /** The runs with Hart's decomposition added to the grain-boundary ones. */
    static List<CampaignRun> hart(CampaignPlan plan, List<CampaignRun> runs) {
        List<CampaignRun> out = new ArrayList<>();
        for (CampaignRun r : runs) {
            CampaignPlan.StructurePlan s = plan.structure(r.getStructure());
            if (!s.grainBoundary() || s.bulkReference() == null) {
                out.add(r);
                continue;
            }
            CampaignRun.Builder b = r.toBuilder();
            CampaignRun bulk = find(runs, s.bulkReference(), r.getTemperatureK());
            if (r.getGbWidthA() <= 0) {
                b.addProblems("Hart decomposition: no GB width (" + (r.getGbWidthSource().isEmpty() ? "its fit failed" : r.getGbWidthSource()) + ")");
            } else if (bulk == null || !bulk.hasTotal()) {
                b.addProblems("Hart decomposition: the bulk reference '" + s.bulkReference() + "' has no D at " + r.getTemperatureK() + " K");
            } else {
                b.setBulkJobId(bulk.getJobId());
                try {
                    DiffusionValue db = bulk.getTotal();
                    b.setTau(r.getGbWidthA() / r.getGbSpacingA());
                    if (r.hasParallel()) b.setGbParallel(decompose(r.getParallel(), db, r));
                    if (r.hasPerpendicular()) b.setGbPerpendicular(decompose(r.getPerpendicular(), db, r));
                } catch (IllegalArgumentException e) {
                    b.addProblems("Hart decomposition: " + e.getMessage());
                }
            }
            out.add(b.build());
        }
        return out;
    }

    private static DiffusionValue decompose(DiffusionValue eff, DiffusionValue bulk, CampaignRun r) {
        Hart h = Hart.decompose(eff.getDCm2S(), eff.getErrorCm2S(), bulk.getDCm2S(), bulk.getErrorCm2S(), r.getGbWidthA(), r.getGbWidthErrorA(),
            r.getGbSpacingA());
        return DiffusionValue.newBuilder().setDCm2S(h.dGb()).setErrorCm2S(h.dGbError()).setAlpha(eff.getAlpha())
            .setNormal(eff.getNormal() && bulk.getNormal()).build();
    }

    private static CampaignRun find(List<CampaignRun> runs, String structure, double t) {
        for (CampaignRun r : runs) if (r.getStructure().equals(structure) && r.getTemperatureK() == t) return r;
        return null;
    }

    /** One fit per component: every MD component of every structure, then the given ones. */
    static List<ComponentFit> fits(CampaignPlan plan, List<CampaignRun> runs) {
        List<ComponentFit> out = new ArrayList<>();
        for (CampaignPlan.StructurePlan s : plan.structures()) {
            for (Quantity q : Quantity.of(s)) out.add(md(plan, s, q, runs));
        }
        for (GivenComponent g : plan.given()) out.add(given(g));
        return out;
    }

    private static ComponentFit md(CampaignPlan plan, CampaignPlan.StructurePlan s, Quantity q, List<CampaignRun> runs) {
        ComponentFit.Builder f = ComponentFit.newBuilder().setComponent(q.component(s.name())).setOrigin("md");
        for (double t : plan.temperatures()) {
            CampaignRun r = find(runs, s.name(), t);
            DiffusionValue v = r == null ? null : q.of(r);
            if (v == null) {
                f.addPoints(ComponentPoint.newBuilder().setTemperatureK(t).setJobId(r == null ? "" : r.getJobId()).setUsed(false)
                    .setNote("no " + q.suffix() + " D at this temperature" + (r == null || r.getProblemsCount() == 0 ? "" : ": " + r.getProblems(0))));
                continue;
            }
            String why = v.getDCm2S() <= 0 ? "D is not positive" : v.getErrorCm2S() <= 0 ? "D has no error"
                : !v.getNormal() && !plan.diffusion().includeNonNormal() ? "not normal diffusion (α = " + round(v.getAlpha()) + ")" : "";
            f.addPoints(ComponentPoint.newBuilder().setTemperatureK(t).setDCm2S(v.getDCm2S()).setErrorCm2S(v.getErrorCm2S())
                .setJobId(r.getJobId()).setUsed(why.isEmpty()).setNote(why));
        }
        return fitPoints(f, true);
    }

    private static ComponentFit given(GivenComponent g) {
        ComponentFit.Builder f = ComponentFit.newBuilder().setComponent(g.getName().strip()).setOrigin("given");
        if (g.hasArrhenius()) {
            ArrheniusParameters a = g.getArrhenius();
            double s = a.getD0ErrorCm2S() / a.getD0Cm2S();
            Arrhenius law = new Arrhenius(Math.log(a.getD0Cm2S()), a.getEaEv(),
                new double[][] {{s * s, 0}, {0, a.getEaErrorEv() * a.getEaErrorEv()}}, 0, 0);
            return set(f, law).setNote("Arrhenius law as given").build();
        }
        boolean errors = g.getDErrorCm2SCount() > 0;
        for (int k = 0; k < g.getTemperaturesKCount(); k++) {
            f.addPoints(ComponentPoint.newBuilder().setTemperatureK(g.getTemperaturesK(k)).setDCm2S(g.getDCm2S(k))
                .setErrorCm2S(errors ? g.getDErrorCm2S(k) : 0).setUsed(true));
        }
        return fitPoints(f, errors);
    }

    /** Fits the used points (weighted when {@code errors}); without enough of them the component has no law and says why. */
    private static ComponentFit fitPoints(ComponentFit.Builder f, boolean errors) {
        List<ComponentPoint> used = f.getPointsList().stream().filter(ComponentPoint::getUsed).toList();
        int need = errors ? 2 : 3;
        if (used.size() < need) {
            return f.setFitted(false).setNote(used.size() + " usable point(s); an Arrhenius fit needs " + need
                + (errors ? " (with errors)" : " without errors (2 with errors)")).build();
        }
        double[] t = new double[used.size()], d = new double[used.size()], e = errors ? new double[used.size()] : null;
        for (int k = 0; k < t.length; k++) {
            t[k] = used.get(k).getTemperatureK();
            d[k] = used.get(k).getDCm2S();
            if (errors) e[k] = used.get(k).getErrorCm2S();
        }
        try {
            Arrhenius law = Arrhenius.fit(t, d, e);
            return set(f, law).setNote("fit of ln D vs 1/T through " + t.length + " points" + (errors ? ", weighted by their errors" : "")).build();
        } catch (IllegalArgumentException ex) {
            return f.setFitted(false).setNote(ex.getMessage()).build();
        }
    }

    private static ComponentFit.Builder set(ComponentFit.Builder f, Arrhenius law) {
        return f.setFitted(true).setD0Cm2S(law.d0()).setD0ErrorCm2S(law.d0Error()).setEaEv(law.ea()).setEaErrorEv(law.eaError())
            .setCovarianceLnd0Ea(law.covariance()[0][1]).setD300Cm2S(law.at(ROOM)).setD300ErrorCm2S(law.errorAt(ROOM));
    }

    /** The law of a fitted component, with its full covariance. */
    static Arrhenius law(ComponentFit f) {
        if (!f.getFitted()) throw new IllegalArgumentException("component '" + f.getComponent() + "' has no Arrhenius law: " + f.getNote());
        double s = f.getD0ErrorCm2S() / f.getD0Cm2S();
        return new Arrhenius(Math.log(f.getD0Cm2S()), f.getEaEv(),
            new double[][] {{s * s, f.getCovarianceLnd0Ea()}, {f.getCovarianceLnd0Ea(), f.getEaErrorEv() * f.getEaErrorEv()}},
            f.getPointsCount(), 0);
    }

    private static String round(double v) {
        return String.format(java.util.Locale.ROOT, "%.3f", v);
    }
}
