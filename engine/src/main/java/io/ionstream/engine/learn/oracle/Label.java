package io.ionstream.engine.learn.oracle;

import io.ionstream.engine.io.mlip.MlipConfiguration;

/**
 * One oracle result in the engine's units: total energy (eV), forces (eV/Å, interleaved, the
 * configuration's file frame and atom order) and MLIP PlusStress (the virial in eV, order xx yy
 * zz yz xz xy; null when the oracle computes no stress), plus the oracle's wall time.
 */
public record Label(double energy, double[] forces, double[] plusStress, double seconds) {
    public Label {
        if (!Double.isFinite(energy)) throw new IllegalArgumentException("label energy is not finite: " + energy);
        if (forces == null) throw new IllegalArgumentException("label has no forces");
        for (int i = 0; i < forces.length; i++) {
            if (!Double.isFinite(forces[i])) {
                throw new IllegalArgumentException("label force component " + i % 3 + " of atom " + (i / 3 + 1) + " is not finite");
            }
        }
        if (plusStress != null) {
            if (plusStress.length != 6) throw new IllegalArgumentException("PlusStress needs 6 components, got " + plusStress.length);
            for (double s : plusStress) if (!Double.isFinite(s)) throw new IllegalArgumentException("label stress is not finite");
        }
    }

    /** The configuration carrying these numbers as its reference energy, forces and stress. */
    public MlipConfiguration applyTo(MlipConfiguration cfg) {
        if (forces.length != 3 * cfg.size()) {
            throw new IllegalArgumentException("label has forces for " + forces.length / 3 + " atoms, the configuration has "
                + cfg.size());
        }
        return cfg.withEnergyForcesStress(energy, forces, plusStress);
    }
}
