package io.ionstream.engine.protocol;

import io.ionstream.engine.md.Barostat;
import io.ionstream.engine.md.NoseHoover;
import io.ionstream.engine.md.Thermostat;
import java.util.List;

/**
 * A linear temperature ramp from {@code tStart} to {@code tStop} (K) over {@code picoseconds},
 * with Nosé-Hoover NVT, or NPT when a barostat is given (its own pressure ramp runs alongside),
 * starting from Maxwell-Boltzmann velocities at {@code tStart} drawn from {@code seed}.
 */
public record TemperatureRamp(double tStart, double tStop, double picoseconds, double dt, double tDamp,
                              Barostat barostat, long seed) {
    public TemperatureRamp {
        Protocol.steps("ramp length", picoseconds, dt);
        Thermostat.of(tStart, tStop, tDamp); // validates the temperatures and damping
    }

    public long steps() { return Protocol.steps("ramp length", picoseconds, dt); }

    public Protocol protocol() {
        long n = steps();
        if (n < 1) throw new IllegalArgumentException("a temperature ramp needs at least one step, got " + picoseconds + " ps at dt " + dt);
        Thermostat t = Thermostat.of(tStart, tStop, tDamp);
        NoseHoover nh = barostat == null ? NoseHoover.nvt(dt, t, n) : NoseHoover.npt(dt, t, barostat, n);
        return new Protocol("temperature ramp", List.of(new VelocityStage(tStart, seed), new MdStage("ramp", nh, n)));
    }
}
