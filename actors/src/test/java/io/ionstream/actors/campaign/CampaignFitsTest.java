package io.ionstream.actors.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ionstream.engine.analysis.diffusion.Arrhenius;
import io.ionstream.engine.units.MetalUnits;
import io.ionstream.proto.v1.CampaignRun;
import io.ionstream.proto.v1.ComponentFit;
import io.ionstream.proto.v1.DiffusionValue;
import io.ionstream.proto.v1.FeSource;
import io.ionstream.proto.v1.GivenComponent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The fits stage on runs with known D: points from runs whose MSD is not normal diffusion stay out
 * of the law (unless asked for), the laws recover D₀ and E_a of exact Arrhenius data, and the FE
 * channels take the law or the value as the source says.
 */
class CampaignFitsTest {
    private static final double D0 = 2e-3, EA = 0.3;
    private static final double[] T = {400, 500, 600};

    private static double d(double t) { return D0 * Math.exp(-EA / (MetalUnits.BOLTZ * t)); }

    private static CampaignPlan plan(boolean includeNonNormal) {
        var s = new CampaignPlan.StructurePlan("bulk", "str-000000000000", false, new double[0], 0, 10, null, null, 0, new String[] {"Li"},
            false, "nve");
        List<CampaignPlan.RunPlan> runs = new ArrayList<>();
        for (double t : T) runs.add(new CampaignPlan.RunPlan(runs.size(), "bulk", t, CampaignPlanner.childName("bulk", t), null));
        return new CampaignPlan("c", List.of(s), List.of(400.0, 500.0, 600.0), runs,
            new CampaignPlan.DiffusionPlan(0.4, 0.85, includeNonNormal, 5, 10), List.of(), null);
    }

    private static List<CampaignRun> runs(double alphaAt500) {
        List<CampaignRun> out = new ArrayList<>();
        for (double t : T) {
            double alpha = t == 500 ? alphaAt500 : 1.0;
            DiffusionValue v = DiffusionValue.newBuilder().setDCm2S(t == 500 ? 10 * d(t) : d(t)).setErrorCm2S(0.02 * d(t))
                .setAlpha(alpha).setNormal(alpha >= 0.9 && alpha <= 1.1).build();
            out.add(CampaignRun.newBuilder().setStructure("bulk").setTemperatureK(t).setJobId("job-" + (int) t).setTotal(v).setParallel(v)
                .setPerpendicular(v).build());
        }
        return out;
    }

    @Test
    void nonNormalRunsStayOutOfTheLaw() {
        // the 500 K run is sub-diffusive and ten times off: without it the law is exact
        ComponentFit f = CampaignFits.fits(plan(false), runs(0.6)).get(0);
        assertEquals("bulk.total", f.getComponent());
        assertTrue(f.getFitted(), f.getNote());
        assertFalse(f.getPoints(1).getUsed());
        assertTrue(f.getPoints(1).getNote().contains("not normal diffusion (α = 0.600)"), f.getPoints(1).getNote());
        assertEquals(EA, f.getEaEv(), 1e-12);
        assertEquals(D0, f.getD0Cm2S(), 1e-12 * D0);
        assertEquals(d(CampaignFits.ROOM), f.getD300Cm2S(), 1e-12 * d(CampaignFits.ROOM));
        // included on request: the law moves
        ComponentFit g = CampaignFits.fits(plan(true), runs(0.6)).get(0);
        assertTrue(g.getPoints(1).getUsed());
        Arrhenius a = Arrhenius.fit(T, new double[] {d(400), 10 * d(500), d(600)}, new double[] {0.02 * d(400), 0.02 * d(500), 0.02 * d(600)});
        assertEquals(a.ea(), g.getEaEv(), 1e-12);
    }

    @Test
    void tooFewPointsLeaveTheComponentWithoutALaw() {
        List<CampaignRun> r = runs(0.6);
        r.set(0, r.get(0).toBuilder().setTotal(r.get(0).getTotal().toBuilder().setNormal(false)).build());
        ComponentFit f = CampaignFits.fits(plan(false), r).get(0);
        assertFalse(f.getFitted());
        assertEquals("1 usable point(s); an Arrhenius fit needs 2 (with errors)", f.getNote());
    }

    @Test
    void feChannelsTakeTheLawOrTheValue() {
        CampaignPlan p = plan(false);
        ComponentFit f = CampaignFits.fits(p, runs(1.0)).get(0);
        GivenComponent gv = GivenComponent.newBuilder().setName("v").addTemperaturesK(500).addDCm2S(7e-9).build();
        ComponentFit given = CampaignFits.fits(new CampaignPlan("c", List.of(), List.of(), List.of(), p.diffusion(), List.of(gv), null),
            List.of()).get(0);
        assertFalse(given.getFitted());
        var fe = new CampaignPlan.FePlan(List.of(10.0), List.of(500.0), io.ionstream.engine.fe.study.ModelChoice.auto(100), 1.0, null,
            "bulk.total", "v", "v", io.ionstream.engine.fe.micro.PolycrystalSpec.random(2, 8, 10, 1),
            new io.ionstream.engine.fe.solver.SolverSettings(1e-6, 100, 1), FeSource.FE_SOURCE_AUTO);
        try (FeCases cases = new FeCases(fe, 1.0)) {
            var fits = java.util.Map.of("bulk.total", f, "v", given);
            var law = cases.channel("bulk", "bulk.total", 500, fits);
            assertEquals("arrhenius", law.getSource());
            assertEquals(CampaignFits.law(f).at(500), law.getDCm2S());
            assertEquals(List.of("job-400", "job-500", "job-600"), law.getJobIdsList());
            var value = cases.channel("gb_parallel", "v", 500, fits);
            assertEquals("value", value.getSource());
            assertEquals(7e-9, value.getDCm2S());
        }
    }
}
