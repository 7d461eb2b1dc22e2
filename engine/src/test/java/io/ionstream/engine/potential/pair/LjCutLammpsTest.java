package io.ionstream.engine.potential.pair;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ionstream.engine.SharedData;
import io.ionstream.engine.io.DumpFrame;
import io.ionstream.engine.io.LammpsData;
import io.ionstream.engine.io.LammpsDumpReader;
import io.ionstream.engine.neighbor.NeighborSettings;
import io.ionstream.engine.potential.ForceEngine;
import io.ionstream.engine.potential.ForceField;
import io.ionstream.engine.system.AtomSystem;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

/** lj/cut against LAMMPS's own numbers for in.pairs (see ../shared/lammps-reference/README.md). */
class LjCutLammpsTest {

    @Test
    void energiesForcesAndVirialMatchLammps() throws Exception {
        AtomSystem sys = LammpsData.read(SharedData.file("lammps-reference/ionic.data"), null);
        LjCut lj = new LjCut(2, 6.0).coeff(0, 0, 0.010, 1.6).coeff(1, 1, 0.020, 2.4).coeff(0, 1, 0.015, 1.9);
        ForceEngine engine = new ForceEngine(sys, ForceField.of(lj), NeighborSettings.withSkin(1.0).sortEvery(0));
        engine.setPerAtomEnergy(true);
        engine.compute();

        DumpFrame ref = LammpsDumpReader.readAll(SharedData.file("lammps-reference/lj_forces.dump")).get(0);
        double[] ids = ref.column("id"), fx = ref.column("fx"), fy = ref.column("fy"), fz = ref.column("fz"), pe = ref.column("c_pe");
        double fmax = 0;
        for (double v : fx) fmax = Math.max(fmax, Math.abs(v));
        for (int r = 0; r < ref.atoms(); r++) {
            int i = sys.indexOfId((long) ids[r]);
            assertEquals(fx[r], sys.f()[3 * i], 1e-10 * fmax, "fx of atom " + (long) ids[r]);
            assertEquals(fy[r], sys.f()[3 * i + 1], 1e-10 * fmax, "fy of atom " + (long) ids[r]);
            assertEquals(fz[r], sys.f()[3 * i + 2], 1e-10 * fmax, "fz of atom " + (long) ids[r]);
            assertEquals(pe[r], engine.perAtomEnergy()[i], 1e-10 * Math.abs(pe[r]) + 1e-14, "pe of atom " + (long) ids[r]);
        }

        List<String> thermo = Files.readAllLines(SharedData.file("lammps-reference/pairs_thermo.txt"));
        String[] row = thermo.get(1).strip().split("\\s+");
        double energy = Double.parseDouble(row[1]);
        assertEquals(energy, engine.energy(), 1e-10 * Math.abs(energy));
        double volume = sys.box().volume();
        double nktv2p = io.ionstream.engine.units.MetalUnits.NKTV2P;
        // pxx pyy pzz pxy pxz pyz in bar; LAMMPS has no kinetic part here
        for (int k = 0; k < 6; k++) {
            double p = Double.parseDouble(row[3 + k]);
            double ours = engine.virial()[k] / volume * nktv2p;
            assertEquals(p, ours, 1e-10 * Math.abs(p) + 1e-9, "pressure component " + k);
        }
    }

    /** The fast kernel (no per-atom energies) is a different loop: it must match LAMMPS as well. */
    @Test
    void fastKernelWithoutPerAtomEnergiesMatchesLammps() {
        AtomSystem sys = io.ionstream.engine.potential.LammpsPairReference.ionicSystem();
        LjCut lj = new LjCut(2, 6.0).coeff(0, 0, 0.010, 1.6).coeff(1, 1, 0.020, 2.4).coeff(0, 1, 0.015, 1.9);
        ForceEngine engine = new ForceEngine(sys, ForceField.of(lj), NeighborSettings.withSkin(1.0).sortEvery(0));
        engine.compute();
        DumpFrame ref = io.ionstream.engine.potential.LammpsPairReference.dump("lj_forces.dump");
        io.ionstream.engine.potential.LammpsPairReference.assertForces(ref, sys,
            1e-10 * io.ionstream.engine.potential.LammpsPairReference.maxForce(ref));
        io.ionstream.engine.potential.LammpsPairReference.assertEnergyAndPressure(
            io.ionstream.engine.potential.LammpsPairReference.thermo(io.ionstream.engine.potential.LammpsPairReference.LJ),
            engine.energy(), engine.virial(), sys.box().volume(), 1e-10);
    }
}
