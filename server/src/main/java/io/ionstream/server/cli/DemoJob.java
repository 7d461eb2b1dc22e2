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
 * The job {@code bin/ionstream demo} runs, and a label saying what it is: velocities at
 * {@code initialFactor} times the target temperature (a crystal gives half its kinetic energy to
 * the potential), Nosé-Hoover NVT for 40 % of the steps, then NVE, with thermo and the MSD of one
 * species (in the NVE stage) streamed every 20 steps. The default is ordered Li6PS5Cl with the
 * bundled GFN1-xTB MTP at constant volume near that potential's lattice constant (it is not
 * stable at constant pressure: potentials/lpscl-xtb-l10/README.md); {@code --argon} runs the
 * Lennard-Jones liquid of the LAMMPS reference instead.
 */
record DemoJob(String label, JobSpec spec, String nveStage) {
    /** Steps of the default demo: 20 ps of the Li6PS5Cl cell, about 30 s on 2 cores. */
    static final long DEFAULT_STEPS = 20_000;

    /**
     * A demo system: a structure preset, supercell and lattice constant (0: the preset's), a
     * bundled potential, a target temperature, the initial velocities' temperature factor, the
     * time step and the MSD species.
     */
    record DemoSystem(String label, String preset, int cells, double lattice, String potential, double temperature,
                      double initialFactor, double dt, String msdSpecies) {}

    /**
     * Ordered Li6PS5Cl 2×2×2, 416 atoms, a = 9.9 Å, the bundled MTP, 500 K, 1 fs: stable for 20 ps
     * with seeds 1-3 and 40 ps with seed 4; at 600 K seed 1 ran away after 13 ps.
     */
    static final DemoSystem LI6PS5CL = new DemoSystem(
        "Li6PS5Cl (ordered), 416 atoms, a = 9.9 A, bundled MTP " + BundledPotentials.LPSCL_XTB
            + " (GFN1-xTB level of theory, not DFT), 500 K, constant volume",
        "li6ps5cl", 2, 9.9, BundledPotentials.LPSCL_XTB, 500, 1.5, 0.001, "Li");

    /** The argon liquid: 2916 atoms, lj-argon, 120 K, 5 fs. */
    static final DemoSystem ARGON = new DemoSystem("Lennard-Jones argon liquid, 2916 atoms (LAMMPS reference potential)",
        PresetStructures.LJ_ARGON_FCC, 9, 0, BundledPotentials.LJ_ARGON, 120, 2, 0.005, "Ar");

    static DemoJob of(DemoSystem d, long steps, long seed) {
        long nvt = Math.max(1, (long) (0.4 * steps)), nve = Math.max(1, steps - nvt);
        Protocol p = Protocol.newBuilder().setTimestepPs(d.dt()).setStages(StageList.newBuilder()
            .addStages(Stage.newBuilder().setVelocities(InitialVelocities.newBuilder().setTemperatureK(d.initialFactor() * d.temperature())))
            .addStages(Stage.newBuilder().setName("nvt").setMd(MdStage.newBuilder().setEnsemble(Ensemble.NVT).setSteps(nvt)
                .setThermostat(Thermostat.newBuilder().setTemperatureK(d.temperature()).setDampingPs(100 * d.dt()))))
            .addStages(Stage.newBuilder().setName("nve").setMd(MdStage.newBuilder().setEnsemble(Ensemble.NVE).setSteps(nve))))
            .build();
        MdJob md = MdJob.newBuilder()
            .setStructure(StructureSource.newBuilder().setPreset(preset(d)))
            .setPotential(PotentialSource.newBuilder().setBundled(d.potential()))
            .setProtocol(p).addObservables(ObservableRequest.newBuilder().setName("thermo").setEvery(20))
            .addObservables(ObservableRequest.newBuilder().setName("msd").setEvery(20).addSpecies(d.msdSpecies()).setStage("nve"))
            .setCheckpointEvery(2000).setNeighborSkin(1.0).setSeed(seed).build();
        return new DemoJob(d.label(), JobSpec.newBuilder().setName("demo").setMd(md).build(), "nve");
    }

    private static PresetStructure preset(DemoSystem d) {
        PresetStructure.Builder b = PresetStructure.newBuilder().setName(d.preset())
            .addSupercell(d.cells()).addSupercell(d.cells()).addSupercell(d.cells());
        if (d.lattice() > 0) b.setLattice(d.lattice());
        return b.build();
    }
}
