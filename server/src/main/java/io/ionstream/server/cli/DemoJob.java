package io.ionstream.server.cli;

import io.ionstream.actors.catalog.BundledPotentials;
import io.ionstream.actors.catalog.PresetStructures;
import io.ionstream.proto.v1.Ensemble;
import io.ionstream.proto.v1.InitialVelocities;
import io.ionstream.proto.v1.JobSpec;
import io.ionstream.proto.v1.MdJob;
import io.ionstream.proto.v1.MdStage;
import io.ionstream.proto.v1.ObservableRequest;
import io.ionstream.proto.v1.PotentialSource;
import io.ionstream.proto.v1.PresetStructure;
import io.ionstream.proto.v1.Protocol;
import io.ionstream.proto.v1.Stage;
import io.ionstream.proto.v1.StageList;
import io.ionstream.proto.v1.StructureSource;
import io.ionstream.proto.v1.Thermostat;

/**
 * The job {@code bin/ionstream demo} runs: the best system the bundled potentials allow, and a
 * label saying what it is. The aim is a small Li6PS5Cl cell with the bundled Li6PS5Cl MTP; until
 * one is bundled, it is the Lennard-Jones argon liquid of the LAMMPS reference (a placeholder-free
 * system whose potential is exact), clearly labelled as such.
 */
record DemoJob(String label, JobSpec spec, String nveStage) {
    /** Steps of the default demo: about a minute on 2 cores. */
    static final long DEFAULT_STEPS = 10_000;

    static DemoJob choose(long steps, long seed) {
        return argonLiquid(steps, seed);
    }

    /**
     * 2916 argon atoms melted at 240 K, Nosé-Hoover NVT at 120 K for 40 % of the steps, then NVE;
     * thermo every 20 steps, the argon MSD every 20 steps of the NVE stage (origins at its start).
     */
    static DemoJob argonLiquid(long steps, long seed) {
        long nvt = Math.max(1, (long) (0.4 * steps)), nve = Math.max(1, steps - nvt);
        Protocol p = Protocol.newBuilder().setTimestepPs(0.005).setStages(StageList.newBuilder()
            .addStages(Stage.newBuilder().setVelocities(InitialVelocities.newBuilder().setTemperatureK(240)))
            .addStages(Stage.newBuilder().setName("nvt").setMd(MdStage.newBuilder().setEnsemble(Ensemble.NVT).setSteps(nvt)
                .setThermostat(Thermostat.newBuilder().setTemperatureK(120).setDampingPs(0.5))))
            .addStages(Stage.newBuilder().setName("nve").setMd(MdStage.newBuilder().setEnsemble(Ensemble.NVE).setSteps(nve))))
            .build();
        MdJob md = MdJob.newBuilder()
            .setStructure(StructureSource.newBuilder().setPreset(PresetStructure.newBuilder().setName(PresetStructures.LJ_ARGON_FCC)
                .addSupercell(9).addSupercell(9).addSupercell(9)))
            .setPotential(PotentialSource.newBuilder().setBundled(BundledPotentials.LJ_ARGON))
            .setProtocol(p).addObservables(ObservableRequest.newBuilder().setName("thermo").setEvery(20))
            .addObservables(ObservableRequest.newBuilder().setName("msd").setEvery(20).addSpecies("Ar").setStage("nve"))
            .setCheckpointEvery(2000).setNeighborSkin(1.0).setSeed(seed).build();
        return new DemoJob("Lennard-Jones argon liquid, 2916 atoms (no Li6PS5Cl potential is bundled in this build yet)",
            JobSpec.newBuilder().setName("demo: argon liquid").setMd(md).build(), "nve");
    }
}
