package io.ionstream.actors.domain;

import io.ionstream.engine.md.Integrator;
import io.ionstream.engine.potential.ForceField;
import io.ionstream.engine.potential.SystemSummary;

/**
 * How every subdomain (and the coordinator) builds its own force field and integrator:
 * potentials and integrators keep scratch state, so each subdomain needs fresh instances made
 * from the same parameters. A lambda-style factory works in one process; jobs placed on other
 * cluster nodes need a {@link ModelSpec}, which travels as text.
 */
public interface ModelFactory {
    /** A fresh force field for the system {@code system} summarises (the same on every subdomain). */
    ForceField forceField(SystemSummary system);

    Integrator integrator();

    /** In-process factory from two suppliers (not deployable on other nodes). */
    static ModelFactory of(java.util.function.Supplier<ForceField> field, java.util.function.Supplier<Integrator> integrator) {
        return new ModelFactory() {
            @Override public ForceField forceField(SystemSummary system) { return field.get(); }
            @Override public Integrator integrator() { return integrator.get(); }
        };
    }
}
