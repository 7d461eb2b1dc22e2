package io.ionstream.actors.domain;

import static io.ionstream.engine.potential.LammpsPairReference.BUCK_COUL_DSF;
import static io.ionstream.engine.potential.LammpsPairReference.BUCK_COUL_EWALD;
import static io.ionstream.engine.potential.LammpsPairReference.LJ;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ionstream.engine.SharedData;
import io.ionstream.engine.io.DumpFrame;
import io.ionstream.engine.io.mlip.EfsReport;
import io.ionstream.engine.io.mlip.MlipCfgReader;
import io.ionstream.engine.io.mlip.MlipConfiguration;
import io.ionstream.engine.io.mlip.MlipSpecies;
import io.ionstream.engine.md.MdRunner;
import io.ionstream.engine.md.Velocities;
import io.ionstream.engine.neighbor.NeighborSettings;
import io.ionstream.engine.potential.ForceEngine;
import io.ionstream.engine.potential.InPairsScript;
import io.ionstream.engine.potential.LammpsPairReference;
import io.ionstream.engine.potential.SystemSummary;
import io.ionstream.engine.system.AtomSystem;
import io.ionstream.engine.units.MetalUnits;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The engine's potentials, read from their files as the {@code run} command does, on 1, 2, 3, 8
 * and 12 subdomains: LAMMPS's pair styles of {@code in.pairs} (Ewald through the extra
 * reduction) against LAMMPS's own numbers, the random-coefficient argyrodite MTPs against
 * MLIP-3's goldens, and trajectories against the plain engine.
 */
class EnginePotentialsOnSubdomainsTest {
    private static ActorTestKit kit;

    @BeforeAll
    static void start() { kit = ActorTestKit.create(); }

    @AfterAll
    static void stop() { kit.shutdownTestKit(); }

    private static DomainResult run(DomainJob job) throws DomainRun.DomainRunException {
        return DomainRun.run(kit.system(), job, List.of(), null, Duration.ofMinutes(5));
    }

    private static byte[] shared(String path) throws Exception {
        return Files.readAllBytes(SharedData.file(path));
    }

    @ParameterizedTest(name = "{0} subdomains")
    @ValueSource(ints = {1, 2, 3, 8, 12})
    void lammpsPairStylesGiveLammpsForcesEnergyAndPressure(int subdomains) throws Exception {
        for (int style : new int[] {LJ, BUCK_COUL_DSF, BUCK_COUL_EWALD}) {
            AtomSystem sys = LammpsPairReference.ionicSystem();
            ModelSpec model = new ModelSpec("in.pairs", InPairsScript.run(style), IntegratorSpec.nve(0.001));
            DomainResult r = run(new DomainJob(sys, model, NeighborSettings.withSkin(1.0), 0, subdomains, 1));
            String which = "in.pairs run " + style + " on " + subdomains + " subdomains";
            assertEquals(subdomains, r.grid().count(), which);
            if (style == BUCK_COUL_EWALD) {
                // LAMMPS's tabulated erfc limits it to about 2e-7 relative (see EwaldLammpsTest)
                DumpFrame ref = LammpsPairReference.dump("buck_coul_ewald_forces.dump");
                double[] ids = ref.column("id"), fx = ref.column("fx"), fy = ref.column("fy"), fz = ref.column("fz");
                double sq = 0;
                AtomSystem got = r.system();
                for (int k = 0; k < ref.atoms(); k++) {
                    int i = got.indexOfId((long) ids[k]);
                    double dx = fx[k] - got.f()[3 * i], dy = fy[k] - got.f()[3 * i + 1], dz = fz[k] - got.f()[3 * i + 2];
                    sq += dx * dx + dy * dy + dz * dz;
                }
                assertTrue(Math.sqrt(sq / (3.0 * ref.atoms())) <= 2e-7 * MetalUnits.QQR2E, which);
                LammpsPairReference.assertEnergyAndPressure(LammpsPairReference.thermo(style), r.finalSums().potentialEnergy,
                    r.finalSums().virial, sys.box().volume(), 2e-7);
            } else {
                DumpFrame ref = LammpsPairReference.dump(style == LJ ? "lj_forces.dump" : "buck_coul_dsf_forces.dump");
                LammpsPairReference.assertForces(ref, r.system(), 1e-10 * LammpsPairReference.maxForce(ref));
                LammpsPairReference.assertEnergyAndPressure(LammpsPairReference.thermo(style), r.finalSums().potentialEnergy,
                    r.finalSums().virial, sys.box().volume(), 1e-10);
            }
            // and the plain engine to round-off, which is tighter than LAMMPS's agreement for Ewald
            ForceEngine serial = new ForceEngine(sys.copy(), model.forceField(SystemSummary.of(sys)), NeighborSettings.withSkin(1.0));
            serial.compute();
            assertEquals(serial.energy(), r.finalSums().potentialEnergy, 1e-12 * Math.abs(serial.energy()), which);
            AtomSystem ref = serial.system(), got = r.system();
            double fmax = 0;
            for (int k = 0; k < 3 * ref.size(); k++) fmax = Math.max(fmax, Math.abs(ref.f()[k]));
            for (int i = 0; i < ref.size(); i++) {
                int j = got.indexOfId(ref.id()[i]);
                for (int d = 0; d < 3; d++) assertEquals(ref.f()[3 * i + d], got.f()[3 * j + d], 1e-12 * fmax, which + ", atom id " + ref.id()[i]);
            }
        }
    }

