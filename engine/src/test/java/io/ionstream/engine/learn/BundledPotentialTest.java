package io.ionstream.engine.learn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ionstream.engine.io.mlip.MlipCfgReader;
import io.ionstream.engine.io.mlip.MlipConfiguration;
import io.ionstream.engine.io.mlip.MlipSpecies;
import io.ionstream.engine.learn.fit.FitErrors;
import io.ionstream.engine.md.MdRunner;
import io.ionstream.engine.md.NoseHoover;
import io.ionstream.engine.md.Thermostat;
import io.ionstream.engine.md.VelocityVerlet;
import io.ionstream.engine.md.Velocities;
import io.ionstream.engine.neighbor.NeighborSettings;
import io.ionstream.engine.potential.ForceField;
import io.ionstream.engine.potential.mtp.MtpPotential;
import io.ionstream.engine.potential.mtp.MtpReader;
import io.ionstream.engine.system.AtomSystem;
import io.ionstream.engine.units.MetalUnits;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The bundled Li6PS5Cl potential (potentials/lpscl-xtb-l10) against the GFN1-xTB labels it was
 * never fitted to (the committed validation set), within the bounds its README states; and short
 * MD with it stays physical: finite energies, no atoms running into each other, NVE energy kept.
 */
class BundledPotentialTest {
    static final MlipSpecies SPECIES = MlipSpecies.named("Li", "P", "S", "Cl");
    /** The bounds README.md in the potential's folder states for its held-out labels. */
    static final double ENERGY_BOUND_MEV_ATOM = 15.0, FORCE_BOUND_EV_A = 0.2;

    static Path folder() {
        Path p = Path.of("..", "potentials", "lpscl-xtb-l10");
        if (!Files.isDirectory(p)) p = Path.of("potentials", "lpscl-xtb-l10");
        return p.toAbsolutePath().normalize();
    }

    @Test
    void heldOutLabelsWithinTheStatedBounds() {
        Path dir = folder();
        List<MlipConfiguration> held = new MlipCfgReader(SPECIES).readAll(dir.resolve("validation.cfg"));
        assertTrue(held.size() >= 5, "validation labels: " + held.size());
        for (MlipConfiguration c : held) assertTrue(c.hasEnergy(), "every validation configuration carries its oracle energy");
        FitErrors e = FitErrors.of(MtpReader.readModel(dir.resolve("lpscl-xtb.mtp")), SPECIES, held);
        assertTrue(1000 * e.energyRmse() < ENERGY_BOUND_MEV_ATOM, "energy RMSE " + e);
        assertTrue(e.forceRmse() < FORCE_BOUND_EV_A, "force RMSE " + e);
        // the .almtp is the same potential plus its active set
        MtpReader.MtpFile al = MtpReader.read(dir.resolve("lpscl-xtb.almtp"));
        assertNotNull(al.activeSet());
        assertEquals(MtpReader.readModel(dir.resolve("lpscl-xtb.mtp")), al.model());
    }

    @Test
    void shortMdIsStable() {
        MtpPotential pot = MtpPotential.load(folder().resolve("lpscl-xtb.mtp"), SPECIES);
        AtomSystem sys = new StructureSpec("li6ps5cl lattice=9.9 disorder=0.5 seed=21").build(SPECIES, Path.of("."));
        Velocities.maxwellBoltzmann(sys, 600, 5);
        double dt = MetalUnits.FEMTOSECOND;
        MdRunner md = new MdRunner(sys, ForceField.of(pot), NoseHoover.nvt(dt, Thermostat.at(600, 100 * dt)), NeighborSettings.withSkin(1.0));
        md.run(400);
        assertTrue(Double.isFinite(md.potentialEnergy()));
        assertTrue(md.temperature() > 300 && md.temperature() < 1000, "T = " + md.temperature());
        assertTrue(closestPair(sys) > 1.5, "closest pair " + closestPair(sys) + " Å: atoms ran into each other");
        // NVE: the total energy stays within 1 meV/atom over 200 fs
        md.setIntegrator(new VelocityVerlet(dt));
        md.run(1);
        double e0 = md.totalEnergy();
        double worst = 0;
        for (int k = 0; k < 20; k++) {
            md.run(10);
            worst = Math.max(worst, Math.abs(md.totalEnergy() - e0));
        }
        assertTrue(worst / sys.size() < 1e-3, "NVE energy change " + worst / sys.size() + " eV/atom");
    }

    static double closestPair(AtomSystem s) {
        double best = Double.MAX_VALUE;
        double[] d = new double[3];
        for (int i = 0; i < s.size(); i++) {
            for (int j = i + 1; j < s.size(); j++) {
                for (int k = 0; k < 3; k++) d[k] = s.x()[3 * j + k] - s.x()[3 * i + k];
                s.box().minimumImage(d, 0);
                best = Math.min(best, Math.sqrt(d[0] * d[0] + d[1] * d[1] + d[2] * d[2]));
            }
        }
        return best;
    }
}
