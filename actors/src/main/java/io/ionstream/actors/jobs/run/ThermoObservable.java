package io.ionstream.actors.jobs.run;

import io.ionstream.engine.md.MdRunner;
import io.ionstream.engine.system.Box;

/**
 * Temperature, pressure, energies (potential, kinetic, total, conserved with the thermostat and
 * barostat energy), volume and cell lengths of the whole system, from the sums of the last step
 * (LAMMPS definitions, via {@link MdRunner}).
 */
public final class ThermoObservable implements LiveObservable {
    public static final String NAME = "thermo";
    private static final String[] NAMES = {"temperature_K", "pressure_bar", "pe_eV", "ke_eV", "etotal_eV", "conserved_eV",
        "volume_A3", "lx_A", "ly_A", "lz_A"};

    @Override public String name() { return NAME; }
    @Override public String[] valueNames() { return NAMES.clone(); }

    @Override
    public void sample(MdRunner r, double[] out) {
        Box b = r.system().box();
        out[0] = r.temperature();
        out[1] = r.pressure();
        out[2] = r.potentialEnergy();
        out[3] = r.kineticEnergy();
        out[4] = r.totalEnergy();
        out[5] = r.conservedEnergy();
        out[6] = b.volume();
        out[7] = b.lx();
        out[8] = b.ly();
        out[9] = b.lz();
    }
}
