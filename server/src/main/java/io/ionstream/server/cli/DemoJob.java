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
 * The job {@code bin/ionstream demo} runs, and a label saying what it is: velocities at twice
 * the target temperature, Nosé-Hoover NVT for 40 % of the steps, then NVE, with thermo and the
 * MSD of one species (in the NVE stage) streamed every 20 steps. The aim is a small Li6PS5Cl
 * cell with the bundled Li6PS5Cl MTP; until one is bundled, the system is the Lennard-Jones argon
 * liquid of the LAMMPS reference (a placeholder-free system with an exact potential), labelled
 * as such.
 */
record DemoJob(String label, JobSpec spec, String nveStage) {
    /** Steps of the default demo: about a minute on 2 cores. */
    static final long DEFAULT_STEPS = 10_000;

    /** A demo system: a structure preset and supercell, a bundled potential, a target temperature, the MSD species. */
    record DemoSystem(String label, String preset, int cells, String potential, double temperature, double dt, String msdSpecies) {}

    /** The argon liquid: 2916 atoms, lj-argon, 120 K, 5 fs. */
    static final DemoSystem ARGON = new DemoSystem(
        "Lennard-Jones argon liquid, 2916 atoms (no Li6PS5Cl potential is bundled in this build yet)",
        PresetStructures.LJ_ARGON_FCC, 9, BundledPotentials.LJ_ARGON, 120, 0.005, "Ar");

    static DemoJob choose(long steps, long seed) {
        // the best bundled system; with a bundled Li6PS5Cl MTP this becomes e.g.
        // new DemoSystem("Li6PS5Cl, 416 atoms, bundled MTP", "li6ps5cl", 2, "<bundled MTP name>", 600, 0.002, "Li")
        return of(ARGON, steps, seed);
    }

    static DemoJob of(DemoSystem d, long steps, long seed) {
        long nvt = Math.max(1, (long) (0.4 * steps)), nve = Math.max(1, steps - nvt);
        Protocol p = Protocol.newBuilder().setTimestepPs(d.dt()).setStages(StageList.newBuilder()
            .addStages(Stage.newBuilder().setVelocities(InitialVelocities.newBuilder().setTemperatureK(2 * d.temperature())))
            .addStages(Stage.newBuilder().setName("nvt").setMd(MdStage.newBuilder().setEnsemble(Ensemble.NVT).setSteps(nvt)
                .setThermostat(Thermostat.newBuilder().setTemperatureK(d.temperature()).setDampingPs(100 * d.dt()))))
            .addStages(Stage.newBuilder().setName("nve").setMd(MdStage.newBuilder().setEnsemble(Ensemble.NVE).setSteps(nve))))
            .build();
        MdJob md = MdJob.newBuilder()
            .setStructure(StructureSource.newBuilder().setPreset(PresetStructure.newBuilder().setName(d.preset())
                .addSupercell(d.cells()).addSupercell(d.cells()).addSupercell(d.cells())))
            .setPotential(PotentialSource.newBuilder().setBundled(d.potential()))
            .setProtocol(p).addObservables(ObservableRequest.newBuilder().setName("thermo").setEvery(20))
            .addObservables(ObservableRequest.newBuilder().setName("msd").setEvery(20).addSpecies(d.msdSpecies()).setStage("nve"))
            .setCheckpointEvery(2000).setNeighborSkin(1.0).setSeed(seed).build();
        return new DemoJob(d.label(), JobSpec.newBuilder().setName("demo").setMd(md).build(), "nve");
    }
}
