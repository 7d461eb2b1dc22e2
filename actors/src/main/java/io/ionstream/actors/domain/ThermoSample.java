package io.ionstream.actors.domain;

/**
 * Thermodynamic state at the end of one step of a decomposed run, from the reduced step sums:
 * energies (eV), temperature (K), pressure (bar), volume (Å³); {@code conserved} adds the
 * thermostat/barostat energy to the total.
 */
public record ThermoSample(long step, double time, double potentialEnergy, double kineticEnergy,
                           double temperature, double pressure, double volume, double conserved) {
    public double totalEnergy() { return potentialEnergy + kineticEnergy; }
}
