package io.ionstream.engine.md;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ionstream.engine.neighbor.NeighborSettings;
import io.ionstream.engine.protocol.LjArgon;
import io.ionstream.engine.system.AtomSystem;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Nosé-Hoover NVT/NPT step by step against LAMMPS's {@code fix nvt}/{@code fix npt} (run by the
 * test, from the same positions and velocities): temperature, potential and total energy,
 * pressure, volume and Lz every 10 steps for 300 steps, and the change of the thermostat/barostat
 * energy (LAMMPS's {@code f_ID}). The one-reduction-per-step split of the Trotter half-steps must
 * reproduce LAMMPS's sequential order to round-off.
 */
class NoseHooverLammpsTest {
    static final double DT = 0.002;
    static final int STEPS = 300, EVERY = 10;

    static List<Arguments> ensembles() {
        return List.of(
            Arguments.of("nvt", "fix 1 all nvt temp 120 120 0.1",
                (Supplier<Integrator>) () -> NoseHoover.nvt(DT, Thermostat.at(120, 0.1)), true),
            Arguments.of("nvt ramp", "fix 1 all nvt temp 100 200 0.1",
                (Supplier<Integrator>) () -> NoseHoover.nvt(DT, Thermostat.of(100, 200, 0.1), STEPS), true),
            Arguments.of("npt iso", "fix 1 all npt temp 120 120 0.1 iso 300 300 0.5",
                (Supplier<Integrator>) () -> NoseHoover.npt(DT, Thermostat.at(120, 0.1), Barostat.iso(300, 300, 0.5)), false),
            Arguments.of("npt z", "fix 1 all npt temp 120 120 0.1 z 200 200 0.5",
                (Supplier<Integrator>) () -> NoseHoover.npt(DT, Thermostat.at(120, 0.1), Barostat.z(200, 200, 0.5)), true),
            Arguments.of("npt iso ramp", "fix 1 all npt temp 150 100 0.1 iso 0 1000 0.4 tchain 4 pchain 2",
                (Supplier<Integrator>) () -> NoseHoover.npt(DT, new Thermostat(150, 100, 0.1, 4),
                    new Barostat(Barostat.Coupling.ISO, 0, 1000, 0.4, 2), STEPS), false));
    }

    static AtomSystem start() {
        AtomSystem sys = LjArgon.fcc(3, LjArgon.LIQUID_LATTICE);
        Random r = new Random(11);
        for (int k = 0; k < 3 * sys.size(); k++) sys.x()[k] += 0.1 * (r.nextDouble() - 0.5);
        Velocities.maxwellBoltzmann(sys, 200.0, 7);
        return sys;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ensembles")
    void matchesLammpsStepByStep(String name, String fix, Supplier<Integrator> integrator, boolean compareFixEnergy,
                                 @TempDir Path dir) throws Exception {
        AtomSystem sys = start();
        LammpsRun.Thermo ref = LammpsRun.run(dir, sys.copy(), """
            pair_style lj/cut 8.5
            pair_coeff 1 1 0.0104 3.405
            neighbor 2.0 bin
            neigh_modify every 1 delay 0 check yes
            timestep %s
            %s
            thermo_style custom step temp pe etotal press vol lz f_1
            thermo_modify format float %%.17g
            thermo %d
            run %d
            """.formatted(DT, fix, EVERY, STEPS));

        MdRunner runner = new MdRunner(sys, LjArgon.forceField(8.5), integrator.get(), NeighborSettings.withSkin(2.0));
        runner.setup();
        double[] step = ref.column("Step"), temp = ref.column("Temp"), pe = ref.column("PotEng"), etot = ref.column("TotEng"),
            press = ref.column("Press"), vol = ref.column("Volume"), lz = ref.column("Lz"), fix1 = ref.column("f_1");
        double ext0 = runner.integrator().extendedEnergy(runner.globals());
        for (int r = 0; r < step.length; r++) {
            while (runner.currentStep() < (long) step[r]) runner.step();
            String at = name + ", step " + (long) step[r];
            assertEquals(temp[r], runner.temperature(), 1e-9 * temp[r], "T, " + at);
            assertEquals(pe[r], runner.potentialEnergy(), 1e-9 * Math.abs(pe[r]), "PE, " + at);
            assertEquals(etot[r], runner.totalEnergy(), 1e-9 * Math.abs(pe[r]), "total energy, " + at);
            assertEquals(press[r], runner.pressure(), 1e-7 * Math.abs(press[0]) + 1e-6, "pressure, " + at);
            assertEquals(vol[r], sys.box().volume(), 1e-11 * vol[r], "volume, " + at);
            assertEquals(lz[r], sys.box().lz(), 1e-11 * lz[r], "Lz, " + at);
            if (compareFixEnergy) {
                double ext = runner.integrator().extendedEnergy(runner.globals()) - ext0;
                assertEquals(fix1[r] - fix1[0], ext, 1e-9 * Math.abs(pe[r]), "thermostat/barostat energy change, " + at);
            }
        }
    }
}
