package io.ionstream.engine.potential.pair;

import static io.ionstream.engine.potential.LammpsPairReference.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ionstream.engine.io.DumpFrame;
import io.ionstream.engine.neighbor.NeighborSettings;
import io.ionstream.engine.potential.ForceEngine;
import io.ionstream.engine.potential.ForceField;
import io.ionstream.engine.system.AtomSystem;
import org.junit.jupiter.api.Test;

/**
 * {@code hybrid/overlay buck 8.0 coul/dsf 0.2 8.0} of {@code in.pairs} as a two-term force field,
 * against LAMMPS's energies, per-atom energies (including the DSF self energy), forces and
 * pressure tensor, to 1e-10 relative.
 */
class BuckCoulDsfLammpsTest {
    static Buckingham inPairsBuckingham() {
        return new Buckingham(2, 8.0).coeff(0, 0, 0.0, 1.0, 0.0).coeff(0, 1, 1000.0, 0.30, 0.0)
            .coeff(1, 1, 5000.0, 0.35, 50.0);
    }

    @Test
    void matchesLammpsToRoundOff() {
        AtomSystem sys = ionicSystem();
        ForceField field = ForceField.of(inPairsBuckingham(), new CoulDsf(0.2, 8.0));
        ForceEngine engine = new ForceEngine(sys, field, NeighborSettings.withSkin(1.0).sortEvery(0));
        engine.setPerAtomEnergy(true);
        engine.compute();

        DumpFrame ref = dump("buck_coul_dsf_forces.dump");
        assertForces(ref, sys, 1e-10 * maxForce(ref));
        assertPerAtomEnergies(ref, sys, engine.perAtomEnergy(), 1e-10);
        double sum = 0;
        for (int i = 0; i < sys.size(); i++) sum += engine.perAtomEnergy()[i];
        assertEquals(engine.energy(), sum, 1e-12 * Math.abs(sum), "per-atom energies sum to the total");
        assertEnergyAndPressure(thermo(BUCK_COUL_DSF), engine.energy(), engine.virial(), sys.box().volume(), 1e-10);
    }
}
