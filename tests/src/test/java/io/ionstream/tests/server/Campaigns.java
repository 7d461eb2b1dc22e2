package io.ionstream.tests.server;

import io.ionstream.client.IonstreamClient;
import io.ionstream.client.WatchListener;
import io.ionstream.proto.v1.CampaignDiffusion;
import io.ionstream.proto.v1.CampaignFe;
import io.ionstream.proto.v1.CampaignJob;
import io.ionstream.proto.v1.CampaignStructure;
import io.ionstream.proto.v1.EquilibrateThenSample;
import io.ionstream.proto.v1.FeModelChoice;
import io.ionstream.proto.v1.Job;
import io.ionstream.proto.v1.MdJob;
import io.ionstream.proto.v1.PotentialSource;
import io.ionstream.proto.v1.PresetStructure;
import io.ionstream.proto.v1.Protocol;
import io.ionstream.proto.v1.Sample;
import io.ionstream.proto.v1.StructureSource;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Small campaigns for the tests: two Lennard-Jones argon liquids (108 atoms, fcc lattices 5.8 and
 * 5.7 Å melted from twice the run temperature) at 120 and 150 K, each run 2 ps NVT then 12 ps NVE
 * at 5 fs (2800 steps), and an FE stage on a 16³ grid of 4 grains.
 */
final class Campaigns {
    static final double[] TEMPERATURES = {120, 150};

    private Campaigns() {}

    static CampaignStructure argon(String name, double lattice) {
        return CampaignStructure.newBuilder().setName(name).setStructure(StructureSource.newBuilder().setPreset(PresetStructure.newBuilder()
            .setName("lj-argon-fcc").addSupercell(3).addSupercell(3).addSupercell(3).setLattice(lattice))).build();
    }

    static MdJob template() {
        return MdJob.newBuilder()
            .setPotential(PotentialSource.newBuilder().setBundled("lj-argon"))
            .setProtocol(Protocol.newBuilder().setTimestepPs(0.005).setEquilibrateThenSample(EquilibrateThenSample.newBuilder()
                .setTemperatureK(120).setInitialTemperatureK(240).setEquilibratePs(2).setSamplePs(12).setDampingPs(0.5)))
            .setNeighborSkin(1.0).setSeed(7).setCheckpointEvery(400).build();
    }

    /** Two argon liquids × two temperatures, FE (resolved) at {@code grainSizes} and {@code feTemperatures} with δ = 2 nm. */
    static CampaignJob twoByTwo(double[] grainSizes, double[] feTemperatures) {
        CampaignFe.Builder fe = CampaignFe.newBuilder().setModel(FeModelChoice.FE_MODEL_RESOLVED).setGbWidthNm(2.0)
            .setBulk("a58.total").setGbParallel("a57.parallel").setGbPerpendicular("a57.perpendicular").setGrains(4).setGrid(16).setThreads(1);
        for (double d : grainSizes) fe.addGrainSizesNm(d);
        for (double t : feTemperatures) fe.addTemperaturesK(t);
        CampaignJob.Builder c = CampaignJob.newBuilder().addNamedStructures(argon("a58", 5.8)).addNamedStructures(argon("a57", 5.7))
            .setTemplate(template()).setFe(fe)
            // α of 108 atoms over 12 ps scatters by ±0.15 around 1 on the late window: keep every run in the fits
            .setDiffusion(CampaignDiffusion.newBuilder().setIncludeNonNormal(true));
        for (double t : TEMPERATURES) c.addTemperaturesK(t);
        return c.build();
    }

    /** Every sample of a job until it ends, and its final record. */
    record Watched(Job job, List<Sample> samples) {
        List<Sample> named(String observable) {
            return samples.stream().filter(s -> s.getObservables(0).getName().equals(observable)).toList();
        }
    }

    static Watched watch(IonstreamClient client, String id, Duration timeout) throws Exception {
        List<Sample> samples = new CopyOnWriteArrayList<>();
        Job last = client.watch(id, new WatchListener() {
            @Override public void sample(Sample s, long dropped) { samples.add(s); }
        }).await(timeout);
        return new Watched(last, List.copyOf(samples));
    }
}
