package io.ionstream.engine.protocol;

import io.ionstream.engine.md.MdRunner;
import io.ionstream.engine.system.Box;

/**
 * The thermodynamic state after a step, as a protocol reports it: which stage, the runner's step
 * count, the step within the stage and the time since the stage started (ps), temperature (K),
 * energies (eV: potential, kinetic, total, and total plus thermostat/barostat energy), pressure
 * (bar), volume (Å³) and cell lengths (Å).
 */
public record ThermoSample(String stage, long step, long stageStep, double time, double temperature,
                           double potentialEnergy, double kineticEnergy, double totalEnergy, double conservedEnergy,
                           double pressure, double volume, double lx, double ly, double lz) {

    public static ThermoSample of(String stage, long stageStep, double time, MdRunner r) {
        Box b = r.system().box();
        return new ThermoSample(stage, r.currentStep(), stageStep, time, r.temperature(), r.potentialEnergy(),
            r.kineticEnergy(), r.totalEnergy(), r.conservedEnergy(), r.pressure(), b.volume(), b.lx(), b.ly(), b.lz());
    }
}
