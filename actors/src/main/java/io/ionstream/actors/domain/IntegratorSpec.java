package io.ionstream.actors.domain;

import io.ionstream.engine.md.Barostat;
import io.ionstream.engine.md.Integrator;
import io.ionstream.engine.md.NoseHoover;
import io.ionstream.engine.md.Thermostat;
import io.ionstream.engine.md.VelocityVerlet;
import java.util.Locale;

/**
 * An integrator by name and parameters, so that any node can build it: {@code ensemble} (nve,
 * nvt, npt), time step (ps), target temperature (K) and pressure (bar) with their damping times
 * (ps; 0 picks LAMMPS's suggestions of 100 and 1000 time steps). NVT and NPT are Nosé-Hoover
 * chains as LAMMPS {@code fix nvt} / {@code fix npt ... iso}.
 */
public record IntegratorSpec(String ensemble, double dt, double temperature, double tdamp, double pressure, double pdamp) {
    /** The ensembles {@link #build} knows. */
    public static final String AVAILABLE = "nve, nvt, npt";

    public IntegratorSpec {
        ensemble = ensemble.toLowerCase(Locale.ROOT);
    }

    public static IntegratorSpec nve(double dt) {
        return new IntegratorSpec("nve", dt, 0, 0, 0, 0);
    }

    public static IntegratorSpec nvt(double dt, double temperature, double tdamp) {
        return new IntegratorSpec("nvt", dt, temperature, tdamp, 0, 0);
    }

    public static IntegratorSpec npt(double dt, double temperature, double tdamp, double pressure, double pdamp) {
        return new IntegratorSpec("npt", dt, temperature, tdamp, pressure, pdamp);
    }

    public Integrator build() {
        double td = tdamp > 0 ? tdamp : 100 * dt, pd = pdamp > 0 ? pdamp : 1000 * dt;
        return switch (ensemble) {
            case "nve" -> new VelocityVerlet(dt);
            case "nvt" -> NoseHoover.nvt(dt, Thermostat.at(temperature, td));
            case "npt" -> NoseHoover.npt(dt, Thermostat.at(temperature, td), Barostat.iso(pressure, pressure, pd));
            default -> throw new IllegalArgumentException("unknown ensemble '" + ensemble + "' (available: " + AVAILABLE + ")");
        };
    }
}
