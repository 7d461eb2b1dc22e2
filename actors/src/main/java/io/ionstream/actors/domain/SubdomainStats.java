package io.ionstream.actors.domain;

/**
 * What one subdomain spent its time on during a run (nanoseconds): {@code busy} (wall clock)
 * from a step's start to its report, of which {@code forces} in the force evaluation and
 * {@code waiting} idle for halos, migrants or reverse forces from partners; {@code cpu} the CPU
 * time its threads spent on its messages (unlike wall time, not inflated by other processes on
 * a shared machine); plus the atoms and ghosts it held at the end and the messages it sent to
 * partners.
 */
public record SubdomainStats(int index, long steps, long busyNanos, long forceNanos, long waitNanos, long cpuNanos,
                             int atoms, int ghosts, int rebuilds, long messagesSent) {
}
