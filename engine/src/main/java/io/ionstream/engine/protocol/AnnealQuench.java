package io.ionstream.engine.protocol;

import io.ionstream.engine.md.Barostat;
import io.ionstream.engine.md.NoseHoover;
import io.ionstream.engine.md.Thermostat;
import io.ionstream.engine.min.BoxRelax;
import io.ionstream.engine.min.ConjugateGradient;
import io.ionstream.engine.min.MinimizeSettings;
import java.util.List;

/**
 * Annealing and quenching (the seeds' "a+q" for grain boundaries): NPT at {@code tAnneal} (K)
 * for {@code annealPs}, a linear cool from {@code tAnneal} to 1 K over {@code coolPs} (NPT with
 * a temperature ramp), then a conjugate-gradient minimisation, with the cell length along z as
 * a degree of freedom when {@code relaxZ} (at the same pressure). The barostat couples
 * isotropically or along z only ({@code coupling}); velocities start Maxwell-Boltzmann at
 * {@code tAnneal} from {@code seed}.
 */
public record AnnealQuench(double tAnneal, double annealPs, double coolPs, double pressure, Barostat.Coupling coupling,
                           double dt, double tDamp, double pDamp, MinimizeSettings minimize, boolean relaxZ, long seed) {
    /** The temperature the cooling ramp ends at (K). */
    public static final double T_FINAL = 1.0;

    public AnnealQuench {
        Protocol.steps("annealing time", annealPs, dt);
        Protocol.steps("cooling time", coolPs, dt);
        Thermostat.of(tAnneal, T_FINAL, tDamp);
        new Barostat(coupling, pressure, pressure, pDamp, 3);
        if (minimize == null) throw new IllegalArgumentException("a+q needs minimisation settings");
    }

    public Protocol protocol() {
        long na = Protocol.steps("annealing time", annealPs, dt), nc = Protocol.steps("cooling time", coolPs, dt);
        if (nc < 1) throw new IllegalArgumentException("the cooling ramp needs at least one step, got " + coolPs + " ps");
        Barostat b = new Barostat(coupling, pressure, pressure, pDamp, 3);
        return new Protocol("anneal and quench", List.of(
            new VelocityStage(tAnneal, seed),
            new MdStage("anneal", NoseHoover.npt(dt, Thermostat.at(tAnneal, tDamp), b), na),
            new MdStage("cool", NoseHoover.npt(dt, Thermostat.of(tAnneal, T_FINAL, tDamp), b, nc), nc),
            new MinimizeStage("minimise", new ConjugateGradient(minimize, relaxZ ? BoxRelax.z(pressure) : BoxRelax.none()))));
    }
}
