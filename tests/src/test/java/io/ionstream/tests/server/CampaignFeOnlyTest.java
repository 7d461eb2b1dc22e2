package io.ionstream.tests.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ionstream.client.IonstreamClient;
import io.ionstream.engine.analysis.diffusion.Arrhenius;
import io.ionstream.engine.fe.FeCase;
import io.ionstream.engine.fe.FeHomogenisation;
import io.ionstream.engine.fe.FeResult;
import io.ionstream.engine.fe.micro.PolycrystalSpec;
import io.ionstream.engine.fe.model.ArrheniusLaw;
import io.ionstream.engine.fe.model.GbArrhenius;
import io.ionstream.engine.fe.model.GbDiffusivities;
import io.ionstream.engine.fe.model.GbModel;
import io.ionstream.engine.fe.solver.SolverSettings;
import io.ionstream.proto.v1.ArrheniusParameters;
import io.ionstream.proto.v1.CampaignFe;
import io.ionstream.proto.v1.CampaignJob;
import io.ionstream.proto.v1.CampaignResults;
import io.ionstream.proto.v1.ComponentFit;
import io.ionstream.proto.v1.FeModelChoice;
import io.ionstream.proto.v1.FePoint;
import io.ionstream.proto.v1.FeSource;
import io.ionstream.proto.v1.GivenComponent;
import io.ionstream.proto.v1.Job;
import io.ionstream.proto.v1.JobState;
import io.ionstream.server.grpc.IonstreamServer;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The FE half on its own, through the API and the client: campaigns without structures whose D
 * components are given (values at temperatures, or Arrhenius laws), checked point by point
 * against direct FeHomogenisation calls.
 */
class CampaignFeOnlyTest {
    @TempDir Path dir;

    private static final double[] T = {300, 400, 500};
    private static final double[] BULK = {1e-9, 6e-9, 2e-8}, PAR = {5e-9, 2e-8, 5e-8}, PERP = {2e-10, 2e-9, 1e-8};

    private static GivenComponent values(String name, double[] d) {
        GivenComponent.Builder g = GivenComponent.newBuilder().setName(name);
        for (int k = 0; k < T.length; k++) g.addTemperaturesK(T[k]).addDCm2S(d[k]);
        return g.build();
    }

    private static CampaignFe.Builder fe(FeModelChoice model, double... grainSizes) {
        CampaignFe.Builder fe = CampaignFe.newBuilder().setModel(model).setGbWidthNm(2.0).setBulk("bulk").setGbParallel("gb_par")
            .setGbPerpendicular("gb_perp").setGrains(4).setGrid(16).setThreads(1);
        for (double d : grainSizes) fe.addGrainSizesNm(d);
        return fe;
    }

    @Test
    void givenValuesMatchDirectHomogenisation() throws Exception {
        CampaignJob c = CampaignJob.newBuilder().addGiven(values("bulk", BULK)).addGiven(values("gb_par", PAR)).addGiven(values("gb_perp", PERP))
            .setFe(fe(FeModelChoice.FE_MODEL_RESOLVED, 30, 60).setSource(FeSource.FE_SOURCE_VALUES)).build();
        try (IonstreamServer server = TestServers.start(dir.resolve("data"));
             IonstreamClient client = TestServers.client(server)) {
            Job job = client.submitCampaign("fe only", c);
            assertEquals(1 + 6, job.getTotalSteps(), "the fits and 2 × 3 FE cases");
            Campaigns.Watched w = Campaigns.watch(client, job.getJobId(), Duration.ofMinutes(2));
            assertEquals(JobState.COMPLETED, w.job().getState(), w.job().getMessage());
            assertTrue(client.runs(job.getJobId()).isEmpty(), "no MD runs");
            assertEquals(6, w.named("d_macro").size());
            assertEquals(3, w.named("fit").size());
            CampaignResults r = client.campaignResults(job.getJobId());
            // the given values also get their (unweighted) Arrhenius laws, for the record
            for (ComponentFit f : r.getFitsList()) {
                double[] d = switch (f.getComponent()) {
                    case "bulk" -> BULK;
                    case "gb_par" -> PAR;
                    default -> PERP;
                };
                Arrhenius a = Arrhenius.fit(T, d, null);
                assertTrue(f.getFitted(), f.getNote());
                assertEquals(a.ea(), f.getEaEv(), 1e-12 * a.ea());
                assertEquals(a.eaError(), f.getEaErrorEv(), 1e-9 * a.eaError());
            }
            try (FeHomogenisation fe = new FeHomogenisation(new SolverSettings(1e-6, 5000, 1))) {
                for (FePoint p : r.getFeList()) {
                    int k = java.util.Arrays.binarySearch(T, p.getTemperatureK());
                    assertEquals("value", p.getChannels(1).getSource());
                    FeResult direct = fe.run(fe.polycrystal(PolycrystalSpec.random(4, 16, p.getGrainSizeNm(), 1)),
                        new FeCase(GbModel.RESOLVED, 2.0, new GbDiffusivities(BULK[k], PAR[k], PERP[k]), T[k]), null);
                    assertEquals(direct.mean(), p.getDMacroCm2S(), 1e-12 * direct.mean());
                    for (int i = 0; i < 9; i++) {
                        assertEquals(direct.effective().matrix()[i / 3][i % 3], p.getDEffCm2S(i), 1e-12 * direct.mean());
                    }
                    assertEquals(direct.iterations(), p.getProvenance().getIterations());
                }
            }
        }
    }

