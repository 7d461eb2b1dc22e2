package io.ionstream.actors.domain;

import io.ionstream.engine.md.Integrator;
import io.ionstream.engine.md.VelocityVerlet;
import java.util.Locale;

/**
 * An integrator by name and parameters, so that any node can build it: {@code ensemble} (nve),
 * time step (ps), target temperature (K) and pressure (bar) with their damping times (ps), for
 * the thermostatted and barostatted ensembles.
 */
public record IntegratorSpec(String ensemble, double dt, double temperature, double tdamp, double pressure, double pdamp) {
    public IntegratorSpec {
        ensemble = ensemble.toLowerCase(Locale.ROOT);
    }

    public static IntegratorSpec nve(double dt) {
        return new IntegratorSpec("nve", dt, 0, 0, 0, 0);
    }

    public Integrator build() {
        return switch (ensemble) {
            case "nve" -> new VelocityVerlet(dt);
            default -> throw new IllegalArgumentException("unknown ensemble '" + ensemble + "' (available: nve)");
        };
    }
}