    @ParameterizedTest(name = "{0} subdomains")
    @ValueSource(ints = {1, 2, 3, 8, 12})
    void ewaldTrajectoryInNptMatchesThePlainEngine(int subdomains) throws Exception {
        // the k-vectors follow the cell every step; the structure factors take the extra reduction
        AtomSystem sys = LammpsPairReference.ionicSystem();
        Velocities.maxwellBoltzmann(sys, 600, 3);
        ModelSpec model = new ModelSpec("in.pairs",
            InPairsScript.run(BUCK_COUL_EWALD).replace("1.0e-10", "1.0e-6"), IntegratorSpec.npt(0.001, 600, 0.1, 1000, 0.5));
        NeighborSettings ns = NeighborSettings.withSkin(1.0);
        MdRunner serial = new MdRunner(sys.copy(), model.forceField(SystemSummary.of(sys)), model.integrator(), ns);
        serial.run(60);
        DomainResult r = run(new DomainJob(sys, model, ns, 60, subdomains, 60));
        assertEquals(serial.system().box().volume(), r.system().box().volume(), 1e-9 * serial.system().box().volume());
        assertEquals(serial.potentialEnergy(), r.last().potentialEnergy(), 1e-9 * Math.abs(serial.potentialEnergy()));
        assertEquals(serial.conservedEnergy(), r.last().conserved(), 1e-9 * Math.abs(serial.conservedEnergy()));
        Trajectories.assertSameState(serial.system(), r.system(), 1e-9);
    }

    @ParameterizedTest(name = "{0} subdomains")
    @ValueSource(ints = {1, 2, 3, 8, 12})
    void randomArgyroditeMtpsMatchMlipGoldens(int subdomains) throws Exception {
        MlipSpecies species = MlipSpecies.named("Li", "P", "S", "Cl");
        String[][] cases = {
            {"random4_08.mtp", "lpscl_1x1x1.cfg", "golden_mlip3_random4_08_1x1x1.txt"},
            {"random4_16.mtp", "lpscl_2x2x2.cfg", "golden_mlip3_random4_16_2x2x2.txt"}};
        for (String[] c : cases) {
            String dir = "mtp-reference/random4_argyrodite/";
            List<MlipConfiguration> cfgs = new MlipCfgReader(species).readAll(SharedData.file(dir + c[1]));
            List<EfsReport.Block> goldens = EfsReport.read(SharedData.file(dir + c[2]));
            ModelSpec model = new ModelSpec(c[0], shared(dir + c[0]), IntegratorSpec.nve(0.001));
            for (int k = 0; k < cfgs.size(); k++) {
                MlipConfiguration cfg = cfgs.get(k);
                EfsReport.Block want = goldens.get(k);
                String which = c[0] + " on " + c[1] + " cfg " + k + ", " + subdomains + " subdomains";
                DomainResult r = run(new DomainJob(cfg.system(), model, NeighborSettings.withSkin(1.0), 0, subdomains, 1));
                int n = cfg.size();
                assertArrayEquals(want.ids(), Arrays.copyOf(r.system().id(), n), which);
                assertEquals(want.energy(), r.finalSums().potentialEnergy, 1e-10 * Math.abs(want.energy()), which + " energy");
                double[] f = Arrays.copyOf(r.system().f(), 3 * n);
                cfg.toFileFrame(f, n);
                double fScale = 0;
                for (double v : want.forces()) fScale = Math.max(fScale, Math.abs(v));
                for (int i = 0; i < 3 * n; i++) assertEquals(want.forces()[i], f[i], 1e-10 * fScale, which + " force " + i);
                double[] w = cfg.virialToFileFrame(r.finalSums().virial);
                double wScale = 0;
                for (double v : want.plusStress()) wScale = Math.max(wScale, Math.abs(v));
                for (int q = 0; q < 6; q++) assertEquals(want.plusStress()[q], w[q], 1e-10 * wScale, which + " virial " + q);
            }
        }
    }

    @ParameterizedTest(name = "{0} subdomains")
    @ValueSource(ints = {1, 2, 3, 8, 12})
    void trainedLithiumMtpTrajectoriesMatchThePlainEngine(int subdomains) throws Exception {
        MlipSpecies li = MlipSpecies.named("Li");
        String path = "mtp-reference/mlip3_Li_example/pot.almtp";
        AtomSystem sys = new MlipCfgReader(li).readAll(SharedData.file("mtp-reference/mlip3_Li_example/train.cfg")).get(0).system();
        Velocities.maxwellBoltzmann(sys, 600, 21);
        NeighborSettings ns = NeighborSettings.withSkin(0.5);
        for (IntegratorSpec spec : new IntegratorSpec[] {IntegratorSpec.nve(0.002), IntegratorSpec.npt(0.002, 600, 0.1, 5000, 0.5)}) {
            ModelSpec model = new ModelSpec("pot.almtp", shared(path), spec);
            MdRunner serial = new MdRunner(sys.copy(), model.forceField(SystemSummary.of(sys)), model.integrator(), ns);
            serial.run(100);
            DomainResult r = run(new DomainJob(sys, model, ns, 100, subdomains, 100));
            String which = spec.ensemble() + " on " + subdomains + " subdomains";
            assertTrue(r.rebuilds() > 1, which + ": atoms moved through rebuilds: " + r.rebuilds());
            assertEquals(serial.potentialEnergy(), r.last().potentialEnergy(), 1e-9 * Math.abs(serial.potentialEnergy()), which);
            assertEquals(serial.conservedEnergy(), r.last().conserved(), 1e-9 * Math.abs(serial.conservedEnergy()), which);
            Trajectories.assertSameState(serial.system(), r.system(), 1e-9);
        }
    }
}
