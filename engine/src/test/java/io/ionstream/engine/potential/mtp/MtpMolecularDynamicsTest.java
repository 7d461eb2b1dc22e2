package io.ionstream.engine.potential.mtp;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ionstream.engine.SharedData;
import io.ionstream.engine.io.mlip.MlipCfgReader;
import io.ionstream.engine.io.mlip.MlipSpecies;
import io.ionstream.engine.md.MdRunner;
import io.ionstream.engine.md.Velocities;
import io.ionstream.engine.md.VelocityVerlet;
import io.ionstream.engine.neighbor.NeighborSettings;
import io.ionstream.engine.potential.ForceField;
import io.ionstream.engine.system.AtomSystem;
import org.junit.jupiter.api.Test;

/**
 * NVE molecular dynamics with the trained Li-metal MTP of {@code mlip3_Li_example} on its 128-atom
 * cells: velocity Verlet at 1 fs must hold the total energy (no drift beyond the integrator's
 * O(dt²) fluctuation), which fails for forces that are not exactly −∇E (a missing ghost
 * contribution, a wrong sign or index), and the extrapolation grade stays available during the run.
 */
class MtpMolecularDynamicsTest {

    @Test
    void nveHoldsTheTotalEnergy() {
        MlipSpecies li = MlipSpecies.named("Li");
        MtpPotential pot = MtpPotential.load(SharedData.file("mtp-reference/mlip3_Li_example/pot.almtp"), li);
        for (int c = 0; c < 2; c++) {
            AtomSystem sys = new MlipCfgReader(li).readAll(SharedData.file("mtp-reference/mlip3_Li_example/train.cfg"))
                .get(c).system();
            Velocities.maxwellBoltzmann(sys, 300.0, 11 + c);
            MdRunner md = new MdRunner(sys, ForceField.of(pot), new VelocityVerlet(0.001), NeighborSettings.defaults());
            md.setup();
            int steps = 2000, n = sys.size();
            double[] t = new double[steps + 1], e = new double[steps + 1];
            e[0] = md.totalEnergy();
            double maxGrade = 0;
            for (int s = 1; s <= steps; s++) {
                if (s % 100 == 0) pot.requestGrades();
                md.step();
                if (s % 100 == 0) maxGrade = Math.max(maxGrade, pot.configurationGrade());
                t[s] = md.time();
                e[s] = md.totalEnergy();
            }
            // least-squares slope of E(t): the drift, and the spread about it
            double tm = 0, em = 0;
            for (int s = 0; s <= steps; s++) { tm += t[s]; em += e[s]; }
            tm /= steps + 1;
            em /= steps + 1;
            double sxy = 0, sxx = 0;
            for (int s = 0; s <= steps; s++) { sxy += (t[s] - tm) * (e[s] - em); sxx += (t[s] - tm) * (t[s] - tm); }
            double slope = sxy / sxx, rms = 0;
            for (int s = 0; s <= steps; s++) rms += Math.pow(e[s] - em - slope * (t[s] - tm), 2);
            rms = Math.sqrt(rms / (steps + 1));
            double driftPerAtomPerPs = slope / n;
            System.out.printf("Li MTP NVE, cfg %d, 1 fs x %d: drift %.3e eV/atom/ps, fluctuation %.3e eV/atom, T %.0f K, max grade %.3f%n",
                c, steps, driftPerAtomPerPs, rms / n, md.temperature(), maxGrade);
            assertTrue(Math.abs(driftPerAtomPerPs) < 2e-5, "energy drift " + driftPerAtomPerPs + " eV/atom/ps");
            assertTrue(rms / n < 1e-4, "energy fluctuation " + rms / n + " eV/atom");
            assertTrue(maxGrade >= 0.5 && maxGrade < 100, "grades during MD near the training regime: " + maxGrade);
        }
    }
}
