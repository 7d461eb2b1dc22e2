package io.ionstream.engine.analysis.live;

import io.ionstream.engine.md.StepSums;
import io.ionstream.engine.md.Thermo;
import io.ionstream.engine.units.MetalUnits;

/**
 * Temperature, pressure (scalar and tensor), potential, kinetic and total energy and the
 * integrator's conserved quantity, with LAMMPS's definitions ({@link Thermo}). Partials: the
 * kinetic tensor Σ m v⊗v of the local atoms, the subdomain's virial and potential energy, and its
 * atom count.
 */
public final class ThermoObservable implements Observable {
    private static final String[] NAMES = {"temperature_K", "pressure_bar", "pxx_bar", "pyy_bar", "pzz_bar", "pxy_bar",
        "pxz_bar", "pyz_bar", "pe_eV", "ke_eV", "etotal_eV", "conserved_eV"};
    private final StepSums scratch = new StepSums();
    private final double[] tensor = new double[6];

    @Override public String name() { return "thermo"; }
    @Override public String[] valueNames() { return NAMES.clone(); }
    @Override public int partialLength() { return 14; }

    @Override
    public void accumulate(LocalAtoms a, int column, double[] p, int o) {
        if (a.v == null) throw new IllegalArgumentException("the thermo observable needs velocities");
        double xx = 0, yy = 0, zz = 0, xy = 0, xz = 0, yz = 0;
        for (int i = 0; i < a.nlocal; i++) {
            double m = a.massByType[a.type[i]];
            double vx = a.v[3 * i], vy = a.v[3 * i + 1], vz = a.v[3 * i + 2];
            xx += m * vx * vx; yy += m * vy * vy; zz += m * vz * vz;
            xy += m * vx * vy; xz += m * vx * vz; yz += m * vy * vz;
        }
        double c = MetalUnits.MVV2E;
        p[o] += c * xx; p[o + 1] += c * yy; p[o + 2] += c * zz;
        p[o + 3] += c * xy; p[o + 4] += c * xz; p[o + 5] += c * yz;
        for (int k = 0; k < 6; k++) p[o + 6 + k] += a.virial[k];
        p[o + 12] += a.potentialEnergy;
        p[o + 13] += a.nlocal;
    }

    @Override
    public void finish(double[] t, int o, GlobalFrame g, double[] out) {
        scratch.clear();
        for (int k = 0; k < 6; k++) {
            scratch.mvv[k] = t[o + k];
            scratch.virial[k] = t[o + 6 + k];
        }
        scratch.potentialEnergy = t[o + 12];
        scratch.atoms = Math.round(t[o + 13]);
        double volume = g.box().volume();
        out[0] = Thermo.temperature(scratch);
        out[1] = Thermo.pressure(scratch, volume);
        Thermo.pressureTensor(scratch, volume, tensor);
        System.arraycopy(tensor, 0, out, 2, 6);
        out[8] = scratch.potentialEnergy;
        out[9] = scratch.kineticEnergy();
        out[10] = out[8] + out[9];
        out[11] = out[10] + g.extendedEnergy();
    }
}
