package io.ionstream.actors.domain;

import io.ionstream.engine.md.Integrator;
import io.ionstream.engine.potential.ForceField;
import io.ionstream.engine.potential.PotentialFiles;
import io.ionstream.engine.system.SpeciesTable;

/**
 * A model as data: the text of a potential file (with its file name, which selects the format
 * in {@link PotentialFiles}) and an {@link IntegratorSpec}. It is what a job sends to
 * subdomains on other cluster nodes, which rebuild the force field from the text.
 */
public record ModelSpec(String potentialName, String potentialText, IntegratorSpec integratorSpec) implements ModelFactory {
    @Override
    public ForceField forceField(SpeciesTable species) {
        return PotentialFiles.parse(potentialName, potentialText, species);
    }

    @Override
    public Integrator integrator() {
        return integratorSpec.build();
    }
}
