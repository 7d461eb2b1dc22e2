package io.ionstream.engine.md;

import static io.ionstream.engine.md.RescaleEveryTest.assertThrowsNaming;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ionstream.engine.system.AtomSystem;
import org.junit.jupiter.api.Test;

/** Bad integrator parameters and runaway runs give exceptions that name the problem. */
class IntegratorParametersTest {

    @Test
    void rejectsBadThermostatAndBarostatParameters() {
        assertThrowsNaming("Tdamp", () -> Thermostat.at(300, -0.1));
        assertThrowsNaming("Tdamp", () -> Thermostat.at(300, 0));
        assertThrowsNaming("Tstart", () -> Thermostat.of(Double.NaN, 300, 0.1));
        assertThrowsNaming("Tstop", () -> Thermostat.of(300, -1, 0.1));
        assertThrowsNaming("tchain", () -> new Thermostat(300, 300, 0.1, 0));
        assertThrowsNaming("Pdamp", () -> Barostat.iso(0, 0, -1));
        assertThrowsNaming("Pstart", () -> Barostat.z(Double.POSITIVE_INFINITY, 0, 1));
        assertThrowsNaming("pchain", () -> new Barostat(Barostat.Coupling.ISO, 0, 0, 1, -1));
        assertThrowsNaming("coupling", () -> new Barostat(null, 0, 0, 1, 3));
    }

    @Test
    void rejectsBadTimeStepsAndRamps() {
        assertThrowsNaming("time step", () -> NoseHoover.nvt(0, Thermostat.at(300, 0.1)));
        assertThrowsNaming("time step", () -> NoseHoover.nvt(Double.NaN, Thermostat.at(300, 0.1)));
        assertThrowsNaming("time step", () -> NoseHoover.npt(-0.001, Thermostat.at(300, 0.1), Barostat.iso(0, 0, 1)));
        assertThrowsNaming("time step", () -> new VelocityVerlet(0));
        assertThrowsNaming("ramp", () -> NoseHoover.nvt(0.001, Thermostat.of(300, 600, 0.1)));
        assertThrowsNaming("ramp", () -> NoseHoover.npt(0.001, Thermostat.at(300, 0.1), Barostat.iso(0, 1000, 1), 0));
        assertThrowsNaming("thermostat", () -> NoseHoover.nvt(0.001, null));
        assertThrowsNaming("barostat", () -> NoseHoover.npt(0.001, Thermostat.at(300, 0.1), null));
    }

    @Test
    void aNonFiniteStateStopsTheRunWithAClearMessage() {
        AtomSystem sys = NoseHooverEnsembleTest.liquid(5);
        MdRunner runner = NoseHooverEnsembleTest.runner(sys, NoseHoover.nvt(0.002, Thermostat.at(120, 0.1)));
        runner.run(3);
        sys.v()[30] = Double.NaN;
        RuntimeException e = assertThrows(RuntimeException.class, () -> runner.run(5));
        System.out.println("NaN velocity: " + e.getMessage());
        assertTrue(e.getMessage().contains("non-finite"),
            "message: " + e.getMessage());
    }

    @Test
    void aRunawayBarostatStopsTheRunWithAClearMessage() {
        AtomSystem sys = NoseHooverEnsembleTest.liquid(6);
        // a huge tension with a stiff barostat blows the cell up
        MdRunner runner = NoseHooverEnsembleTest.runner(sys, NoseHoover.npt(0.005, Thermostat.at(120, 0.5), Barostat.z(-1e6, -1e6, 0.05)));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> runner.run(2000));
        assertTrue(e.getMessage().contains("barostat is unstable"), "message: " + e.getMessage());
    }
}