    @Test
    void givenArrheniusLawsMatchFeCaseAt() throws Exception {
        ArrheniusLaw bulk = new ArrheniusLaw(3.3e-3, 0.384), par = new ArrheniusLaw(9.4e-4, 0.274), perp = new ArrheniusLaw(9.0e-4, 0.275);
        CampaignJob c = CampaignJob.newBuilder()
            .addGiven(law("bulk", bulk)).addGiven(law("gb_par", par)).addGiven(law("gb_perp", perp))
            .setFe(fe(FeModelChoice.FE_MODEL_AUTO, 40, 1000).setTransitionNm(100).addTemperaturesK(300).addTemperaturesK(450)
                .addTemperaturesK(600)).build();
        try (IonstreamServer server = TestServers.start(dir.resolve("data"));
             IonstreamClient client = TestServers.client(server)) {
            Job job = client.submitCampaign("fe from laws", c);
            Campaigns.Watched w = Campaigns.watch(client, job.getJobId(), Duration.ofMinutes(2));
            assertEquals(JobState.COMPLETED, w.job().getState(), w.job().getMessage());
            CampaignResults r = client.campaignResults(job.getJobId());
            GbArrhenius laws = new GbArrhenius(bulk, par, perp);
            try (FeHomogenisation fe = new FeHomogenisation(new SolverSettings(1e-6, 5000, 1))) {
                for (FePoint p : r.getFeList()) {
                    assertEquals("arrhenius", p.getChannels(0).getSource());
                    if (p.getGrainSizeNm() < 100) {
                        assertEquals("resolved", p.getModel());
                        FeResult direct = fe.run(fe.polycrystal(PolycrystalSpec.random(4, 16, p.getGrainSizeNm(), 1)),
                            FeCase.at(GbModel.RESOLVED, 2.0, laws, p.getTemperatureK()), null);
                        assertEquals(direct.mean(), p.getDMacroCm2S(), 1e-10 * direct.mean());
                    } else {
                        assertEquals("collapsed", p.getModel(), "auto: collapsed from the transition grain size on");
                    }
                    var pv = p.getProvenance();
                    assertTrue(pv.getWienerLowerCm2S() <= p.getDMacroCm2S() * (1 + 1e-9) && p.getDMacroCm2S() <= pv.getWienerUpperCm2S() * (1 + 1e-9));
                    GbDiffusivities d = laws.at(p.getTemperatureK());
                    assertEquals(d.parallel(), p.getChannels(1).getDCm2S(), 1e-12 * d.parallel());
                }
            }
        }
    }

    private static GivenComponent law(String name, ArrheniusLaw l) {
        return GivenComponent.newBuilder().setName(name)
            .setArrhenius(ArrheniusParameters.newBuilder().setD0Cm2S(l.prefactor()).setEaEv(l.activationEv())).build();
    }
}
