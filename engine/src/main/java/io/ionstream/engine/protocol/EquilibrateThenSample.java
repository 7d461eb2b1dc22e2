package io.ionstream.engine.protocol;

import io.ionstream.engine.md.Barostat;
import io.ionstream.engine.md.NoseHoover;
import io.ionstream.engine.md.Thermostat;
import io.ionstream.engine.md.VelocityVerlet;
import java.util.List;

/**
 * Equilibration at temperature {@code t} (K), NPT with the given barostat or NVT when it is null,
 * for {@code equilibratePs}, then NVE sampling for {@code samplePs}, starting from
 * Maxwell-Boltzmann velocities at {@code tInitial} drawn from {@code seed} (a hotter start melts a
 * crystal faster).
 */
public record EquilibrateThenSample(double t, Barostat barostat, double equilibratePs, double samplePs, double dt,
                                    double tDamp, double tInitial, long seed) {
    public EquilibrateThenSample {
        Protocol.steps("equilibration length", equilibratePs, dt);
        Protocol.steps("sampling length", samplePs, dt);
        Thermostat.at(t, tDamp);
        if (!(tInitial >= 0) || !Double.isFinite(tInitial)) throw new IllegalArgumentException("initial temperature must be >= 0 K, got " + tInitial);
    }

    /** Velocities drawn at the equilibration temperature. */
    public static EquilibrateThenSample of(double t, Barostat barostat, double equilibratePs, double samplePs, double dt,
                                           double tDamp, long seed) {
        return new EquilibrateThenSample(t, barostat, equilibratePs, samplePs, dt, tDamp, t, seed);
    }

    public Protocol protocol() {
        long ne = Protocol.steps("equilibration length", equilibratePs, dt), ns = Protocol.steps("sampling length", samplePs, dt);
        Thermostat th = Thermostat.at(t, tDamp);
        NoseHoover eq = barostat == null ? NoseHoover.nvt(dt, th) : NoseHoover.npt(dt, th, barostat);
        return new Protocol(barostat == null ? "NVT then NVE" : "NPT then NVE", List.of(
            new VelocityStage(tInitial, seed),
            new MdStage(barostat == null ? "nvt" : "npt", eq, ne),
            new MdStage("nve", new VelocityVerlet(dt), ns)));
    }
}
