package io.ionstream.engine.potential;

import io.ionstream.engine.system.AtomSystem;
import io.ionstream.engine.system.Box;
import io.ionstream.engine.system.SpeciesTable;

/**
 * What a potential file may need to know about the whole system before it becomes a force
 * field: the species (type order), the atom count, Σ q² and the cell (an Ewald sum sizes its
 * splitting parameter and k-vectors from them). A domain-decomposed run computes it once from
 * the whole system, so that every subdomain builds exactly the same force field.
 */
public record SystemSummary(SpeciesTable species, long atoms, double sumSquaredCharges, Box box) {
    public SystemSummary {
        box = box.copy();
    }

    public static SystemSummary of(AtomSystem sys) {
        double q2 = 0;
        for (int i = 0; i < sys.size(); i++) q2 += sys.q()[i] * sys.q()[i];
        return new SystemSummary(sys.species(), sys.size(), q2, sys.box());
    }

    @Override
    public Box box() {
        return box.copy();
    }
}
