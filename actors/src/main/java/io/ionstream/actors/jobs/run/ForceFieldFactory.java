package io.ionstream.actors.jobs.run;

import io.ionstream.engine.potential.ForceField;
import io.ionstream.engine.system.SpeciesTable;

/**
 * Builds a job's force field for a species table. Potentials keep scratch state, so every run
 * segment (and, on the actor layer, every subdomain) gets fresh instances built from the same
 * parameters.
 */
public interface ForceFieldFactory {
    ForceField create(SpeciesTable species);

    /** What the potential is, for job listings ("bundled lj-argon", "pair_style lj/cut 8.5" …). */
    String description();
}
