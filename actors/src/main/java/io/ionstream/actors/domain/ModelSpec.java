package io.ionstream.actors.domain;

import io.ionstream.engine.md.Integrator;
import io.ionstream.engine.potential.ForceField;
import io.ionstream.engine.potential.PotentialFiles;
import io.ionstream.engine.potential.SystemSummary;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A model as data: the contents of a potential file (with its file name, which selects the
 * format in {@link PotentialFiles}; bytes, because some formats carry binary parts) and an
 * {@link IntegratorSpec}. It is what a job sends to subdomains on other cluster nodes, which
 * rebuild the force field from it.
 */
public record ModelSpec(String potentialName, byte[] potential, IntegratorSpec integratorSpec) implements ModelFactory {
    public ModelSpec {
        potential = potential.clone();
    }

    /** A model from a text potential file. */
    public ModelSpec(String potentialName, String text, IntegratorSpec integratorSpec) {
        this(potentialName, text.getBytes(StandardCharsets.UTF_8), integratorSpec);
    }

    @Override
    public byte[] potential() {
        return potential.clone();
    }

    @Override
    public ForceField forceField(SystemSummary system) {
        return PotentialFiles.parse(potentialName, potential, system);
    }

    @Override
    public Integrator integrator() {
        return integratorSpec.build();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ModelSpec m && m.potentialName.equals(potentialName) && Arrays.equals(m.potential, potential)
            && m.integratorSpec.equals(integratorSpec);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * potentialName.hashCode() + Arrays.hashCode(potential)) + integratorSpec.hashCode();
    }

    @Override
    public String toString() {
        return "ModelSpec[" + potentialName + " (" + potential.length + " bytes), " + integratorSpec + "]";
    }
}
