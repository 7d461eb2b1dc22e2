package io.ionstream.actors.jobs.run;

import io.ionstream.engine.potential.ForceField;
import io.ionstream.engine.potential.SystemSummary;

/**
 * Builds a job's force field for the job's system (species, atoms, Σq², cell: what an Ewald sum
 * sizes itself from; always the job's initial system, so every segment builds the same field).
 * Potentials keep scratch state, so every run segment (and, on the actor layer, every subdomain)
 * gets fresh instances built from the same parameters.
 */
public interface ForceFieldFactory {
    ForceField create(SystemSummary system);

    /** What the potential is, for job listings ("bundled lj-argon", "pair_style lj/cut 8.5" …). */
    String description();
}
