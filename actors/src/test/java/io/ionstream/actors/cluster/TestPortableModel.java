package io.ionstream.actors.cluster;

import io.ionstream.actors.domain.ModelFactory;
import io.ionstream.actors.domain.ObservableSource;
import io.ionstream.actors.domain.Portable;
import io.ionstream.engine.analysis.live.ObservableSet;
import io.ionstream.engine.md.Integrator;
import io.ionstream.engine.md.VelocityVerlet;
import io.ionstream.engine.potential.ForceField;
import io.ionstream.engine.potential.SystemSummary;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** A model of "another layer" that travels as its own bytes (a label), for serializer tests. */
public record TestPortableModel(String label) implements ModelFactory, ObservableSource, Portable {
    @Override public ForceField forceField(SystemSummary system) { throw new UnsupportedOperationException(label); }
    @Override public Integrator integrator() { return new VelocityVerlet(0.001); }
    @Override public List<ObservableSet> create() { return List.of(); }
    @Override public byte[] encode() { return label.getBytes(StandardCharsets.UTF_8); }

    public static TestPortableModel decode(byte[] bytes) {
        return new TestPortableModel(new String(bytes, StandardCharsets.UTF_8));
    }
}
