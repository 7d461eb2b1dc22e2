package io.ionstream.actors.jobs.run;

import io.ionstream.actors.domain.ModelFactory;
import io.ionstream.actors.domain.ObservableSource;
import io.ionstream.actors.domain.Portable;

/**
 * One stage of a job as every subdomain of the actor layer builds it for itself, on any node:
 * the job's force field (always for the job's initial system, as the serial runner builds it),
 * the stage's integrator or minimiser, and the job's observables in the groups of
 * {@link ObservableGrouping}.
 */
public interface StageModel extends ModelFactory, ObservableSource, Portable {}
