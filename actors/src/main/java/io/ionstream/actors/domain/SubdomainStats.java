package io.ionstream.actors.domain;

/**
 * What one subdomain spent its time on during a run (wall-clock nanoseconds): {@code busy} from
 * a step's start to its report, of which {@code forces} in the force evaluation and
 * {@code waiting} idle for halos, migrants or reverse forces from partners; plus the atoms and
 * ghosts it held at the end and the messages it sent to partners.
 */
public record SubdomainStats(int index, long steps, long busyNanos, long forceNanos, long waitNanos,
                             int atoms, int ghosts, int rebuilds, long messagesSent) {
}
